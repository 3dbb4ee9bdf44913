package org.fleetdesk.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.NewDeviceIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentitySourcesTest {
    @TempDir
    Path dir;

    @Test
    void aFolderGivesOneIdentityPerPublicKeyAndSkipsPrivateKeys() throws Exception {
        IdentityFixtures.writeFolder(dir, "pi5-{1..2}");
        Files.writeString(dir.resolve("notes.txt"), "not a key");

        List<IdentityEntry> entries = IdentitySources.fromFolder(dir, List.of("kiosk"));

        assertEquals(List.of("pi5-1", "pi5-2"), entries.stream().map(IdentityEntry::name).toList());
        NewDeviceIdentity first = entries.get(0).identity();
        assertEquals("pi5-1", first.description());
        assertEquals("pi5-1", first.deviceName());
        assertEquals(List.of("kiosk"), first.tags());
        assertTrue(first.publicKey().startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void csvRowsAreCheckedBeforeAnythingIsSent() throws Exception {
        IdentityFixtures.writeFolder(dir, "pi5-1");
        Files.writeString(dir.resolve("devices.csv"), "public_key_file,description,device_name,tags\n"
                + "pi5-1.pem,,,kiosk;leeds\n"
                + "missing.pem,d,,\n"
                + "pi5-1.pem,again,,\n"
                + "pi5-1.pem,d,n,Kiosk\n"
                + "pi5-1.pem,d,n,a,b\n");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> IdentitySources.fromCsv(dir.resolve("devices.csv"), List.of()));

        String message = e.getMessage();
        assertTrue(message.startsWith("devices.csv has 4 problems (nothing was sent):"), message);
        assertTrue(message.contains("line 3: Public key " + dir.resolve("missing.pem") + " does not exist"), message);
        assertTrue(message.contains("line 4: the key file pi5-1.pem is already on line 2"), message);
        assertTrue(message.contains("line 5: Tag \"Kiosk\" is invalid"), message);
        assertTrue(message.contains("line 6: has 5 fields"), message);
    }

    @Test
    void anEmptyDescriptionBecomesTheName() throws Exception {
        IdentityFixtures.writeFolder(dir, "pi5-1");
        Files.writeString(dir.resolve("devices.csv"), "pi5-1.pem, ,kiosk-1,kiosk leeds\n");

        NewDeviceIdentity identity = IdentitySources.fromCsv(dir.resolve("devices.csv"), List.of("prod")).get(0)
                .identity();

        assertEquals("pi5-1", identity.description());
        assertEquals("kiosk-1", identity.deviceName());
        assertEquals(List.of("prod", "kiosk", "leeds"), identity.tags());
    }
}
