package org.fleetdesk.ui.artefacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Sha256;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.rollouts.SimSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewArtefactViewModelTest {
    @TempDir
    Path dir;

    private Session session;

    @BeforeEach
    void open() throws Exception {
        session = SimSession.open(SimConfig.builder().devices(5).seed(1).build(), dir, new SameThreadTaskExecutor());
        SimSession.online(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theFormChecksAsTheApiDoesAndCreatesTheArtefact() {
        NewArtefactViewModel form = new NewArtefactViewModel(session);
        form.nameProperty().set("kiosk-v2");
        form.uriProperty().set("http://example.com/kiosk.img");
        form.checksumProperty().set("abc");
        assertTrue(form.uriErrorProperty().get().contains("must be an https:// address"), form.uriErrorProperty().get());
        assertTrue(form.checksumErrorProperty().get().startsWith("Checksum must be the hex-encoded SHA-256"));
        assertFalse(form.canCreateProperty().get());

        form.uriProperty().set("https://example.com/kiosk.img");
        form.checksumProperty().set(SimSession.CHECKSUM.toUpperCase());
        assertTrue(form.canCreateProperty().get());
        AtomicReference<Artefact> created = new AtomicReference<>();
        form.create(created::set);

        assertEquals("kiosk-v2", created.get().name());
        assertEquals(SimSession.CHECKSUM, created.get().checksum());
        assertEquals(created.get(), session.store().artefacts().get(created.get().id()).orElseThrow());
    }

    @Test
    void theChecksumOfAFileIsStreamedWithProgress() throws Exception {
        Path image = dir.resolve("image.img");
        byte[] bytes = new byte[3 * (1 << 20) + 17];
        new Random(1).nextBytes(bytes);
        Files.write(image, bytes);
        NewArtefactViewModel form = new NewArtefactViewModel(session);

        form.computeChecksum(image);

        assertEquals(Sha256.hexOfFile(image), form.checksumProperty().get());
        assertFalse(form.busyProperty().get());
        assertEquals("", form.errorProperty().get());
    }

    @Test
    void aRefusalShowsTheServersMessage() {
        SimSession.artefact(session, "kiosk-v2", "https://example.com/a.img");
        NewArtefactViewModel form = new NewArtefactViewModel(session);
        form.nameProperty().set("kiosk-v2");
        form.uriProperty().set("https://example.com/b.img");
        form.checksumProperty().set(SimSession.CHECKSUM);
        form.create(made -> { });
        assertTrue(form.errorProperty().get().startsWith("Validation failed: Name has already been taken"),
                form.errorProperty().get());
    }

    @Test
    void checksumFilesInSha256sumFormatAreRead() {
        String digest = SimSession.CHECKSUM;
        assertEquals(digest, ChecksumFile.parse(digest.toUpperCase() + "\n", "kiosk.img", "x"));
        assertEquals(digest, ChecksumFile.parse("0".repeat(64) + "  other.img\n" + digest + " *kiosk.img\n",
                "kiosk.img", "x"));
        assertThrows(InvalidInputException.class, () -> ChecksumFile.parse("<html>not found</html>", "kiosk.img", "x"));
    }

    @Test
    void theArtefactsListShowsWhichRolloutsUsedEachAndTheApisRefusalToDelete() throws Exception {
        Artefact used = SimSession.artefact(session, "kiosk-v2", "https://example.com/a.img");
        session.client().createDeployment(session.store().index().devices().get(0).id(), used.id());
        ArtefactsViewModel list = new ArtefactsViewModel(session);
        list.refresh();
        assertEquals(1, list.rows().size());
        assertEquals("d39fc02a…9c5cc6", list.rows().get(0).shortChecksum());

        list.delete(list.rows().get(0));

        assertTrue(list.errorProperty().get().contains("Cannot delete artefacts that have been deployed"),
                list.errorProperty().get());
        assertEquals(1, list.rows().size());
        list.searchProperty().set("nothing");
        assertTrue(list.rows().isEmpty());
    }
}
