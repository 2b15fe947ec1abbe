package dev.reload.agent.compile;

/**
 * One error javac reported for a changed source.
 *
 * @param file the source file as a person would type it (relative to the working directory when below it), or
 *     {@code javac} for an error that belongs to no file, never null
 * @param line the line of the error, or 0 when javac gave none
 * @param message javac's message, on one line, never null
 */
public record CompileError(String file, long line, String message) {

    /** {@return the error as editors and terminals link it: {@code demo/Player.java:12: ';' expected}} */
    public String describe() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
