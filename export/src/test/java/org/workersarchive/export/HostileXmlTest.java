package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.workersarchive.core.HostileXml;
import org.workersarchive.core.HostileXml.Attack;
import org.workersarchive.core.XmlParsers;

/**
 * Every XML the export module reads that a person may have edited: the authority list, a TEI
 * corrected by hand (given to {@code ./archive validate} or exported), a schema. Each is fed an
 * external entity to a local secret, a DTD from a URL or a file, and a billion laughs; each must
 * refuse the file with a clear reason, read nothing else and never show the secret.
 */
class HostileXmlTest {

    /** A TEI whose text would hold the secret, or a billion laughs, were the entity expanded. */
    private static final String TEI = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
            <publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
            <text><body><pb n="1"/><p><persName ref="../../authority.xml#leak">&attack;</persName></p></body></text></TEI>""";

    private static final String LIST = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>
            <person xml:id="leak"><persName>&attack;</persName></person>
            </listPerson></body></text></TEI>""";

    @TempDir
    Path dir;

    private HostileXml hostile;

    @BeforeEach
    void startServer() throws IOException {
        hostile = HostileXml.in(dir);
    }

    @AfterEach
    void stopServer() {
        hostile.close();
        assertEquals(0, hostile.requests(), "no parser fetched a DTD");
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void theAuthorityEntriesRefuseADoctype(Attack attack) throws IOException {
        Path list = hostile.file("authority.xml", attack, "TEI", LIST);
        IOException refused = assertThrows(IOException.class, () -> within(() -> AuthorityEntries.read(list)));
        assertTrue(refused.getMessage().matches("cannot read the authority list " + java.util.regex.Pattern.quote(
                list.toString()) + ", line \\d+: " + java.util.regex.Pattern.quote(XmlParsers.DOCTYPE_REFUSED)),
                refused.getMessage());
        assertFalse(refused.getMessage().contains(HostileXml.SECRET));
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void theValidatorFindsATeiWithADoctypeInvalidForThatReason(Attack attack) throws IOException {
        Path tei = hostile.file("document.tei.xml", attack, "TEI", TEI);
        for (TeiValidator validator : List.of(FormatChecks.teiAll(), TeiValidator.forArchiveSchema())) {
            List<String> errors = within(() -> validator.validate(tei));
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).matches("\\d+:\\d+: " + java.util.regex.Pattern.quote(XmlParsers.DOCTYPE_REFUSED)),
                    errors.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void aSchemaWithADoctypeIsNotLoaded(Attack attack) throws IOException {
        Path schema = hostile.file("evil.rng", attack, "grammar", """
                <grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="TEI">
                <value>&attack;</value></element></start></grammar>""");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> within(() -> TeiValidator.forSchema(schema)));
        // Jing left to its own parser loads this schema, the secret as a value in it.
        assertEquals("cannot load the schema " + schema + ": " + XmlParsers.DOCTYPE_REFUSED, refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void theCorpusExportRefusesATeiWithADoctypeAndWritesNoCorpus(Attack attack) throws IOException {
        Path archive = dir.resolve("archive");
        Path folder = Files.createDirectories(archive.resolve("documents/leaflet-abababababab"));
        Path tei = hostile.file("document.tei.xml", attack, "TEI", TEI);
        Files.move(tei, folder.resolve("document.tei.xml"));
        Path out = dir.resolve("corpus");

        IOException refused = assertThrows(IOException.class,
                () -> within(() -> new CorpusExporter().export(archive, out)));

        assertEquals(folder.resolve("document.tei.xml") + " cannot be read as XML: " + XmlParsers.DOCTYPE_REFUSED,
                refused.getMessage());
        assertFalse(Files.exists(out), "nothing is written");
        try (Stream<Path> written = Files.walk(dir)) {
            for (Path file : written.filter(Files::isRegularFile).toList()) {
                assertFalse(!file.getFileName().toString().equals("secret.txt")
                        && Files.readString(file, StandardCharsets.UTF_8).contains(HostileXml.SECRET), file.toString());
                assertFalse(file.toString().contains(".partial"), "no partial file is left: " + file);
            }
        }
    }

    /** A billion laughs expanded would take minutes and gigabytes: each refusal must come at once. */
    private static <T> T within(org.junit.jupiter.api.function.ThrowingSupplier<T> parse) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), parse);
    }
}
