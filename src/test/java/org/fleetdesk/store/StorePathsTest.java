package org.fleetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.fleetdesk.AppPaths;
import org.fleetdesk.api.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorePathsTest {
    @TempDir
    Path home;

    @AfterEach
    void restore() {
        System.clearProperty(AppPaths.HOME_VARIABLE);
    }

    @Test
    void eachProfileHasItsOwnFileUnderTheAppHome() {
        System.setProperty(AppPaths.HOME_VARIABLE, home.toString());
        assertEquals(home.resolve("orgs/acme/cache.sqlite"), StorePaths.cacheFile("acme"));
        assertEquals(home.resolve("orgs/Acme_Ltd-2.eu/cache.sqlite"), StorePaths.cacheFile("Acme_Ltd-2.eu"));
    }

    @Test
    void profileNamesCannotEscapeTheOrgsFolder() {
        assertEquals("%2E.%2Fetc", StorePaths.folderName("../etc"));
        assertEquals("%2E.", StorePaths.folderName(".."));
        assertEquals("Acme%20Caf%C3%A9", StorePaths.folderName("Acme Café"));
        assertEquals("a%5Cb%3Ac", StorePaths.folderName("a\\b:c"));
    }

    @Test
    void anEmptyProfileNameIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StorePaths.cacheFile(" "));
        assertEquals("A profile name cannot be empty: choose a name for the organisation.", e.getMessage());
    }
}
