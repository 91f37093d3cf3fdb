package io.poka.platform.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeySourceTest {

    @Test
    void theKeyIsMadeOnceKeptOwnerOnlyInTheDataDirectoryAndReusedAfterARestart(@TempDir Path dir) throws Exception {
        String first = new SessionKeySourceFactory.SessionKeySource(dir).getValue(SessionKeySourceFactory.KEY);
        String afterRestart = new SessionKeySourceFactory.SessionKeySource(dir).getValue(SessionKeySourceFactory.KEY);
        assertEquals(first, afterRestart);
        assertTrue(first.length() >= 32, "AES key material of at least 32 characters");
        Path file = dir.resolve(SessionKeySourceFactory.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void withoutADataDirectoryEachStartHasItsOwnKeyInMemory() {
        String a = new SessionKeySourceFactory.SessionKeySource(null).getValue(SessionKeySourceFactory.KEY);
        String b = new SessionKeySourceFactory.SessionKeySource(null).getValue(SessionKeySourceFactory.KEY);
        assertNotEquals(a, b);
    }

    @Test
    void itAnswersNothingButTheSessionKey(@TempDir Path dir) {
        assertNull(new SessionKeySourceFactory.SessionKeySource(dir).getValue("quarkus.http.port"));
    }
}
