package org.workersarchive.review.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a search refuses: more words than Lucene takes in one query, said as such. */
class SearchIndexTest {

    @Test
    void aQueryOfMoreWordsThanTheLimitIsRefusedWithTheirNumber() throws Exception {
        String words = IntStream.range(0, 1_100).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        try (SearchIndex index = SearchIndex.inMemory()) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> index.search(words, false, null));
            assertEquals("too many words to search for: 1,100, at most 1,000", refused.getMessage());
            IllegalArgumentException phrases = assertThrows(IllegalArgumentException.class,
                    () -> index.search("\"" + words + "\"", true, "person"));
            assertEquals("too many words to search for: 1,100, at most 1,000", phrases.getMessage());
            String most = IntStream.range(0, 1_000).mapToObj(i -> "word" + i).collect(Collectors.joining(" | "));
            assertEquals(0, index.search(most, true, "person").size(), "a thousand words are searched");
        }
    }
}
