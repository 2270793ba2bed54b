package org.workersarchive.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.workersarchive.core.Document;
import org.workersarchive.core.Language;
import org.workersarchive.core.SourceDescription;

/**
 * What makes the searchable PDF a PDF/A-2B, as OCRmyPDF writes by default: an XMP metadata stream
 * that identifies the conformance and describes the publication in Dublin Core (from the same
 * description as the TEI header), the same title, author and producer in the document information
 * (PDF/A wants both to agree), an sRGB output intent (the page images are in device colour
 * spaces, which PDF/A allows only under an output intent) and the document's language. No dates
 * are written: the file stays the same from one run to the next but for its /ID. Thread-safe.
 */
final class PdfAConformance {

    /** The ICC profile of the output intent: sRGB from icc-profiles-free (zlib licence, see NOTICE). */
    static final String ICC_PROFILE = "sRGB.icc";
    static final String OUTPUT_CONDITION = "sRGB IEC61966-2.1";
    static final int PART = 2;
    static final String CONFORMANCE = "B";

    private PdfAConformance() {
    }

    /** Sets the catalog's metadata, output intent and language, and the information dictionary. */
    static void apply(PDDocument pdf, Document document) throws IOException {
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        String title = XmlText.clean(SearchablePdfWriter.title(document));
        String author = author(document);
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setProducer(SearchablePdfWriter.PRODUCER);
        PDMetadata metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(xmp(document, title, author));
        catalog.setMetadata(metadata);
        catalog.addOutputIntent(outputIntent(pdf));
        catalog.setLanguage(TeiHeaderWriter.mainLanguage(document));
    }

    /** The author the TEI names for a pamphlet; null for a periodical's issue, whose author is its editors. */
    private static String author(Document document) {
        SourceDescription source = document.description();
        String author = source.title() == null ? document.firstSource().metadata().get("author") : source.author();
        return author == null ? null : XmlText.clean(author);
    }

    private static byte[] xmp(Document document, String title, String author) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(PART);
        try {
            id.setConformance(CONFORMANCE);
        } catch (BadFieldValueException e) {
            throw new IllegalStateException("xmpbox refused PDF/A conformance " + CONFORMANCE, e);
        }
        describe(xmp.createAndAddDublinCoreSchema(), document, title, author);
        AdobePDFSchema pdfSchema = xmp.createAndAddAdobePDFSchema();
        pdfSchema.setProducer(SearchablePdfWriter.PRODUCER);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool("Archive pipeline " + TeiHeaderWriter.PIPELINE_VERSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, out, true);
        } catch (TransformerException e) {
            throw new IOException("cannot write the PDF's XMP metadata: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Dublin Core from the description the TEI header is made of. */
    private static void describe(DublinCoreSchema dc, Document document, String title, String author) {
        SourceDescription source = document.description();
        dc.setTitle(title);
        if (author != null) {
            dc.addCreator(author);
        }
        if (source.publisher() != null) {
            dc.addPublisher(XmlText.clean(source.publisher()));
        }
        if (source.date() != null) {
            // An ISO date of the publication (1930, 1930-03) is an XMP Date as it is; xmpbox would
            // add a time of day that nobody knows.
            dc.addUnqualifiedSequenceValue(DublinCoreSchema.DATE, source.date());
        }
        TeiHeaderWriter.languagesByTag(document).values().stream().map(Language::tag).forEach(dc::addLanguage);
        dc.setIdentifier(document.id());
        dc.setFormat("application/pdf");
        dc.addType(source.kind() == SourceDescription.Kind.PERIODICAL_ISSUE ? "periodical issue" : "text");
        if (source.note() != null) {
            dc.setDescription(XmlText.clean(source.note()));
        }
        dc.setSource(document.sources().stream().map(file -> XmlText.clean(file.fileName()))
                .reduce((a, b) -> a + ", " + b).orElseThrow());
    }

    private static PDOutputIntent outputIntent(PDDocument pdf) throws IOException {
        try (InputStream profile = PdfAConformance.class.getResourceAsStream(ICC_PROFILE)) {
            if (profile == null) {
                throw new IllegalStateException("the sRGB ICC profile is missing from the class path");
            }
            PDOutputIntent intent = new PDOutputIntent(pdf, profile);
            intent.setInfo(OUTPUT_CONDITION);
            intent.setOutputCondition(OUTPUT_CONDITION);
            intent.setOutputConditionIdentifier(OUTPUT_CONDITION);
            intent.setRegistryName("http://www.color.org");
            return intent;
        }
    }
}
