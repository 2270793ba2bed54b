package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.pipeline.cli.ArchiveCli;

/** --workers has an upper bound: as many engine processes as the machine's memory holds, and the run says so. */
class EngineMemoryTest {

    @TempDir
    Path dir;

    @Test
    void workersAreCappedByTheMemoryEachEngineNeeds() {
        long gigabyte = 1_000_000_000L;
        assertEquals(5, EngineMemory.cap(12, 33 * gigabyte / 10), "3.3 GB holds five engines of 600 MB");
        assertEquals(2, EngineMemory.cap(2, 24 * gigabyte), "fewer asked than fit: as asked");
        assertEquals(1, EngineMemory.cap(8, gigabyte / 10), "at least one, however little is free");
    }

    @Test
    void aBatchAskedForMoreWorkersThanTheMemoryHoldsSaysItLoweredThem() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty box"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int status;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            status = ArchiveCli.commandLine().execute("batch", empty.toString(), "--archive",
                    dir.resolve("archive").toString(), "--workers", "100000");
        } finally {
            System.setOut(stdout);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, output);
        assertTrue(output.startsWith("archive: 100000 workers lowered to "), output);
        int lowered = Integer.parseInt(output.replaceFirst("(?s)archive: 100000 workers lowered to (\\d+):.*", "$1"));
        assertTrue(lowered >= 1 && lowered <= EngineMemory.availableBytes() / EngineMemory.ENGINE_BYTES + 1,
                "as many as the memory holds: " + lowered);
    }
}
