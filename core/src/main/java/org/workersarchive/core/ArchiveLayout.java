package org.workersarchive.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Every folder and file of an archive, named in one place. An archive holds:
 * <pre>
 * documents/ID/          a document's folder ({@link DocumentFolder})
 * originals/             the scans as received, under their checksums
 * failed/                copies of the inputs that failed, each with its reason
 * runs/                  a folder per run, with its report
 * state/inputs/          the journal of inputs under way
 * outcomes.jsonl         the outcome of every input ever seen, a JSON line each, appended and flushed
 * tmp/                   page images being made, per input
 * logs/engine-crashes/   what an OCR engine process left when it crashed
 * authority.xml          the authority list the documents' references point into
 * .pipeline.lock         held by the run that writes to the archive
 * </pre>
 * Paths only: nothing here touches the disk.
 *
 * @param root the archive folder
 */
public record ArchiveLayout(Path root) {

    public static final String DOCUMENTS = "documents";
    public static final String ORIGINALS = "originals";
    public static final String FAILED = "failed";
    public static final String RUNS = "runs";
    public static final String TMP = "tmp";
    public static final String AUTHORITY_LIST = "authority.xml";
    public static final String STATE = "state";
    public static final String LOGS = "logs";
    /** The durable record of every input's outcome, a JSON line each, in the order they were recorded. */
    public static final String OUTCOMES = "outcomes.jsonl";
    /** The lock file that lets one run at a time write to the archive. */
    public static final String LOCK = ".pipeline.lock";

    public ArchiveLayout {
        Objects.requireNonNull(root, "root");
    }

    /** Every folder and file a run may write at the archive's top level. */
    public static List<String> runOutputs() {
        return List.of(DOCUMENTS, ORIGINALS, FAILED, RUNS, STATE, TMP, LOGS, AUTHORITY_LIST, LOCK, OUTCOMES);
    }

    public Path documents() {
        return root.resolve(DOCUMENTS);
    }

    /** The folder of the document of this id (a plain name: {@link Ids}), whether or not it exists. */
    public DocumentFolder document(String id) {
        return new DocumentFolder(FileNames.resolveIn(documents(), id));
    }

    public Path originals() {
        return root.resolve(ORIGINALS);
    }

    public Path failed() {
        return root.resolve(FAILED);
    }

    public Path runs() {
        return root.resolve(RUNS);
    }

    /** The journal of inputs under way, an entry per input. */
    public Path journal() {
        return root.resolve(STATE).resolve("inputs");
    }

    /**
     * The record of every input's outcome, appended and flushed to the disk before the input
     * leaves its place: what {@code ./archive report} reads, and what a stopped run's report is
     * rebuilt from.
     */
    public Path outcomes() {
        return root.resolve(OUTCOMES);
    }

    /** Where the page images of inputs under way are made, a folder per input's checksum. */
    public Path staging() {
        return root.resolve(TMP);
    }

    /** The staging folder of one input, by its checksum. */
    public Path staging(String sha256) {
        return staging().resolve(sha256);
    }

    public Path engineCrashes() {
        return root.resolve(LOGS).resolve("engine-crashes");
    }

    /** The archive's copy of the authority list, which every document's references point into. */
    public Path authorityList() {
        return root.resolve(AUTHORITY_LIST);
    }

    public Path lock() {
        return root.resolve(LOCK);
    }

    /**
     * A document's folder: its TEI, plain text, searchable PDF, provenance, checksums, page images,
     * ALTO and PAGE XML per page, its METS and IIIF manifest, and the versions kept beside a
     * hand-corrected TEI. A version's folder
     * ({@link #version}) is laid out the same way.
     *
     * @param root the folder (documents/ID, or documents/ID/versions/RUN)
     */
    public record DocumentFolder(Path root) {

        public static final String TEI = "document.tei.xml";
        public static final String TEXT = "document.txt";
        public static final String PDF = "document.pdf";
        public static final String PROVENANCE = "provenance.json";
        public static final String CHECKSUMS = "checksums.sha256";
        public static final String PAGES = "pages";
        public static final String ALTO = "alto";
        /** PAGE XML (PRImA 2019) per page, for Transkribus, eScriptorium and OCR-D. */
        public static final String PAGE_XML = "page";
        /** METS: the document as one object for DFG-Viewer, Kitodo, Goobi. */
        public static final String METS = "mets.xml";
        /** The IIIF Presentation 3 manifest, for Mirador, Universal Viewer, TEI Publisher. */
        public static final String IIIF_MANIFEST = "manifest.json";
        /**
         * In a version an import made: the SHA-256 of the TEI it put in the document's place
         * ({@code ../../document.tei.xml}), as {@code sha256sum} writes it; that TEI, while it is so,
         * is this version's, not a hand correction.
         */
        public static final String PLACED = "placed.sha256";
        /** The document's TEI as a version's folder reaches it. */
        public static final String TEI_FROM_VERSION = "../../" + TEI;
        public static final String VERSIONS = "versions";
        /** The archive's authority list as a document folder's TEI reaches it: two folders up. */
        public static final String AUTHORITY_LIST_FROM_TEI = "../../" + AUTHORITY_LIST;

        public DocumentFolder {
            Objects.requireNonNull(root, "root");
        }

        /**
         * A page image's place relative to its document folder, as the TEI's {@code graphic/@url}
         * and provenance give it: {@code pages/p0001.png}.
         *
         * @param extension with its dot ({@code .png}), or empty
         */
        public static Path pageImage(int pageNumber, String extension) {
            return Path.of(PAGES, String.format("p%04d%s", pageNumber, extension));
        }

        /** A relative path as a URL path (forward slashes, whatever this system's separator). */
        public static String asUrl(Path relative) {
            return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
        }

        public Path tei() {
            return root.resolve(TEI);
        }

        public Path text() {
            return root.resolve(TEXT);
        }

        public Path pdf() {
            return root.resolve(PDF);
        }

        public Path provenance() {
            return root.resolve(PROVENANCE);
        }

        public Path checksums() {
            return root.resolve(CHECKSUMS);
        }

        public Path pages() {
            return root.resolve(PAGES);
        }

        public Path alto() {
            return root.resolve(ALTO);
        }

        /** The ALTO file of one page. */
        public Path alto(int pageNumber) {
            return root.resolve(altoFile(pageNumber));
        }

        /** The ALTO file of one page, relative to the document folder: {@code alto/p0001.xml}. */
        public static Path altoFile(int pageNumber) {
            return Path.of(ALTO, pageFileName(pageNumber));
        }

        public Path pageXml() {
            return root.resolve(PAGE_XML);
        }

        /** The PAGE XML file of one page. */
        public Path pageXml(int pageNumber) {
            return root.resolve(pageXmlFile(pageNumber));
        }

        /** The PAGE XML file of one page, relative to the document folder: {@code page/p0001.xml}. */
        public static Path pageXmlFile(int pageNumber) {
            return Path.of(PAGE_XML, pageFileName(pageNumber));
        }

        public Path placed() {
            return root.resolve(PLACED);
        }

        public Path mets() {
            return root.resolve(METS);
        }

        public Path iiifManifest() {
            return root.resolve(IIIF_MANIFEST);
        }

        private static String pageFileName(int pageNumber) {
            return String.format("p%04d.xml", pageNumber);
        }

        public Path versions() {
            return root.resolve(VERSIONS);
        }

        /** The folder of the version a run made beside a hand-corrected TEI. */
        public DocumentFolder version(String runId) {
            return new DocumentFolder(FileNames.resolveIn(versions(), runId));
        }
    }
}
