package org.workersarchive.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.workersarchive.core.HostileXml;
import org.workersarchive.core.HostileXml.Attack;
import org.workersarchive.core.XmlParsers;

/** The authority list is a file scholars edit: a DOCTYPE in it must never make the annotator read anything else. */
class AuthorityListTest {

    /** An entry whose name would be the secret, or a billion laughs, were the entity expanded. */
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
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void aListWithADoctypeIsRefusedAndNothingElseIsRead(Attack attack) throws IOException {
        Path list = hostile.file("authority.xml", attack, "TEI", LIST);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> AuthorityList.load(list)));
        assertEquals(list + " cannot be read as XML: " + XmlParsers.DOCTYPE_REFUSED, refused.getMessage());
        assertFalse(refused.getMessage().contains(HostileXml.SECRET));
        assertEquals(0, hostile.requests(), "no DTD was fetched");
    }
}
