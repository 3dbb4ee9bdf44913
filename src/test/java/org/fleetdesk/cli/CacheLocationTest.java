package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CacheLocationTest {
    private static final String TOKEN = "rporg_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    @Test
    void environmentCachesAreOnePerApiUrlAndTokenAndDoNotRevealTheToken() {
        String folder = CacheLocation.environmentFolder("https://api.connect.raspberrypi.com", TOKEN);

        assertTrue(folder.matches("api\\.connect\\.raspberrypi\\.com-[0-9a-f]{16}"), folder);
        assertEquals(folder, CacheLocation.environmentFolder("https://api.connect.raspberrypi.com", TOKEN));
        assertNotEquals(folder, CacheLocation.environmentFolder("https://api.connect.raspberrypi.com", TOKEN + "b"));
        assertFalse(folder.contains("aaaa"), folder);
        assertTrue(CacheLocation.environmentFolder("http://127.0.0.1:8080", TOKEN).startsWith("127.0.0.1-8080-"));
    }
}
