package org.workersarchive.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.review.archive.CatalogQuery;
import org.workersarchive.review.archive.DocumentSummary;
import org.workersarchive.review.correct.Correction;
import org.workersarchive.review.html.Html;
import org.workersarchive.review.iiif.ImageRequest;
import org.workersarchive.review.iiif.RenderBudget;

/** The small parsers at the edge: HTML escaping, IIIF requests, the list's filters, corrections' values. */
class HtmlAndRequestsTest {

    @Test
    void textAndAttributesAreEscaped() {
        assertEquals("&lt;script&gt;&amp;&quot;&#39;", Html.escape("<script>&\"'"));
        String page = new Html().open("p", "title", "\"><img src=x onerror=alert(1)>").text("<b>").close().finish();
        assertEquals("<!DOCTYPE html>\n<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&lt;b&gt;</p>", page);
        assertThrows(IllegalArgumentException.class, () -> new Html().open("p onclick=x"));
    }

    @Test
    void iiifRequestsAtLevelOne() {
        assertEquals(new ImageRequest(new BoundingBox(0, 0, 1000, 500), 500, 250, "jpg"),
                ImageRequest.parse("full", "500,", "0", "default.jpg", 1000, 500));
        assertEquals(new ImageRequest(new BoundingBox(900, 400, 100, 100), 100, 100, "png"),
                ImageRequest.parse("900,400,300,300", "max", "0", "gray.png", 1000, 500), "cut to the image");
        assertEquals(new ImageRequest(new BoundingBox(250, 0, 500, 500), 50, 50, "jpg"),
                ImageRequest.parse("square", ",50", "0", "default.jpg", 1000, 500));
        for (String[] bad : List.of(new String[] {"full", "max", "90", "default.jpg"},
                new String[] {"full", "2000,", "0", "default.jpg"}, new String[] {"pct:1,1,1,1", "max", "0", "default.jpg"},
                new String[] {"full", "max", "0", "bitonal.jpg"}, new String[] {"1000,0,10,10", "max", "0", "default.jpg"},
                new String[] {"full", "^max", "0", "default.jpg"})) {
            assertThrows(ImageRequest.Refused.class, () -> ImageRequest.parse(bad[0], bad[1], bad[2], bad[3], 1000, 500),
                    String.join("/", bad));
        }
    }

    @Test
    void iiifMaxIsScaledToTheLargestImageAndALargerSizeIsRefusedWithIt() {
        RenderBudget budget = new RenderBudget(1, 1 << 30, 0, Duration.ZERO, 800, 200_000);
        assertEquals(new ImageRequest(new BoundingBox(0, 0, 1000, 500), 632, 316, "png"),
                ImageRequest.parse("full", "max", "0", "default.png", 1000, 500, budget), "within 200,000 pixels");
        assertEquals(new ImageRequest(new BoundingBox(0, 0, 500, 100), 500, 100, "png"),
                ImageRequest.parse("0,0,500,100", "max", "0", "default.png", 1000, 500, budget), "small enough as it is");
        ImageRequest.Refused refused = assertThrows(ImageRequest.Refused.class,
                () -> ImageRequest.parse("full", "800,", "0", "default.png", 1000, 500, budget));
        assertTrue(refused.getMessage().contains("at most 800 pixels a side and 200000 pixels in all"), refused.getMessage());
        assertThrows(ImageRequest.Refused.class, () -> ImageRequest.parse("full", "900,", "0", "default.png", 1000, 500,
                budget), "wider than the widest");
    }

    @Test
    void theListFiltersAndSorts() {
        DocumentSummary a = new DocumentSummary("a", "Zeta", "1923-06", List.of("ru"), List.of("Cyrillic"), 2, 100, 91.5,
                3, 0, "x");
        DocumentSummary b = new DocumentSummary("b", "Alpha", "1930", List.of("fr", "de-Latf"), List.of("Latin",
                "Fraktur"), 5, 900, 72.0, 40, 1, "y");
        List<DocumentSummary> all = List.of(a, b);
        assertEquals(List.of(b, a), CatalogQuery.ALL.apply(all));
        assertEquals(List.of(b), new CatalogQuery("de", "", "", "", -1, "title").apply(all), "de finds de-Latf");
        assertEquals(List.of(a), new CatalogQuery("", "cyrillic", "", "", -1, "title").apply(all));
        assertEquals(List.of(a), new CatalogQuery("", "", "1920", "1923", -1, "title").apply(all), "to 1923 holds 1923-06");
        assertEquals(List.of(b), new CatalogQuery("", "", "", "", 80, "title").apply(all));
        assertEquals(List.of(b, a), new CatalogQuery("", "", "", "", -1, "doubtful").apply(all));
        assertThrows(IllegalArgumentException.class, () -> new CatalogQuery("", "", "June", "", -1, "title"));
        assertThrows(IllegalArgumentException.class, () -> new CatalogQuery("", "", "", "", -1, "colour"));
    }

    @Test
    void correctionsRefuseWhatIsNoWordNoLineNoTypeNoKey() {
        assertThrows(IllegalArgumentException.class, () -> new Correction.WordText("p1_w1", "two words"));
        assertThrows(IllegalArgumentException.class, () -> new Correction.WordText("p1_w1", "  "));
        assertThrows(IllegalArgumentException.class, () -> new Correction.LineText("p1_l1", "a\u0007bell"));
        assertThrows(IllegalArgumentException.class, () -> new Correction.LineText("../x", "text"));
        assertThrows(IllegalArgumentException.class, () -> Correction.EntityTypeChange.parse("e1", "date"));
        assertThrows(IllegalArgumentException.class, () -> Correction.EntityTypeChange.parse("e1", "ship"));
        assertThrows(IllegalArgumentException.class, () -> new Correction.EntityRefChange("e1", "not a key"));
        assertEquals("myasnikov", new Correction.EntityRefChange("e1", "#myasnikov").key());
        assertEquals("one two", new Correction.LineText("p1_l1", " one \t two ").text());
    }
}
