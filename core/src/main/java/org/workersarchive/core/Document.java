package org.workersarchive.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One publication (a periodical's issue, a pamphlet) on its way through the pipeline, made from one
 * scan file or from several that belong together. Immutable: every stage returns a new one.
 *
 * @param id          stable, file-name safe, derived from the source (see {@link Ids#documentId})
 * @param description what the source is, bibliographically
 * @param sources     the scan files it was made from, in page order: the first file's pages come first
 * @param pages       in order, numbered 1..n
 * @param annotations stand-off entities over the pages' words
 * @param provenance  what each stage did, in order
 */
public record Document(String id, SourceDescription description, List<SourceFile> sources, List<Page> pages,
                       List<Annotation> annotations, List<ProcessingStep> provenance) {

    public Document {
        Ids.requireValid(id);
        Objects.requireNonNull(description, "description");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("document " + id + " has no source file");
        }
        pages = List.copyOf(pages);
        int pagesOfSources = sources.stream().mapToInt(SourceFile::pageCount).sum();
        if (pagesOfSources != pages.size()) {
            throw new IllegalArgumentException("document " + id + " has " + pages.size() + " pages but its files gave "
                    + pagesOfSources);
        }
        annotations = List.copyOf(annotations);
        provenance = List.copyOf(provenance);
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).number() != i + 1) {
                throw new IllegalArgumentException("document " + id + ": page " + (i + 1)
                        + " is numbered " + pages.get(i).number());
            }
        }
    }

    public static Document ofPages(String id, SourceDescription description, List<SourceFile> sources,
                                   List<Page> pages, ProcessingStep step) {
        return new Document(id, description, sources, pages, List.of(), List.of(step));
    }

    /** A document of one scan file, of which nothing more is known. */
    public static Document ofPages(String id, SourceFile source, List<Page> pages, ProcessingStep step) {
        return ofPages(id, SourceDescription.NONE, List.of(source), pages, step);
    }

    /** The first scan file: the one a single-file document was made from. */
    public SourceFile firstSource() {
        return sources.get(0);
    }

    /** The scan file a page came from. */
    public SourceFile sourceOf(Page page) {
        int last = 0;
        for (SourceFile source : sources) {
            last += source.pageCount();
            if (page.number() <= last) {
                return source;
            }
        }
        throw new IllegalArgumentException("document " + id + " has no page " + page.number());
    }

    public Document withPages(List<Page> newPages) {
        return new Document(id, description, sources, newPages, annotations, provenance);
    }

    public Document withId(String newId) {
        return new Document(newId, description, sources, pages, annotations, provenance);
    }

    public Document withDescription(SourceDescription newDescription) {
        return new Document(id, newDescription, sources, pages, annotations, provenance);
    }

    /** This document with the page of the same number replaced. */
    public Document withPage(Page page) {
        List<Page> copy = new ArrayList<>(pages);
        copy.set(page.number() - 1, page);
        return withPages(copy);
    }

    public Document withAnnotations(List<Annotation> newAnnotations) {
        return new Document(id, description, sources, pages, newAnnotations, provenance);
    }

    public Document withStep(ProcessingStep step) {
        List<ProcessingStep> steps = new ArrayList<>(provenance);
        steps.add(step);
        return new Document(id, description, sources, pages, annotations, steps);
    }

    public Stream<Word> words() {
        return pages.stream().flatMap(Page::words);
    }

    /** Every word by its id. */
    public Map<String, Word> wordsById() {
        return words().collect(Collectors.toMap(Word::id, Function.identity()));
    }

    public OptionalDouble meanConfidence() {
        return words().mapToDouble(Word::confidence).average();
    }

    /** The plain text: pages separated by a form feed, as document.txt holds it. */
    public String text() {
        return pages.stream().map(Page::text).collect(Collectors.joining("\n\f"));
    }
}
