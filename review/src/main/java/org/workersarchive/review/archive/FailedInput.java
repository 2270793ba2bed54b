package org.workersarchive.review.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveFiles;

/**
 * An input the pipeline could not make a document of, kept in {@code failed/} with
 * {@code NAME.reason.txt} beside it.
 *
 * @param name   the file's name in failed/
 * @param reason why, as the pipeline said it (at most {@value #REASON_LIMIT} characters shown)
 */
public record FailedInput(String name, String reason) {

    static final String REASON_SUFFIX = ".reason.txt";
    private static final int REASON_LIMIT = 2000;
    private static final String UNREADABLE = "(its reason file is not a regular file of the archive)";

    /** The failed inputs of the folder, by name; none when it does not exist. */
    public static List<FailedInput> in(Path failedFolder) throws IOException {
        if (!Files.isDirectory(failedFolder)) {
            return List.of();
        }
        List<FailedInput> failed = new ArrayList<>();
        try (Stream<Path> files = Files.list(failedFolder)) {
            for (Path reason : files.filter(f -> f.getFileName().toString().endsWith(REASON_SUFFIX))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = reason.getFileName().toString();
                // A link planted among the reasons (to /etc/passwd) is not shown.
                String text = ArchiveFiles.regularFileInside(failedFolder, reason).isEmpty() ? UNREADABLE
                        : Files.readString(reason, StandardCharsets.UTF_8).strip();
                failed.add(new FailedInput(name.substring(0, name.length() - REASON_SUFFIX.length()),
                        text.length() > REASON_LIMIT ? text.substring(0, REASON_LIMIT) + "…" : text));
            }
        }
        return failed;
    }
}
