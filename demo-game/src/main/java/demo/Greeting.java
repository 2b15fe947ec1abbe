package demo;

/** Edit {@link #text()}, recompile, and the running loop prints the new text. */
final class Greeting {
    private Greeting() {
    }

    static String text() {
        return "hello from the demo: edit demo-game/src/main/java/demo/Greeting.java and recompile";
    }
}
