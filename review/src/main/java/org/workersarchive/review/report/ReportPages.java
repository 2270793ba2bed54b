package org.workersarchive.review.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.XmlParsers;

/**
 * The pages of a run's documents, from its report.json and the documents' folders: each page's
 * confidence from the report, its doubtful words from its ALTO (word confidences, WC), its
 * thumbnail from its image. A page whose files cannot be read is still listed, without them.
 */
final class ReportPages {

    private final double doubtfulBelow;
    private final Thumbnails thumbnails;

    /**
     * @param uncertainBelow 0..100, as the TEI's setting
     * @param thumbnails     the thumbnails made so far
     */
    ReportPages(int uncertainBelow, Thumbnails thumbnails) {
        this.doubtfulBelow = uncertainBelow / 100.0;
        this.thumbnails = thumbnails;
    }

    /** Every page with text of the run's documents, without thumbnails. */
    List<PageToCheck> all(JsonNode report) {
        List<PageToCheck> pages = new ArrayList<>();
        for (JsonNode input : report.path("inputs")) {
            String folder = input.path("outputs").path("folder").asText(null);
            if (folder == null || !input.path("status").asText().equalsIgnoreCase("ok")) {
                continue;
            }
            DocumentFolder files = new DocumentFolder(Path.of(folder));
            String title = Path.of(input.path("path").asText()).getFileName().toString();
            for (JsonNode page : input.path("pageDetails")) {
                if (page.path("meanConfidence").isNull() || page.path("words").asInt() == 0) {
                    continue;
                }
                int number = page.path("number").asInt();
                pages.add(new PageToCheck(input.path("documentId").asText(), title, number,
                        page.path("meanConfidence").asDouble(), page.path("words").asInt(),
                        doubtful(files.alto(number)), null));
            }
        }
        return pages;
    }

    /**
     * The pages to check first, each with its thumbnail; thumbnails not made yet are made side by
     * side (at the end of a batch, the cores are idle while the report is written).
     */
    List<PageToCheck> first(List<PageToCheck> pages, JsonNode report) {
        List<PageToCheck> first = pages.stream().sorted(PageToCheck.FIRST).limit(RunReportPage.PAGES_TO_CHECK).toList();
        List<Path> images = first.stream().map(page -> image(page, report)).toList();
        thumbnails.keepOnly(images.stream().filter(Objects::nonNull).toList());
        return IntStream.range(0, first.size()).parallel().mapToObj(i -> images.get(i) == null
                ? first.get(i) : first.get(i).withThumbnail(thumbnails.of(images.get(i)).orElse(null))).toList();
    }

    /** A page's image in its document's folder, or null when the report does not name the folder. */
    private static Path image(PageToCheck page, JsonNode report) {
        for (JsonNode input : report.path("inputs")) {
            if (input.path("documentId").asText().equals(page.documentId())) {
                return Path.of(input.path("outputs").path("folder").asText())
                        .resolve(DocumentFolder.pageImage(page.page(), ".png"));
            }
        }
        return null;
    }

    private int doubtful(Path alto) {
        if (!Files.isRegularFile(alto)) {
            return 0;
        }
        int count = 0;
        try (InputStream in = Files.newInputStream(alto)) {
            XMLStreamReader xml = XmlParsers.streamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("String")) {
                    String wc = xml.getAttributeValue(null, "WC");
                    count += wc != null && Double.parseDouble(wc) < doubtfulBelow ? 1 : 0;
                }
            }
        } catch (IOException | XMLStreamException | NumberFormatException e) {
            return 0;
        }
        return count;
    }
}
