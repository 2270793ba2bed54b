package org.workersarchive.review.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.Word;
import org.workersarchive.review.archive.ArchiveCatalog;
import org.workersarchive.review.archive.DocumentState;

/**
 * The archive's full-text search: an embedded Lucene index with a record per line of text (its
 * document, page, line and box, so that a hit is shown where it stands on the page image) and per
 * entity (its type, key and words), and per document the checksum of the TEI it was made from.
 * Words are compared in lower case with accents folded (arrete finds arrêté), in any script, without
 * stemming: the archive mixes four languages. A document is replaced whole when it changes.
 * Thread-safe.
 */
public final class SearchIndex implements ArchiveCatalog.Listener, AutoCloseable {

    private static final String KIND = "kind";
    private static final String DOC = "doc";
    private static final String TEXT = "text";
    private static final String LINE = "line";
    private static final String ENTITY = "entity";
    private static final String META = "meta";
    private static final String SHA = "sha";
    private static final int MAX_HITS = 200;
    /**
     * The most words one search takes: Lucene refuses a query of more than 1,024 clauses
     * ({@link IndexSearcher#getMaxClauseCount()}), and the search adds its own filters to the words.
     */
    static final int MAX_WORDS = 1_000;

    private final Analyzer analyzer = new FoldingAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private SearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
        this.searchers = new SearcherManager(writer, null);
    }

    /** An index kept in a folder of its own, which it makes; reopened as it was left. */
    public static SearchIndex inFolder(Path folder) throws IOException {
        return new SearchIndex(FSDirectory.open(folder));
    }

    /** An index in memory, for an archive the server must not write to. */
    public static SearchIndex inMemory() throws IOException {
        return new SearchIndex(new ByteBuffersDirectory());
    }

    /** The checksum of the TEI the document was indexed from, or "" when it is not indexed. */
    public String indexedSha(String documentId) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs found = searcher.search(both(new TermQuery(new Term(KIND, META)),
                    new TermQuery(new Term(DOC, documentId))), 1);
            return found.scoreDocs.length == 0 ? ""
                    : searcher.storedFields().document(found.scoreDocs[0].doc).get(SHA);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void changed(DocumentState state) throws IOException {
        if (indexedSha(state.id()).equals(state.teiSha256())) {
            return;
        }
        List<Document> records = new ArrayList<>();
        Map<String, Word> words = state.document().wordsById();
        Map<String, Line> lineOfWord = state.document().pages().stream().flatMap(Page::lines)
                .flatMap(l -> l.words().stream().map(w -> Map.entry(w.id(), l)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (Page page : state.document().pages()) {
            page.lines().forEach(line -> records.add(record(LINE, state.id(), page.number(), line.id(), line.box(),
                    line.text(), null, null)));
        }
        for (Annotation entity : state.document().annotations()) {
            List<Word> covered = entity.wordIds().stream().map(words::get).toList();
            int page = pageOf(state, entity.firstWordId());
            records.add(record(ENTITY, state.id(), page, lineOfWord.get(entity.firstWordId()).id(),
                    BoundingBox.enclosing(covered.stream().map(Word::box).toList()),
                    covered.stream().map(Word::text).collect(Collectors.joining(" ")),
                    entity.type().name().toLowerCase(Locale.ROOT), entity.key()));
        }
        Document meta = new Document();
        meta.add(new StringField(KIND, META, Field.Store.YES));
        meta.add(new StringField(DOC, state.id(), Field.Store.YES));
        meta.add(new StoredField(SHA, state.teiSha256()));
        records.add(meta);
        writer.deleteDocuments(new Term(DOC, state.id()));
        writer.addDocuments(records);
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public void removed(String id) throws IOException {
        writer.deleteDocuments(new Term(DOC, id));
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * Lines (or entities) that hold every word of the query; quotes make a phrase, {@code -word}
     * leaves a word out, {@code word*} a prefix (Lucene's simple query syntax, which never fails on
     * what a person types).
     *
     * @param entities true to search the entity index, false the text
     * @param type     an entity type (person, place, …) to keep, or null for all
     * @throws IllegalArgumentException when the query has more than {@value #MAX_WORDS} words
     */
    public List<SearchHit> search(String query, boolean entities, String type) {
        int count = wordCount(query);
        if (count > MAX_WORDS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "too many words to search for: %,d, at most %,d",
                    count, MAX_WORDS));
        }
        Query words = new SimpleQueryParser(analyzer, TEXT).parse(query);
        if (words == null) {
            return List.of(); // nothing searchable in it: punctuation, operators alone
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(KIND, entities ? ENTITY : LINE)), BooleanClause.Occur.FILTER);
        if (entities && type != null && !type.isBlank()) {
            all.add(new TermQuery(new Term("type", type.toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<SearchHit> hits = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(all.build(), MAX_HITS).scoreDocs) {
                    hits.add(hit(searcher.storedFields().document(hit.doc)));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the search index cannot be read: " + e.getMessage(), e);
        }
    }

    /** How many words the query has, each time it has them: Lucene counts a clause per word. */
    private int wordCount(String query) {
        int count = 0;
        try (TokenStream tokens = analyzer.tokenStream(TEXT, query)) {
            tokens.reset();
            while (tokens.incrementToken()) {
                count++;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /** The query's words as the index compares them: lower case, accents folded. */
    public Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static Document record(String kind, String doc, int page, String line, BoundingBox box, String text,
                                   String type, String key) {
        Document record = new Document();
        record.add(new StringField(KIND, kind, Field.Store.YES));
        record.add(new StringField(DOC, doc, Field.Store.YES));
        record.add(new StoredField("page", page));
        record.add(new StoredField(LINE, line));
        record.add(new StoredField("box", box.x() + "," + box.y() + "," + box.width() + "," + box.height()));
        record.add(new TextField(TEXT, text, Field.Store.YES));
        if (type != null) {
            record.add(new StringField("type", type, Field.Store.YES));
        }
        if (key != null) {
            record.add(new StringField("key", key, Field.Store.YES));
        }
        return record;
    }

    private static SearchHit hit(Document record) {
        String[] box = record.get("box").split(",");
        return new SearchHit(ENTITY.equals(record.get(KIND)), record.get(DOC), record.getField("page").numericValue()
                .intValue(), record.get(LINE), new BoundingBox(Integer.parseInt(box[0]), Integer.parseInt(box[1]),
                Integer.parseInt(box[2]), Integer.parseInt(box[3])), record.get(TEXT), record.get("type"),
                record.get("key"));
    }

    private static int pageOf(DocumentState state, String wordId) {
        return state.document().pages().stream().filter(p -> p.words().anyMatch(w -> w.id().equals(wordId)))
                .findFirst().map(Page::number).orElseThrow();
    }

    private static Query both(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.FILTER).build();
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    /** Words in lower case with accents folded, whatever their script. */
    private static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
