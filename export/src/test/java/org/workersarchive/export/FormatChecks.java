package org.workersarchive.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import org.w3c.dom.NodeList;
import org.workersarchive.core.TeiXPath;

/**
 * Checks every file of the formats an archive holds against the official schemas and validators,
 * not against the project's own copies: each ALTO, PAGE XML, METS and IIIF manifest against
 * {@code ../shared/schemas} ({@link FormatSchemas#from}), each PDF as PDF/A-2B with veraPDF, each
 * TEI against TEI's {@code tei_all.rng}. Tests only; shared with the pipeline's end-to-end tests.
 */
public final class FormatChecks {

    private static final Path SHARED = Path.of(System.getProperty("archive.shared.dir", "../../shared"));
    private static final FormatSchemas OFFICIAL = FormatSchemas.from(SHARED.resolve("schemas"));
    private static TeiValidator teiAll;

    private FormatChecks() {
    }

    /** The official schemas' folder, {@code ../shared/schemas}. */
    public static Path officialSchemas() {
        return SHARED.resolve("schemas");
    }

    /**
     * Every problem of every file of those formats under the folder (an archive, a document folder),
     * a line each naming the file; and how many files of each kind were checked, so that a test can
     * tell that it checked something.
     */
    public static Report check(Path folder) {
        List<String> problems = new ArrayList<>();
        int[] counts = new int[6];
        for (Path file : files(folder)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".pdf")) {
                counts[0]++;
                PdfAValidation.pdfA2bViolations(file).forEach(p -> problems.add(file + ": " + p));
            } else if (name.endsWith(".tei.xml")) {
                counts[1]++;
                teiAll().validate(file).forEach(p -> problems.add(file + ": " + p));
                standAloneProblems(file).forEach(p -> problems.add(file + ": " + p));
            } else if (name.endsWith(".xml") || name.equals("manifest.json")) {
                FormatSchemas.formatOf(file).ifPresent(format -> {
                    counts[2 + format.ordinal()]++;
                    OFFICIAL.validate(format, file).forEach(p -> problems.add(file + ": " + p));
                });
            }
        }
        return new Report(problems, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }

    /** What {@link #check} found, and how many files of each kind it checked. */
    public record Report(List<String> problems, int pdf, int tei, int alto, int page, int mets, int iiif) {
    }

    /**
     * What keeps a TEI from standing alone: an {@code @ref} that is not a pointer to an element of
     * the same file (a standOff entry), or a pointer to an id the file does not hold.
     */
    public static List<String> standAloneProblems(Path tei) {
        try {
            org.w3c.dom.Document xml = TeiXPath.parse(tei);
            XPath xpath = TeiXPath.xpath();
            Set<String> ids = new HashSet<>();
            NodeList idNodes = (NodeList) xpath.evaluate("//@xml:id", xml, XPathConstants.NODESET);
            for (int i = 0; i < idNodes.getLength(); i++) {
                ids.add(idNodes.item(i).getNodeValue());
            }
            List<String> problems = new ArrayList<>();
            NodeList refs = (NodeList) xpath.evaluate("//@ref", xml, XPathConstants.NODESET);
            for (int i = 0; i < refs.getLength(); i++) {
                String ref = refs.item(i).getNodeValue();
                if (!ref.startsWith("#") || !ids.contains(ref.substring(1))) {
                    problems.add("@ref=\"" + ref + "\" does not resolve within the file");
                }
            }
            return problems;
        } catch (Exception e) { // unreadable: the one problem to report
            return List.of("cannot read " + tei + ": " + e);
        }
    }

    /** TEI's {@code tei_all.rng} from {@code ../shared}, compiled once for every test of the JVM (it takes seconds). */
    public static synchronized TeiValidator teiAll() {
        if (teiAll == null) {
            teiAll = TeiValidator.forSchema(SHARED.resolve("tei").resolve("tei_all.rng"));
        }
        return teiAll;
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
