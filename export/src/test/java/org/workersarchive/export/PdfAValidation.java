package org.workersarchive.export;

import java.nio.file.Path;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Checks a PDF as PDF/A-2B with veraPDF, the PDF/A validator of the Open Preservation Foundation
 * (its Greenfield parser, not PDFBox: the file is read by code other than the code that wrote it).
 * Tests only.
 */
public final class PdfAValidation {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfAValidation() {
    }

    /** Every rule the file breaks, as "clause-test: message (where)"; empty when it is PDF/A-2B. */
    public static List<String> pdfA2bViolations(Path pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + ": " + assertion.getMessage() + " (" + assertion.getLocation().getContext() + ")")
                    .distinct().toList();
        } catch (Exception e) {
            return List.of("veraPDF could not read " + pdf + ": " + e);
        }
    }
}
