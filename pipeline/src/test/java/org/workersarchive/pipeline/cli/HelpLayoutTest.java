package org.workersarchive.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help, wrapped once at the width given, only at spaces, its examples whole. */
class HelpLayoutTest {

    /** Every command's help at the width, by command name; the top-level help as "archive". */
    private static Map<String, String> helps(int width) {
        CommandLine cli = ArchiveCli.commandLine().setUsageHelpAutoWidth(false).setUsageHelpWidth(width);
        Map<String, String> helps = new java.util.TreeMap<>();
        helps.put("archive", help(cli));
        cli.getSubcommands().forEach((name, command) -> helps.put(name, help(command)));
        return helps;
    }

    private static String help(CommandLine command) {
        StringWriter text = new StringWriter();
        command.usage(new PrintWriter(text, true));
        return text.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 132})
    void noLineIsWiderThanTheWidthButAnExample(int width) {
        helps(width).forEach((command, help) -> help.lines()
                .filter(line -> !line.startsWith("  ./archive"))
                .forEach(line -> assertTrue(line.length() <= width, command + " at " + width + ": " + line)));
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 132})
    void everyExampleIsWholeOnItsLine(int width) {
        CommandLine cli = ArchiveCli.commandLine();
        Map<String, String> helps = helps(width);
        cli.getSubcommands().forEach((name, command) -> {
            for (String line : command.getCommandSpec().usageMessage().footer()) {
                if (line.startsWith("  ./archive")) {
                    assertTrue(helps.get(name).lines().anyMatch(line::equals), name + ": " + line + " in\n" + helps.get(name));
                }
            }
        });
        assertTrue(helps.get("archive").lines().anyMatch(line -> line.equals(
                "  ./archive worker --broker tcp://127.0.0.1:61616 --archive ~/archive")), helps.get("archive"));
    }

    @Test
    void wordsWithFullStopsColonsAndSlashesAreNeverBroken() {
        for (int width = 55; width <= 140; width++) {
            Map<String, String> helps = helps(width);
            for (String command : List.of("batch", "watch")) {
                String help = helps.get(command);
                assertTrue(help.contains("tcp://10.0.0.5:61616,"), command + " at " + width + ":\n" + help);
                assertTrue(help.contains("archive.properties.example"), command + " at " + width + ":\n" + help);
            }
        }
    }

    @Test
    void aDescriptionIsWrappedOnceNotAtTheLinesItWasWrittenIn() {
        String help = helps(400).get("batch");
        String first = help.lines().filter(line -> line.startsWith("Processes every scan")).findFirst().orElseThrow();
        assertTrue(first.endsWith("prints a summary."), first);
        assertTrue(help.lines().anyMatch(line -> line.startsWith("Exit status: 0 all done") && line.endsWith("run again.")),
                help);
    }

    @Test
    void theCommandListGivesEachCommandItsFirstSentence() {
        String help = helps(100).get("archive");
        assertTrue(help.lines().anyMatch(line -> line.matches("  batch +Processes every scan under the inputs .*")), help);
        assertTrue(help.lines().anyMatch(line -> line.matches("  help +Display help information about the specified command\\.")),
                help);
        assertEquals(-1, help.indexOf("%n"), help);
    }

    @Test
    void theCommandListSaysWhatEachCommandIsForUpToTheColonThatOpensTheDetails() {
        String help = helps(100).get("archive");
        assertTrue(help.lines().anyMatch(line -> line.matches("  serve +Serves the archive in a browser\\.")), help);
        assertTrue(help.lines().anyMatch(line -> line.matches(
                "  validate +Validates the archive's files \\(named, or found under the folders given\\)\\.")), help);
        // A colon inside brackets, or in a URL, opens no details.
        assertTrue(help.lines().anyMatch(line -> line.matches("  batch +Processes every scan under the inputs \\(PDF, .*")),
                help);
    }

    @Test
    void everyCommandsHelpTakesTheTerminalsWidth() {
        CommandLine cli = ArchiveCli.commandLine();
        assertTrue(cli.isUsageHelpAutoWidth(), "archive");
        cli.getSubcommands().forEach((name, command) -> assertTrue(command.isUsageHelpAutoWidth(), name));
    }
}
