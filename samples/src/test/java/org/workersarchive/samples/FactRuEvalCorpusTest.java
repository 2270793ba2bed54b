package org.workersarchive.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Language;
import org.workersarchive.core.Line;

class FactRuEvalCorpusTest {

    @Test
    void booksBecomeLinesOfPrintedWordsAndTheirOutermostMentions() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getResource("/factrueval").toURI());
        HipeCorpus.HipeDocument book = FactRuEvalCorpus.read(folder).get(0);

        assertEquals("ru", book.language());
        assertEquals(Language.listOf("rus"), book.document().pages().get(0).languages());
        assertEquals(List.of("В понедельник у здания мэрии Москвы.", "Юрий Лужков уехал"),
                book.document().pages().get(0).lines().map(Line::text).toList(), "a sentence a line, '.' glued");
        assertEquals(List.of(new HipeCorpus.Span(EntityType.ORGANISATION, 4, 6),
                new HipeCorpus.Span(EntityType.PERSON, 7, 9)), book.gold(), "the mayoralty holds Moscow");
    }
}
