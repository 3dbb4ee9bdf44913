package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** {@link SimServer#restart()}: a stopped simulator serves the same organisation again, on its port, with its token. */
class SimRestartTest {
    @Test
    void aRestartedServerKeepsItsPortTokenAndOrganisation() throws IOException {
        SimServer first = SimServer.start(SimConfig.builder().devices(5).seed(3).build());
        first.stop();
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", first.port()).close(), "stopped: refuses");
        try (SimServer again = first.restart()) {
            assertEquals(first.port(), again.port());
            assertEquals(first.token(), again.token());
            assertEquals(first.organisation(), again.organisation());
            assertEquals(200, new SimHttp(again).get("/organisation/devices").status());
        }
    }
}
