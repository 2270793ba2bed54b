package org.workersarchive.pipeline.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What /proc says of files open for writing: this JVM's own descriptors are among those it lists. */
class OpenWritersTest {

    @TempDir
    Path dir;

    @Test
    void aFileOpenForWritingIsHeldOneOpenForReadingOrClosedIsNot() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux /proc");
        Path written = Files.writeString(dir.resolve("written.pdf"), "%PDF");
        Path read = Files.writeString(dir.resolve("read.pdf"), "%PDF");
        Path appended = Files.writeString(dir.resolve("appended.pdf"), "%PDF");

        try (OutputStream writer = Files.newOutputStream(written);
             InputStream reader = Files.newInputStream(read);
             OutputStream appender = Files.newOutputStream(appended, StandardOpenOption.APPEND)) {
            assertEquals(Set.of(written, appended), OpenWriters.heldForWriting(List.of(written, read, appended)));
        }
        assertEquals(Set.of(), OpenWriters.heldForWriting(List.of(written, read, appended)));
        assertFalse(OpenWriters.isHeldForWriting(dir.resolve("no such file")));
    }
}
