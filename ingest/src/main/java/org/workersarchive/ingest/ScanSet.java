package org.workersarchive.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The scan files that make one document: a single scan, or the pages of one issue that arrived as
 * separate files (named alike, or listed by one sidecar). See {@link ScanSets} for the rules.
 *
 * @param name    what the document's id is made from: the scan's file name, the page files' shared
 *                stem, or the listing sidecar's stem
 * @param files   in page order, at least one
 * @param sidecar the metadata file that describes them, or null
 * @param missing file names the sidecar lists that are not there (yet)
 */
public record ScanSet(String name, List<Path> files, Path sidecar, List<String> missing) {

    public ScanSet {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        missing = List.copyOf(missing);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a scan set of no file: " + name);
        }
    }

    /** One file alone, described by nothing but its name. */
    public static ScanSet of(Path file) {
        return new ScanSet(file.getFileName().toString(), List.of(file), null, List.of());
    }

    /** The first file: the one the inbox takes the set by. */
    public Path lead() {
        return files.get(0);
    }

    /** The files, then the sidecar if there is one: everything that goes with the set. */
    public List<Path> filesWithSidecar() {
        if (sidecar == null) {
            return files;
        }
        List<Path> all = new ArrayList<>(files);
        all.add(sidecar);
        return List.copyOf(all);
    }
}
