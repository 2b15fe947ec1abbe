package demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arena's colours, read from the asset {@code demo/palette.txt} on the class path, and read again whenever it
 * changes while the game runs: the reload agent gives the changed files to {@link #reloadAssets}, at the start of
 * a frame on the game's thread. A file that cannot be read keeps the colours as they were, and the HUD says why.
 *
 * @param skyTop the colour at the top of the arena, 0xRRGGBB
 * @param skyBottom the colour at its bottom
 * @param gem the gems' colour
 */
record Palette(int skyTop, int skyBottom, int gem) {
    static final String FILE_NAME = "palette.txt";
    /** The colours when the file is missing (the game runs from classes compiled without their resources). */
    static final Palette DEFAULT = new Palette(0x0b0e1c, 0x1a1438, 0xffd23f);

    private static volatile Palette current = fromClassPath();

    /** {@return the colours to draw this frame with} */
    static Palette current() {
        return current;
    }

    /**
     * {@return the palette the lines describe: {@code name = #RRGGBB} per line, blank lines and lines starting with
     * {@code #} left out; a colour not named keeps its value from {@code base}}
     *
     * @throws BadPaletteException naming the first line that is not of that form, or names no colour of the game
     */
    static Palette parse(List<String> lines, Palette base) throws BadPaletteException {
        Map<String, Integer> colours = new HashMap<>(Map.of("sky-top", base.skyTop, "sky-bottom", base.skyBottom,
                "gem", base.gem));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new BadPaletteException(i + 1, "'" + line + "' is not of the form name = #RRGGBB");
            }
            String name = line.substring(0, equals).strip();
            if (!colours.containsKey(name)) {
                throw new BadPaletteException(i + 1, "no colour is named '" + name + "' (known: gem, sky-bottom,"
                        + " sky-top)");
            }
            colours.put(name, rgb(i + 1, line.substring(equals + 1).strip()));
        }
        return new Palette(colours.get("sky-top"), colours.get("sky-bottom"), colours.get("gem"));
    }

    /** Called by the reload agent with the assets that changed, once per save. */
    @OnReload
    static void reloadAssets(List<Path> assets) {
        for (Path asset : assets) {
            if (asset.getFileName().toString().equals(FILE_NAME)) {
                read(asset);
            }
        }
    }

    private static void read(Path file) {
        try {
            current = parse(Files.readAllLines(file, StandardCharsets.UTF_8), DEFAULT);
            ReloadNotice.show("read " + FILE_NAME + ": " + current.describe());
        } catch (BadPaletteException e) {
            ReloadNotice.show(FILE_NAME + " " + e.getMessage() + "; the colours stay as they were");
        } catch (IOException e) {
            ReloadNotice.show("cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    /** {@return the colours as the file spells them} */
    String describe() {
        return String.format("sky-top #%06x, sky-bottom #%06x, gem #%06x", skyTop, skyBottom, gem);
    }

    private static int rgb(int lineNumber, String value) throws BadPaletteException {
        if (value.length() == 7 && value.charAt(0) == '#'
                && value.substring(1).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Integer.parseInt(value.substring(1), 16);
        }
        throw new BadPaletteException(lineNumber, "'" + value + "' is not a colour of the form #RRGGBB");
    }

    private static Palette fromClassPath() {
        try (InputStream in = Palette.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                return DEFAULT;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(text.lines().toList(), DEFAULT);
        } catch (IOException | BadPaletteException e) {
            System.err.println("demo: " + FILE_NAME + ": " + e.getMessage() + "; using the default colours");
            return DEFAULT;
        }
    }
}
