package org.fleetdesk.ui.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.fleetdesk.api.Device;
import org.junit.jupiter.api.Test;

class DeleteConfirmationTest {
    private static Device device(int i) {
        return new Device("id-" + i, "kiosk-" + i, "SN" + i, List.of(), null, null, null, null);
    }

    @Test
    void oneDeviceIsNamedAndNeedsNoTypedCount() {
        DeleteConfirmation one = new DeleteConfirmation(List.of(device(1)));

        assertEquals("Delete kiosk-1?", one.title());
        assertEquals(List.of("kiosk-1  (SN1)"), one.names());
        assertFalse(one.needsTypedCount());
        assertTrue(one.isConfirmedBy(""));
    }

    @Test
    void severalDevicesNeedTheirCountTyped() {
        DeleteConfirmation many = new DeleteConfirmation(IntStream.range(0, 1500).mapToObj(
                DeleteConfirmationTest::device).toList());

        assertEquals("Delete 1,500 devices?", many.title());
        assertEquals(DeleteConfirmation.NAMES_SHOWN, many.names().size());
        assertEquals("and 1,488 more", many.more());
        assertEquals("Type 1500 to confirm:", many.typePrompt());
        assertFalse(many.isConfirmedBy(""));
        assertFalse(many.isConfirmedBy("150"));
        assertTrue(many.isConfirmedBy(" 1500 "));
        assertTrue(many.isConfirmedBy("1,500"));
    }
}
