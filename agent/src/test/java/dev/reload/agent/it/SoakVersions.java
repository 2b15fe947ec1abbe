package dev.reload.agent.it;

import java.nio.file.Path;
import java.util.Map;

/**
 * Writes version {@code n} of a class that a long run of saves edits over and over: a private helper, a second
 * helper whose name cycles through seven, a lambda, an anonymous class, a static and an instance field, each added,
 * removed and added again at its own rhythm, so that every edit is structural and the same members come back.
 * Main, the same in every version, prints what the class's {@code step()} returns.
 */
final class SoakVersions {
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
        counter.append("        return \"v").append(n).append(" total \" + total;\n    }\n\n    private int helper")
                .append(n % 7).append("() {\n        return 1;\n    }\n");
        appendIf(n % 2 == 0, counter, "\n    private int helperA() {\n        return " + n + ";\n    }\n");
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
