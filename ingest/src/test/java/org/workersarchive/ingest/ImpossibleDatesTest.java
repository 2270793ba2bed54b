package org.workersarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.SourceDescription;

/** A date of the right form that names no day (30 February) never reaches the TEI's {@code @when}. */
class ImpossibleDatesTest {

    @TempDir
    Path dir;

    @Test
    void aSidecarWithTheThirtiethOfFebruaryIsRefusedWithTheReason() throws IOException {
        Path sidecar = Files.writeString(dir.resolve("tract.json"), "{\"date\": \"1930-02-30\", \"place\": \"Paris\"}");

        RejectedInputException e = assertThrows(RejectedInputException.class, () -> SidecarReader.read(sidecar));

        assertEquals("sidecar tract.json: date \"1930-02-30\" is no day of the calendar", e.reason());
    }

    @Test
    void aFileNamesImpossibleDateIsLeftOutAndSaid() {
        SourceDescription described = FileNameDescription.of("ouvrier-communiste_1930-02-31_n06.png").orElseThrow();

        assertNull(described.date());
        assertEquals("6", described.issue(), "the rest of the name still describes the issue");
        assertTrue(described.note().contains("1930-02-31 is no day of the calendar"), described.note());
    }

    @Test
    void realDaysMonthsAndYearsStillPass() {
        assertTrue(SourceDescription.isIsoDate("1932-02-29"));
        assertTrue(SourceDescription.isIsoDate("1930-02"));
        assertTrue(SourceDescription.isIsoDate("1930"));
        assertEquals(false, SourceDescription.isIsoDate("1931-02-29"));
        assertEquals(false, SourceDescription.isIsoDate("0000"));
    }
}
