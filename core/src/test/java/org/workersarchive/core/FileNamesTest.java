package org.workersarchive.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    private static final Path FOLDER = Path.of("/archive/failed");

    /** Names a scan may really have: none of them is a way out of its folder. */
    private static final List<String> ODD_BUT_PLAIN = List.of("--rf.pdf", "-", "'quoted' \"scan\".tif",
            "Манифест Рабочей группы.png", "..pdf", "...", "a..b.jpg", ".hidden.png", "$(reboot).png", "*.tif");

    /** Names that would reach elsewhere, or forge lines where they are quoted. */
    private static final List<String> HOSTILE = List.of("../../etc/passwd", "/etc/passwd", "..", ".", "",
            "a/b.pdf", "..\\..\\boot.ini", "C:\\Windows\\x.tif", "line\nbreak.pdf", "nul\u0000.pdf", "x".repeat(256));

    @Test
    void oddNamesArePlainAndStayInTheirFolder() {
        for (String name : ODD_BUT_PLAIN) {
            assertTrue(FileNames.isPlain(name), name);
            Path file = FileNames.resolveIn(FOLDER, name);
            assertEquals(FOLDER, file.getParent(), name);
            assertEquals(name, file.getFileName().toString());
        }
    }

    @Test
    void namesThatLeaveTheFolderAreRefusedWithTheNameQuoted() {
        for (String name : HOSTILE) {
            assertFalse(FileNames.isPlain(name), name);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> FileNames.resolveIn(FOLDER, name), name);
            assertTrue(refused.getMessage().startsWith("not a plain file name: \""), refused.getMessage());
            assertFalse(refused.getMessage().contains("\n") || refused.getMessage().contains("\u0000"));
        }
        assertFalse(FileNames.isPlain(null));
    }

    @Test
    void anyNameCanBeNeutralisedIntoOneInTheFolder() {
        assertEquals("bad scan.pdf", FileNames.neutralised("bad scan.pdf"), "a plain name is kept as it is");
        assertEquals(".._.._etc_passwd", FileNames.neutralised("../../etc/passwd"));
        assertEquals("_etc_passwd", FileNames.neutralised("/etc/passwd"));
        assertEquals("line_break.pdf", FileNames.neutralised("line\nbreak.pdf"));
        assertEquals("_", FileNames.neutralised(".."));
        assertEquals("_", FileNames.neutralised("."));
        assertEquals("_", FileNames.neutralised(""));
        for (String name : HOSTILE) {
            String neutral = FileNames.neutralised(name);
            assertTrue(FileNames.isPlain(neutral), name + " -> " + neutral);
            assertEquals(FOLDER, FileNames.resolveIn(FOLDER, neutral).getParent());
        }
        String longCyrillic = "ж".repeat(200) + ".pdf";
        String cut = FileNames.neutralised(longCyrillic);
        assertTrue(cut.endsWith(".pdf") && cut.getBytes(StandardCharsets.UTF_8).length <= 255, cut);
        assertEquals("ж".repeat(125) + ".pdf", cut, "cut at a whole character");
    }

    @Test
    void aPathOutsideTheRootIsRefused() {
        assertEquals(Path.of("/archive/documents/x"), FileNames.requireInside(Path.of("/archive"),
                Path.of("/archive/documents/../documents/x")));
        assertThrows(IllegalArgumentException.class,
                () -> FileNames.requireInside(Path.of("/archive"), Path.of("/archive/../etc/passwd")));
        assertThrows(IllegalArgumentException.class,
                () -> FileNames.requireInside(Path.of("/archive"), Path.of("/archive-other/x")));
    }

    @Test
    void printableEscapesWhatCouldSteerATerminalOrForgeALine() {
        assertEquals("esc\\e[31mred\\nforged line\\r\\tend.png",
                FileNames.printable("esc\u001b[31mred\nforged line\r\tend.png"));
        assertEquals("bell\\u0007 c1\\u009b", FileNames.printable("bell\u0007 c1\u009b"));
        assertEquals("gnp.\\u202eexe", FileNames.printable("gnp.\u202eexe"), "a right-to-left override shown, not obeyed");
        assertEquals("Манифест «é» 😀.png", FileNames.printable("Манифест «é» 😀.png"), "letters of any script stay");
    }
}
