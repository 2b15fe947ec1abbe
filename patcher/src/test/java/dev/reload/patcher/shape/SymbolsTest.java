package dev.reload.patcher.shape;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymbolsTest {
    @Test
    void aStringKeepsOneIdAndComesBackEqual() {
        Symbols symbols = new Symbols();
        List<String> texts = List.of("", "update", "(F)V", "Ljava/lang/String;", "größe", "名前", "\uD83C\uDFAE",
                "x".repeat(70_000), "é".repeat(66_000), "方".repeat(40_000));
        List<Integer> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(symbols.intern(text));
        }
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(ids.get(i), symbols.intern(texts.get(i)));
            assertEquals(ids.get(i), symbols.find(texts.get(i)));
            assertEquals(texts.get(i), symbols.string(ids.get(i)));
        }
        assertEquals(texts.size(), ids.stream().distinct().count());
        assertEquals(-1, symbols.find("never interned"));
    }

    @Test
    void numberedNamesAreMadeFromTheirPrefixAndComeBackEqual() {
        Symbols symbols = new Symbols();
        List<String> texts = List.of("demo/Hud$1", "demo/Hud$9", "demo/Hud$127", "demo/Hud$128", "demo/Hud$255",
                "lambda$update$3", "a$b$7", "demo/Hud$0", "demo/Hud$01", "demo/Hud$256", "demo/Hud$1000", "$5",
                "demo/Hud$", "demo/Hud$x1", "名前$2");
        List<Integer> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(symbols.intern(text));
        }
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(ids.get(i), symbols.intern(texts.get(i)), texts.get(i));
            assertEquals(ids.get(i), symbols.find(texts.get(i)), texts.get(i));
            assertEquals(texts.get(i), symbols.string(ids.get(i)));
        }
        assertEquals(texts.size(), ids.stream().distinct().count());
        assertEquals(-1, symbols.find("never/Interned$3"), "the prefix was never interned");
        assertEquals(symbols.intern("demo/Hud$4"), symbols.find("demo/Hud$4"));
        assertTrue(symbols.find("demo/Hud") >= 0, "interning a numbered name interns its prefix");
    }

    @Test
    void asciiBytesGetTheIdTheirStringGets() {
        Symbols symbols = new Symbols();
        List<String> texts = List.of("", "update", "(F)V", "other/Name$3", "demo/Hud$1", "demo/Hud$255", "demo/Hud$256",
                "demo/Hud$01", "$5", "demo/Hud$", "a$b$7", "x".repeat(70_000));
        byte[] padded = new byte[80_000];
        for (String text : texts) {
            byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(ascii, 0, padded, 3, ascii.length);
            padded[3 + ascii.length] = 'z'; // the bytes after the string are not part of it
            assertEquals(symbols.find(text), symbols.findAscii(padded, 3, ascii.length), text);
            int id = symbols.internAscii(padded, 3, ascii.length);
            assertEquals(id, symbols.intern(text), text);
            assertEquals(id, symbols.findAscii(padded, 3, ascii.length), text);
            assertEquals(text, symbols.string(id));
        }
        assertEquals(-1, symbols.findAscii(new byte[] {'n', 'e', 'w'}, 0, 3));
        int fromString = symbols.intern("made/From$String");
        byte[] ascii = "made/From$String".getBytes(StandardCharsets.US_ASCII);
        assertEquals(fromString, symbols.internAscii(ascii, 0, ascii.length));
    }

    @Test
    void descriptorsKeepTheClassesTheyNameAsTokensAndComeBackEqual() {
        Symbols symbols = new Symbols();
        List<String> texts = List.of("(Lgame/world/Tile;I)V", "Lgame/world/Tile;", "[[Lgame/world/Tile;",
                "(Ljava/lang/String;[Lgame/world/Tile;JLgame/Hud$1;La;)Lgame/world/Tile;", "()Lgame/Hud$12;",
                "(La/b;)V", "(Lgame/world/Tile;)Lgame/world/Tile;");
        List<Integer> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(symbols.intern(text));
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            assertEquals(text, symbols.string(ids.get(i)));
            assertEquals(ids.get(i), symbols.intern(text), text);
            assertEquals(ids.get(i), symbols.find(text), text);
            byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
            assertEquals(ids.get(i), symbols.findAscii(ascii, 0, ascii.length), text);
            assertEquals(ids.get(i), symbols.internAscii(ascii, 0, ascii.length), text);
        }
        assertEquals(texts.size(), ids.stream().distinct().count());
        assertTrue(symbols.find("game/world/Tile") >= 0, "a descriptor interns the class names it holds");
        assertEquals(-1, symbols.find("(Lgame/world/Tiles;I)V"));
        assertEquals(-1, symbols.find("(Lgame/world/Tile;I)"));
        assertEquals(-1, symbols.find("(Lgame/world/Tile;IV"));
        assertEquals(-1, symbols.find("Lgame/world/Tile;;"));
    }

    @Test
    void aDescriptorTakesTheBytesOfItsOwnCharactersOnlyOnce() {
        Symbols symbols = new Symbols();
        String tile = "game/world/terrain/Tile";
        symbols.intern(tile);
        long before = symbols.storedBytes();
        for (int i = 0; i < 100; i++) {
            symbols.intern("(L" + tile + ";" + "I".repeat(i) + ")L" + tile + ";");
        }
        // "(", a token of 4 bytes, i times "I", ")", a token: 10 + i bytes, 59.5 on average, against 101.5 as text.
        assertEquals(5950, symbols.storedBytes() - before, "bytes stored for the descriptors");
    }

    @Test
    void stringsWithSemicolonsThatAreNoDescriptorsComeBackEqual() {
        Symbols symbols = new Symbols();
        List<String> texts = List.of("a;b", "L;", "(La;", "(I)La", "La/b;c", "(Lgame/Tile;)", "()", ";", "L",
                "(Lgame/Tile;)Lgame/Tile", "Lgame/Tile;Lgame/Tile;", "(Lgame/Tile;)VV", "(Lgame/T\u00e9le;)V",
                "(Lgame/T\u0001ile;)V");
        List<Integer> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(symbols.intern(text));
        }
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(texts.get(i), symbols.string(ids.get(i)));
            assertEquals(ids.get(i), symbols.find(texts.get(i)), texts.get(i));
        }
        assertEquals(texts.size(), ids.stream().distinct().count());
    }

    @Test
    void manyStringsSurviveGrowth() {
        Symbols symbols = new Symbols();
        int[] ids = new int[200_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = symbols.intern("name" + i);
        }
        assertEquals(ids.length, Arrays.stream(ids).distinct().count());
        for (int i = 0; i < ids.length; i += 997) {
            assertEquals(ids[i], symbols.find("name" + i));
            assertEquals(ids[i], symbols.intern("name" + i));
            assertEquals("name" + i, symbols.string(ids[i]));
        }
        assertNotEquals(symbols.find("name1"), symbols.find("name10"));
    }

    @Test
    void stringsOfEveryLengthAClassFileHoldsComeBackEqual() {
        Symbols symbols = new Symbols();
        Set<String> distinct = new LinkedHashSet<>();
        for (int length : new int[] {0, 1, 31, 32, 4095, 4096, 16_383, 16_384, 65_530}) {
            distinct.add("a".repeat(length));
            distinct.add("\u0100".repeat(length / 2)); // UTF-16, as long as a class file allows
            distinct.add("q".repeat(length) + "$7");
        }
        List<String> texts = new ArrayList<>(distinct);
        texts.add("(L" + "game/world/Tile;".repeat(3000) + ")V");
        List<Integer> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(symbols.intern(text));
            symbols.intern(text + "/after"); // a short string after a long one, maybe in the page that follows
        }
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(texts.get(i), symbols.string(ids.get(i)), "string " + i);
            assertEquals(ids.get(i), symbols.find(texts.get(i)), "string " + i);
            assertEquals(texts.get(i) + "/after", symbols.string(symbols.find(texts.get(i) + "/after")));
        }
        assertEquals(texts.size(), ids.stream().distinct().count());
    }

    @Test
    void aConstantWithALoneSurrogateComesBackAsItWas() {
        Symbols symbols = new Symbols();
        for (String text : List.of("\uD800", "a\uDC00b", "\uDBFF\uDBFF", "\uD83D\uDE00 and \uDE00\uD83D")) {
            int id = symbols.intern(text);
            assertEquals(text, symbols.string(id));
            assertEquals(id, symbols.intern(text), "interned again, it is found");
        }
    }

    @Test
    void threadsInterningTheSameStringsGetTheSameIds() throws Exception {
        Symbols symbols = new Symbols();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int[] ids = new int[20_000];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = symbols.intern("m" + i);
                    }
                    return ids;
                }));
            }
            int[] first = results.get(0).get(60, TimeUnit.SECONDS);
            for (Future<int[]> result : results) {
                int[] ids = result.get(60, TimeUnit.SECONDS);
                for (int i = 0; i < ids.length; i++) {
                    assertEquals(first[i], ids[i]);
                    assertEquals("m" + i, symbols.string(ids[i]));
                }
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
    }
}
