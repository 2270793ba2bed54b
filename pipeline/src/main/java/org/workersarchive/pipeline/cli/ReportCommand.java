package org.workersarchive.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.FileNames;
import org.workersarchive.pipeline.archive.OutcomeRecord;
import org.workersarchive.pipeline.report.InputOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Prints what became of every input the archive has ever seen (or of the inputs named), "
                + "its latest outcome first: ok (its document), duplicate (of which document), failed (why; "
                + "its copy in failed/), deferred (why; it stays where it is), withdrawn (removed while it was "
                + "processed; nothing kept). Read from ARCHIVE/outcomes.jsonl, "
                + "to which every outcome is appended before its input leaves its place, so that nothing a "
                + "killed run did is missing. Takes no lock: it may run beside a batch or a watch.",
                "Exit status: 0, or 1 when an input named was never seen."},
        footer = {"", "Examples:",
                "  ./archive report --archive ~/archive",
                "  ./archive report --archive ~/archive ~/inbox/scan-12.tif 3f2a9c01",
                "  ./archive report --archive ~/archive --history --json"})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive folder.")
    Path archive;

    @Parameters(arity = "0..*", paramLabel = "INPUT",
            description = "Inputs to report on: a path, a file name, or the start of a SHA-256 (8 hex digits or more).")
    List<String> wanted = List.of();

    @Option(names = "--history", description = "Every outcome recorded, oldest first, not only each input's latest.")
    boolean history;

    @Option(names = "--json", description = "One JSON object a line, as the outcome record holds it.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path record = new ArchiveLayout(archive.toAbsolutePath().normalize()).outcomes();
        if (!Files.isDirectory(archive)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no archive folder: " + archive
                    + (Files.exists(archive) ? " (it is a file)" : " (it does not exist)")
                    + ": give the folder a batch or a watch wrote into (--archive)");
        }
        List<JsonNode> lines = new ArrayList<>();
        Map<String, JsonNode> latestByInput = new LinkedHashMap<>();
        OutcomeRecord.read(record, line -> {
            if (wanted.isEmpty() || wanted.stream().anyMatch(w -> matches(line, w))) {
                lines.add(line);
                latestByInput.remove(line.path("path").asText());
                latestByInput.put(line.path("path").asText(), line);
            }
        });
        PrintStream out = System.out;
        List<JsonNode> shown = history ? lines : new ArrayList<>(latestByInput.values());
        shown.forEach(line -> out.println(json ? line.toString() : describe(line)));
        if (!json) {
            printSummary(out, latestByInput.values());
        }
        List<String> unseen = wanted.stream().filter(w -> lines.stream().noneMatch(line -> matches(line, w))).toList();
        unseen.forEach(w -> System.err.println("archive: never seen: " + w));
        return unseen.isEmpty() ? 0 : 1;
    }

    /** Whether an outcome is of the input a person named: by its path, its file name, or its checksum's start. */
    static boolean matches(JsonNode line, String wanted) {
        String path = line.path("path").asText();
        String sha256 = line.path("sha256").asText("");
        if (wanted.matches("[0-9a-fA-F]{8,64}") && !sha256.isEmpty() && sha256.startsWith(wanted.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (path.equals(wanted) || Path.of(path).getFileName() != null && Path.of(path).getFileName().toString().equals(wanted)) {
            return true;
        }
        try {
            return path.equals(Path.of(wanted).toAbsolutePath().normalize().toString());
        } catch (RuntimeException notAPath) {
            return false;
        }
    }

    /** One line: status, input, what became of it, the run and when. */
    private static String describe(JsonNode line) {
        String status = line.path("status").asText();
        String what = switch (status) {
            case "ok" -> "document " + line.path("documentId").asText()
                    + (line.path("reason").isTextual() ? " (" + line.path("reason").asText() + ")" : "");
            case "duplicate" -> line.path("reason").asText();
            default -> line.path("reason").asText("") + (line.path("outputs").has("failedCopy")
                    ? " [kept as " + line.path("outputs").path("failedCopy").asText() + "]" : "");
        };
        return String.format(Locale.ROOT, "%-9s %s: %s (run %s, %s)", status,
                FileNames.printable(line.path("path").asText()), FileNames.printable(what),
                line.path("run").asText("?"), line.path("recorded").asText("?"));
    }

    private static void printSummary(PrintStream out, Iterable<JsonNode> latest) {
        Map<InputOutcome.Status, Integer> counts = new EnumMap<>(InputOutcome.Status.class);
        for (InputOutcome.Status status : InputOutcome.Status.values()) {
            counts.put(status, 0);
        }
        int inputs = 0;
        for (JsonNode line : latest) {
            inputs++;
            try {
                counts.merge(InputOutcome.Status.valueOf(line.path("status").asText()), 1, Integer::sum);
            } catch (IllegalArgumentException unknown) {
                // a status of a later version of the pipeline: counted among the inputs only
            }
        }
        int withdrawn = counts.get(InputOutcome.Status.withdrawn);
        out.printf("%d input(s) seen: %d ok, %d duplicate, %d failed, %d deferred%s%n", inputs,
                counts.get(InputOutcome.Status.ok), counts.get(InputOutcome.Status.duplicate),
                counts.get(InputOutcome.Status.failed), counts.get(InputOutcome.Status.deferred),
                withdrawn == 0 ? "" : ", " + withdrawn + " withdrawn"); // rare: said only when there are some
    }
}
