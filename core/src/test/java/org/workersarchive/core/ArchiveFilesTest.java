package org.workersarchive.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveFilesTest {

    @TempDir
    Path dir;

    @Test
    void onlyRegularFilesWhoseRealPathIsInsideTheArchive() throws IOException {
        Path archive = Files.createDirectories(dir.resolve("archive/documents/d/pages"));
        Path page = Files.write(archive.resolve("p0001.png"), new byte[] {1});
        Path outside = Files.writeString(dir.resolve("archive-secret.txt"), "secret");

        Path root = dir.resolve("archive");
        assertTrue(ArchiveFiles.isRegularInside(root, page));
        assertTrue(ArchiveFiles.isRegularInside(root, Files.createSymbolicLink(archive.resolve("same.png"), page)));
        assertFalse(ArchiveFiles.isRegularInside(root, Files.createSymbolicLink(archive.resolve("out.png"), outside)),
                "a sibling whose name begins like the archive's is still outside");
        assertFalse(ArchiveFiles.isRegularInside(root, Files.createSymbolicLink(archive.resolve("etc.png"),
                Path.of("/etc/passwd"))));
        assertFalse(ArchiveFiles.isRegularInside(root, archive.resolve("../pages/../../../archive-secret.txt")));
        assertFalse(ArchiveFiles.isRegularInside(root, archive), "a folder");
        assertFalse(ArchiveFiles.isRegularInside(root, archive.resolve("missing.png")));
        assertFalse(ArchiveFiles.isRegularInside(root, Files.createSymbolicLink(archive.resolve("dangling.png"),
                archive.resolve("nowhere.png"))));
    }
}
