package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.Board;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.OsInfo;
import org.junit.jupiter.api.Test;

class DeviceCsvTest {
    @Test
    void flattensTheApisFieldsAndQuotesWhatNeedsIt() {
        Device modern = new Device("d1", "till, \"front\"", "00ff", List.of("kiosk", "leeds"),
                new Board("Raspberry Pi 5", "1.0", "8 GB"), new OsInfo("Raspberry Pi OS", "13 (Trixie)"), "aarch64",
                Map.of("model", "5", "memory", "8gb", "os", "raspios-13"));
        Device old = new Device("d2", "old", "00aa", List.of(), null, null, null, Map.of());
        StringWriter out = new StringWriter();

        DeviceCsv.print(List.of(modern, old), new PrintWriter(out));

        assertEquals(String.join(",", DeviceCsv.HEADER) + "\r\n"
                + "d1,\"till, \"\"front\"\"\",00ff,kiosk leeds,Raspberry Pi 5,1.0,8 GB,Raspberry Pi OS,13 (Trixie),"
                + "aarch64,5,8gb,raspios-13\r\n"
                + "d2,old,00aa,,,,,,,,,,\r\n", out.toString());
    }
}
