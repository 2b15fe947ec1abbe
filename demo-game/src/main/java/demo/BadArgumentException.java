package demo;

/** A command-line argument the demo does not understand. */
final class BadArgumentException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String argument;
    private final String reason;

    /**
     * @param argument the argument as given, never null
     * @param reason what is wrong with it, never null
     */
    BadArgumentException(String argument, String reason) {
        super(argument + ": " + reason);
        this.argument = argument;
        this.reason = reason;
    }

    String argument() {
        return argument;
    }

    String reason() {
        return reason;
    }
}
