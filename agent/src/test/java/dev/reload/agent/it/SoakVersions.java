package dev.reload.agent.it;

import java.nio.file.Path;
import java.util.Map;

/**
 * Writes version {@code n} of a class that a long run of saves edits over and over: a private helper, a second
 * helper whose name cycles through seven, a lambda, an anonymous class, a static and an instance field, each added,
 * removed and added again at its own rhythm, so that every edit is structural and the same members come back.
 * Main, the same in every version, prints what the class's {@code step()} returns. {@link #bareSources} writes the
 * same versions with every member declared in each, for the floor: bare {@code redefineClasses} of what the compiler
 * wrote, which the stock JVM takes for those only.
 */
final class SoakVersions {
    /**
     * True (the default) when each version returns a string constant of its own ({@code "v7 total "}), as a save that
     * changes a message or a tuning value brings a new constant; {@code -Dsoak.newConstants=false} writes the
     * version number as an {@code int} that the constant pool never holds, so that versions bring no new constant.
     */
    private static final boolean NEW_CONSTANTS = Boolean.parseBoolean(System.getProperty("soak.newConstants", "true"));

    private SoakVersions() {
    }

    /** {@return a directory below {@code work} holding the sources of version {@code n}} */
    static Path sources(Path work, int n) {
        StringBuilder counter = new StringBuilder("package fixture.soak;\n\nimport java.util.function.IntSupplier;\n\n"
                + "public class Counter {\n    private int calls;\n");
        appendIf(n % 4 < 2, counter, "    static int extra = " + n + ";\n");
        appendIf(n % 6 < 3, counter, "    private int hits;\n");
        counter.append("\n    public String step() {\n        calls++;\n        int total = helper").append(n % 7)
                .append("();\n");
        appendIf(n % 2 == 0, counter, "        total += helperA();\n");
        appendIf(n % 3 == 0, counter, "        IntSupplier lambda = () -> calls + " + n + ";\n"
                + "        total += lambda.getAsInt() - calls;\n");
        appendIf(n % 5 < 3, counter, "        Runnable anonymous = new Runnable() {\n            public void run() {\n"
                + "                calls += " + (n % 5) + " - " + (n % 5) + ";\n            }\n        };\n"
                + "        anonymous.run();\n");
        appendIf(n % 4 < 2, counter, "        extra++;\n");
        appendIf(n % 6 < 3, counter, "        hits++;\n");
        counter.append(returnLine(n)).append("    }\n\n    private int helper")
                .append(n % 7).append("() {\n        return 1;\n    }\n");
        appendIf(n % 2 == 0, counter, "\n    private int helperA() {\n        return " + n + ";\n    }\n");
        return write(work, n, counter);
    }

    /**
     * {@return a directory below {@code work} holding version {@code n} with the same bodies and constants, its
     * members all declared in every version}: the helpers, the fields, and the lambda and anonymous class each in a
     * method of its own, which {@code step()} calls where version {@code n} has them
     */
    static Path bareSources(Path work, int n) {
        StringBuilder counter = new StringBuilder("package fixture.soak;\n\nimport java.util.function.IntSupplier;\n\n"
                + "public class Counter {\n    private int calls;\n    static int extra;\n    private int hits;\n");
        counter.append("\n    public String step() {\n        calls++;\n        int total = helper").append(n % 7)
                .append("();\n");
        appendIf(n % 2 == 0, counter, "        total += helperA();\n");
        appendIf(n % 3 == 0, counter, "        total += lambda();\n");
        appendIf(n % 5 < 3, counter, "        anonymous();\n");
        appendIf(n % 4 < 2, counter, "        extra++;\n");
        appendIf(n % 6 < 3, counter, "        hits++;\n");
        counter.append(returnLine(n)).append("    }\n");
        for (int helper = 0; helper < 7; helper++) {
            counter.append("\n    private int helper").append(helper).append("() {\n        return 1;\n    }\n");
        }
        counter.append("\n    private int helperA() {\n        return ").append(n).append(";\n    }\n\n")
                .append("    private int lambda() {\n        IntSupplier lambda = () -> calls + ").append(n)
                .append(";\n        return lambda.getAsInt() - calls;\n    }\n\n")
                .append("    private void anonymous() {\n        Runnable anonymous = new Runnable() {\n")
                .append("            public void run() {\n                calls += ").append(n % 5).append(" - ")
                .append(n % 5).append(";\n            }\n        };\n        anonymous.run();\n    }\n");
        return write(work, n, counter);
    }

    /** {@return the lines of {@code step()} that make what it returns} */
    private static String returnLine(int n) {
        return NEW_CONSTANTS ? "        return \"v" + n + " total \" + total;\n"
                : "        int version = " + n + ";\n        return \"v\" + version + \" total \" + total;\n";
    }

    private static Path write(Path work, int n, StringBuilder counter) {
        counter.append("}\n");
        String main = "package fixture.soak;\n\npublic class Main {\n    static final Counter COUNTER = new Counter();\n\n"
                + "    public static void step() {\n        System.out.println(COUNTER.step());\n    }\n}\n";
        return GeneratedSources.write(work, n, Map.of("fixture/soak/Counter.java", counter,
                "fixture/soak/Main.java", main));
    }

    /** {@return what Main prints at a step of version {@code n}} */
    static String stepOf(int n) {
        int total = 1 + (n % 2 == 0 ? n : 0) + (n % 3 == 0 ? n : 0);
        return "v" + n + " total " + total;
    }

    private static void appendIf(boolean present, StringBuilder source, String code) {
        if (present) {
            source.append(code);
        }
    }
}
