package demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaletteTest {
    @Test
    void namedColoursAreReadAndTheOthersKeepTheirBase() throws BadPaletteException {
        Palette read = Palette.parse(List.of("# a comment", "", "  gem = #ff3399  ", "sky-top=#000000"),
                Palette.DEFAULT);
        assertEquals(new Palette(0x000000, Palette.DEFAULT.skyBottom(), 0xff3399), read);
    }

    @Test
    void aLineThatIsNoColourNamesItsNumber() {
        BadPaletteException missingEquals = assertThrows(BadPaletteException.class,
                () -> Palette.parse(List.of("gem = #ffd23f", "sky-top #000000"), Palette.DEFAULT));
        assertEquals(2, missingEquals.lineNumber());
        assertEquals("line 2: 'sky-top #000000' is not of the form name = #RRGGBB", missingEquals.getMessage());

        BadPaletteException unknown = assertThrows(BadPaletteException.class,
                () -> Palette.parse(List.of("lava = #ff0000"), Palette.DEFAULT));
        assertEquals("line 1: no colour is named 'lava' (known: gem, sky-bottom, sky-top)", unknown.getMessage());

        for (String colour : List.of("ff3399", "#ff339", "#ff33990", "#-12345", "#gg3399")) {
            BadPaletteException bad = assertThrows(BadPaletteException.class,
                    () -> Palette.parse(List.of("", "gem = " + colour), Palette.DEFAULT), colour);
            assertEquals("line 2: '" + colour + "' is not a colour of the form #RRGGBB", bad.getMessage());
        }
    }

    @Test
    void theShippedPaletteIsTheDefault() throws IOException, BadPaletteException {
        Path shipped = Path.of("src/main/resources/demo", Palette.FILE_NAME);
        assertEquals(Palette.DEFAULT, Palette.parse(Files.readAllLines(shipped, StandardCharsets.UTF_8),
                new Palette(0, 0, 0)));
    }

    @Test
    void theHookReadsTheChangedPaletteAndKeepsTheColoursOfABadOne(@TempDir Path dir)
            throws IOException {
        Palette before = Palette.current();
        Path palette = dir.resolve(Palette.FILE_NAME);
        try {
            Files.writeString(palette, "gem = #123456\n");
            Palette.reloadAssets(List.of(dir.resolve("level.txt"), palette));
            assertEquals(0x123456, Palette.current().gem());
            assertEquals("read palette.txt: sky-top #0b0e1c, sky-bottom #1a1438, gem #123456",
                    ReloadNotice.text().full());

            Files.writeString(palette, "gem = yellow\n");
            Palette.reloadAssets(List.of(palette));
            assertEquals(0x123456, Palette.current().gem());
            assertEquals("palette.txt line 1: 'yellow' is not a colour of the form #RRGGBB; the colours stay as"
                    + " they were", ReloadNotice.text().full());
        } finally {
            Files.writeString(palette, "gem = #" + String.format("%06x", before.gem()) + "\n");
            Palette.reloadAssets(List.of(palette));
        }
    }
}
