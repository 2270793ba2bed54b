package org.workersarchive.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {

    private static final Path BUNDLED = Path.of("bundled");
    private static final long MAX_BUNDLE_BYTES = 5L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void theBundledSetIsExactlyWhatTheGeneratorMakes() throws IOException {
        new SampleGenerator(SampleGenerator.BUNDLED_SEED).generate(dir);
        List<Path> bundled = files(BUNDLED).stream().filter(p -> !p.getFileName().toString().equals("README.md")).toList();
        assertEquals(10, bundled.size(), bundled.toString());
        for (Path file : bundled) {
            Path generated = dir.resolve(BUNDLED.relativize(file).toString());
            assertTrue(Files.exists(generated), "the generator no longer makes " + file);
            assertEquals(-1, Files.mismatch(file, generated), file + " differs from what the generator makes now: "
                    + "regenerate the bundle (see samples/bundled/README.md)");
        }
    }

    @Test
    void theBundleStaysSmall() throws IOException {
        long bytes = 0;
        for (Path file : files(BUNDLED)) {
            bytes += Files.size(file);
        }
        assertTrue(bytes < MAX_BUNDLE_BYTES, bytes + " bytes");
    }

    @Test
    void everyGoldEntityIsPrintedOnItsPage() throws IOException {
        for (Path file : files(BUNDLED.resolve("truth"))) {
            GroundTruth truth = GroundTruth.read(file);
            assertTrue(truth.entities().size() >= 3, file.toString());
            for (GroundTruth.Entity entity : truth.entities()) {
                String page = truth.pages().get(entity.page() - 1).text().replaceAll("\\s+", " ");
                assertTrue(page.contains(entity.surface()), entity + " not on its page in " + file);
                assertTrue(entity.key() != null ^ entity.value() != null, entity.toString());
            }
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
