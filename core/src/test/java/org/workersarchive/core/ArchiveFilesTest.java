package org.workersarchive.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are the archive's own: regular files whose real path is inside it. */
class ArchiveFilesTest {

    @TempDir
    Path dir;

    @Test
    void onlyRegularFilesWhoseRealPathIsInsideTheArchiveAreItsFiles() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Path tei = Files.writeString(Files.createDirectories(archive.resolve("documents/a")).resolve("t.xml"), "<TEI/>");
        Path outside = Files.writeString(dir.resolve("passwd"), "root:x:0:0");
        Path linkOut = Files.createSymbolicLink(archive.resolve("documents/a/out.xml"), outside);
        Path linkIn = Files.createSymbolicLink(archive.resolve("documents/a/in.xml"), tei);
        Path dotDot = archive.resolve("documents/a/../../passwd");

        assertEquals(Optional.of(tei.toRealPath()), ArchiveFiles.regularFileInside(archive, tei));
        assertEquals(Optional.of(tei.toRealPath()), ArchiveFiles.regularFileInside(archive, linkIn), "a link within");
        assertEquals(Optional.empty(), ArchiveFiles.regularFileInside(archive, linkOut), "a link out");
        assertEquals(Optional.empty(), ArchiveFiles.regularFileInside(archive, dotDot), "a path out");
        assertEquals(Optional.empty(), ArchiveFiles.regularFileInside(archive, archive.resolve("documents/a")), "a folder");
        assertEquals(Optional.empty(), ArchiveFiles.regularFileInside(archive, archive.resolve("none.xml")), "missing");
        Path sibling = Files.writeString(dir.resolve("archive-secret.txt"), "secret");
        assertEquals(Optional.empty(), ArchiveFiles.regularFileInside(archive,
                Files.createSymbolicLink(archive.resolve("documents/a/sibling.xml"), sibling)),
                "a sibling whose name begins like the archive's is still outside");
        assertEquals(Optional.empty(), ArchiveFiles.regularFileInside(archive,
                Files.createSymbolicLink(archive.resolve("documents/a/etc.png"), Path.of("/etc/passwd"))), "/etc/passwd");
        assertEquals(Optional.empty(), ArchiveFiles.regularFileInside(archive,
                Files.createSymbolicLink(archive.resolve("documents/a/dangling.png"), archive.resolve("nowhere.png"))),
                "a dangling link");
        Path loop = archive.resolve("loop");
        Files.createSymbolicLink(loop, loop);
        assertEquals(Optional.empty(), ArchiveFiles.regularFileInside(archive, loop), "a looping link");
    }
}
