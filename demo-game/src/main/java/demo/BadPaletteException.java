package demo;

/** A line of the palette file that the game cannot read. */
final class BadPaletteException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    /**
     * @param lineNumber the line's number, from 1
     * @param reason what is wrong with it, never null
     */
    BadPaletteException(int lineNumber, String reason) {
        super("line " + lineNumber + ": " + reason);
        this.lineNumber = lineNumber;
    }

    int lineNumber() {
        return lineNumber;
    }
}
