package org.workersarchive.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.workersarchive.core.FileNames;

/**
 * Which scan files make one document. In each folder, in this order:
 * <ol>
 * <li>a sidecar ({@code NAME.json}, {@code NAME.yaml} or {@code NAME.yml}) with a {@code files} list
 * makes those files, in that order, one document;</li>
 * <li>files named {@code STEM_pNN.ext} (or {@code STEM_pNN-MM.ext} for a file of several pages) with
 * the same stem are the pages of one document, in the order of NN, described by the sidecar
 * {@code STEM.json} (or .yaml, .yml) if there is one;</li>
 * <li>any other file is a document alone, described by the sidecar of its own stem if there is one.</li>
 * </ol>
 * Only names are looked at here; what the files are is told later from their bytes.
 */
public final class ScanSets {

    /** Name endings of scans; a folder's other files (sidecars, notes) are not scans. */
    public static final Set<String> SCAN_EXTENSIONS = Set.of("pdf", "tif", "tiff", "jpg", "jpeg", "png");
    /** Name endings of sidecar metadata files, in the order they are looked for. */
    public static final List<String> SIDECAR_EXTENSIONS = List.of("json", "yaml", "yml");

    /** STEM_p01, or STEM_p02-03 for a file that holds pages 2 to 3. */
    private static final Pattern PAGE_FILE = Pattern.compile("(.+)_p(\\d{1,4})(?:-\\d{1,4})?");

    private ScanSets() {
    }

    /** The given files, grouped into sets; the result is in the order of each set's first file. */
    public static List<ScanSet> group(Collection<Path> files) {
        Map<Path, List<Path>> byFolder = new TreeMap<>();
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            byFolder.computeIfAbsent(absolute.getParent(), f -> new ArrayList<>()).add(absolute);
        }
        List<ScanSet> sets = new ArrayList<>();
        byFolder.forEach((folder, inFolder) -> sets.addAll(groupInFolder(folder, inFolder)));
        sets.sort(Comparator.comparing(ScanSet::lead));
        return sets;
    }

    /** The set a file belongs to, among the scans of its folder (how the inbox sees it). */
    public static ScanSet setOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (isSidecarName(absolute.getFileName().toString())) {
            return setsIn(absolute.getParent()).stream().filter(set -> set.lead().equals(absolute)).findFirst()
                    .orElseGet(() -> ScanSet.of(absolute));
        }
        List<Path> scans = new ArrayList<>(scansIn(absolute.getParent()));
        if (!scans.contains(absolute)) {
            scans.add(absolute);
        }
        return groupInFolder(absolute.getParent(), scans).stream()
                .filter(set -> set.files().contains(absolute) || set.lead().equals(absolute))
                .findFirst().orElseGet(() -> ScanSet.of(absolute));
    }

    /**
     * Every set in a folder, as the inbox sees it: each file that is not a sidecar (nor hidden) is
     * in one set, whatever its name says it is; a file that is no scan fails later with its reason.
     */
    public static List<ScanSet> setsIn(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        List<Path> files = filesIn(absolute).stream().map(f -> f.getFileName().toString())
                .filter(name -> !name.startsWith(".") && !isSidecarName(name)).map(absolute::resolve).toList();
        List<ScanSet> sets = new ArrayList<>(groupInFolder(absolute, files));
        // A sidecar no set goes with (its scans never came, or came and went before it): a set of
        // its own, which fails with the reason rather than lie in the inbox unseen.
        Set<Path> described = new HashSet<>();
        sets.forEach(set -> described.add(set.sidecar()));
        for (Path sidecar : sidecarsIn(absolute)) {
            if (!described.contains(sidecar)) {
                sets.add(ScanSet.of(sidecar));
            }
        }
        return sets;
    }

    /** Whether the set is a sidecar alone, no scan with it. */
    public static boolean isLoneSidecar(ScanSet set) {
        return set.sidecar() == null && set.files().size() == 1 && isSidecarName(set.lead().getFileName().toString());
    }

    public static boolean isScanName(String fileName) {
        return !fileName.startsWith(".") && SCAN_EXTENSIONS.contains(extension(fileName));
    }

    public static boolean isSidecarName(String fileName) {
        return !fileName.startsWith(".") && SIDECAR_EXTENSIONS.contains(extension(fileName));
    }

    /**
     * What is odd in the page numbers of a set of page files ({@code STEM_pNN}), in words for the
     * report: a page missing between two ({@code page 2 is missing}), a page in two files
     * ({@code page 3 is in both x_p02-03.pdf and x_p03.png}), a page given twice, of which the
     * second file was made a document of its own. Empty for a set that is not of page files, or
     * whose pages follow one another.
     */
    public static List<String> numberingNotes(ScanSet set) {
        List<String> notes = new ArrayList<>();
        Path folder = set.lead().getParent();
        Map<Integer, List<String>> filesByPage = new TreeMap<>();
        String stem = null;
        for (Path file : set.files()) {
            Matcher page = PAGE_FILE.matcher(stem(file.getFileName().toString()));
            if (!page.matches()) {
                return List.of();
            }
            stem = page.group(1);
            int first = Integer.parseInt(page.group(2));
            int last = lastPage(stem(file.getFileName().toString()), first);
            for (int n = first; n <= last && n - first < 10_000; n++) {
                filesByPage.computeIfAbsent(n, k -> new ArrayList<>()).add(file.getFileName().toString());
            }
        }
        if (stem == null) {
            return List.of();
        }
        List<Integer> missing = new ArrayList<>();
        int previous = -1;
        for (Map.Entry<Integer, List<String>> page : filesByPage.entrySet()) {
            for (int gap = previous + 1; previous >= 0 && gap < page.getKey(); gap++) {
                missing.add(gap);
            }
            previous = page.getKey();
            if (page.getValue().size() > 1) {
                notes.add("page " + page.getKey() + " is in both " + String.join(" and ", page.getValue()));
            }
        }
        if (!missing.isEmpty()) {
            notes.add((missing.size() == 1 ? "page " : "pages ") + missing.stream().map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElse("") + (missing.size() == 1 ? " is" : " are") + " missing");
        }
        for (Path other : scansIn(folder)) {
            Matcher page = PAGE_FILE.matcher(stem(other.getFileName().toString()));
            if (!set.files().contains(other) && page.matches() && page.group(1).equals(stem)) {
                int number = Integer.parseInt(page.group(2));
                notes.add(listingSidecar(other)
                        .map(sidecar -> "page " + number + " (" + other.getFileName() + ") was taken by the sidecar "
                                + sidecar.getFileName() + ", which lists it in its files: it is a page of that document")
                        .orElse("page " + number + " is given twice: " + other.getFileName()
                                + " was made a document of its own"));
            }
        }
        return notes;
    }

    /** The sidecar of the folder whose files list took this file into its own document, if one did. */
    private static Optional<Path> listingSidecar(Path file) {
        Path folder = file.getParent();
        Set<Path> remaining = new TreeSet<>(scansIn(folder));
        return listedSets(folder, remaining).stream().filter(set -> set.files().contains(file))
                .map(ScanSet::sidecar).findFirst();
    }

    /** The last page of a file named STEM_pNN or STEM_pNN-MM. */
    private static int lastPage(String fileStem, int first) {
        int dash = fileStem.lastIndexOf('-');
        int p = fileStem.lastIndexOf("_p");
        if (dash > p && p >= 0) {
            try {
                return Math.max(first, Integer.parseInt(fileStem.substring(dash + 1)));
            } catch (NumberFormatException notARange) {
                return first;
            }
        }
        return first;
    }

    /** The sidecar named after a stem in a folder, if there is one. */
    private static Optional<Path> sidecarOf(Path folder, String stem) {
        return SIDECAR_EXTENSIONS.stream().map(ext -> folder.resolve(stem + "." + ext))
                .filter(Files::isRegularFile).findFirst();
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static List<ScanSet> groupInFolder(Path folder, List<Path> files) {
        Set<Path> remaining = new TreeSet<>(files);
        List<ScanSet> sets = new ArrayList<>(listedSets(folder, remaining));
        Map<String, TreeMap<Integer, Path>> pagesByStem = new LinkedHashMap<>();
        for (Path file : remaining) {
            Matcher page = PAGE_FILE.matcher(stem(file.getFileName().toString()));
            if (page.matches() && isScanName(file.getFileName().toString())) {
                pagesByStem.computeIfAbsent(page.group(1), s -> new TreeMap<>())
                        .putIfAbsent(Integer.parseInt(page.group(2)), file);
            }
        }
        pagesByStem.forEach((stem, pages) -> {
            remaining.removeAll(pages.values());
            sets.add(new ScanSet(stem, List.copyOf(pages.values()), sidecarOf(folder, stem).orElse(null), List.of()));
        });
        for (Path file : remaining) {
            String name = file.getFileName().toString();
            sets.add(new ScanSet(name, List.of(file), sidecarOf(folder, stem(name)).orElse(null), List.of()));
        }
        return sets;
    }

    /** The sets that sidecars with a files list make; their files are taken out of {@code remaining}. */
    private static List<ScanSet> listedSets(Path folder, Set<Path> remaining) {
        List<ScanSet> sets = new ArrayList<>();
        Set<Path> listedAlready = new HashSet<>();
        for (Path sidecar : sidecarsIn(folder)) {
            List<String> listed = SidecarReader.listedFiles(sidecar);
            if (listed.isEmpty()) {
                continue;
            }
            List<Path> present = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String name : listed) {
                // Listed names are plain (SidecarReader.listedFiles): each stays in this folder.
                Path file = FileNames.resolveIn(folder, name);
                if (Files.isRegularFile(file) && listedAlready.add(file)) {
                    present.add(file);
                } else if (!Files.isRegularFile(file)) {
                    missing.add(name);
                }
            }
            if (present.stream().anyMatch(remaining::contains)) {
                remaining.removeAll(present);
                sets.add(new ScanSet(stem(sidecar.getFileName().toString()), present, sidecar, missing));
            }
        }
        return sets;
    }

    private static List<Path> scansIn(Path folder) {
        return filesIn(folder).stream().filter(f -> isScanName(f.getFileName().toString())).toList();
    }

    private static List<Path> sidecarsIn(Path folder) {
        return filesIn(folder).stream().filter(f -> isSidecarName(f.getFileName().toString())).toList();
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
