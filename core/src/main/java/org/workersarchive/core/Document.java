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
 * One source scan on its way through the pipeline. Immutable: every stage returns a new one.
 *
 * @param id          stable, file-name safe, derived from the source (see {@link Ids#documentId})
 * @param source      the scan it was made from
 * @param pages       in order, numbered 1..n
 * @param annotations stand-off entities over the pages' words
 * @param provenance  what each stage did, in order
 */
public record Document(String id, SourceFile source, List<Page> pages, List<Annotation> annotations,
                       List<ProcessingStep> provenance) {

    public Document {
        Ids.requireValid(id);
        Objects.requireNonNull(source, "source");
        pages = List.copyOf(pages);
        annotations = List.copyOf(annotations);
        provenance = List.copyOf(provenance);
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).number() != i + 1) {
                throw new IllegalArgumentException("document " + id + ": page " + (i + 1)
                        + " is numbered " + pages.get(i).number());
            }
        }
    }

    public static Document ofPages(String id, SourceFile source, List<Page> pages, ProcessingStep step) {
        return new Document(id, source, pages, List.of(), List.of(step));
    }

    public Document withPages(List<Page> newPages) {
        return new Document(id, source, newPages, annotations, provenance);
    }

    /** This document with the page of the same number replaced. */
    public Document withPage(Page page) {
        List<Page> copy = new ArrayList<>(pages);
        copy.set(page.number() - 1, page);
        return withPages(copy);
    }

    public Document withAnnotations(List<Annotation> newAnnotations) {
        return new Document(id, source, pages, newAnnotations, provenance);
    }

    public Document withStep(ProcessingStep step) {
        List<ProcessingStep> steps = new ArrayList<>(provenance);
        steps.add(step);
        return new Document(id, source, pages, annotations, steps);
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
