package org.workersarchive.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./archive test --help}, through the real launcher: what the test command does and how to
 * give it options, not Maven's own help (which it printed, the launcher passing every word to Maven).
 */
class LauncherTestHelpTest {

    /** The launcher, beside the modules; the tests run in pipeline/. */
    private static final Path LAUNCHER = Path.of("..", "archive").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void saysWhatTheSuiteIsAndHowToPassItOptions(String help) throws Exception {
        Process launcher = new ProcessBuilder("bash", LAUNCHER.toString(), "test", help).redirectErrorStream(true).start();
        assertTrue(launcher.waitFor(5, TimeUnit.MINUTES), "the launcher ended");
        String said = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, launcher.exitValue(), said);
        assertTrue(said.startsWith("Usage: ./archive test [MAVEN OPTIONS...]"), said);
        assertTrue(said.contains("Runs the whole test suite"), said);
        assertTrue(said.contains("-Dit.test=BatchRunIT"), said);
        assertFalse(said.contains("usage: mvn"), "not Maven's help: " + said);
    }
}
