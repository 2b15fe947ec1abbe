package dev.reload.agent.it;

import java.nio.file.Path;
import java.util.Map;

/**
 * Sources of a class edited many times over, {@code fixture.grow.Counter}, and of {@code fixture.grow.Main}, which
 * prints what it says. Edit {@code n} has private helpers {@code helper1 ... helperN}, each returning
 * {@code i * n}, and a public {@code bonusN()} returning {@code n * n} that Main calls: so each edit adds a
 * helper, changes the others, and replaces a public method another class calls.
 */
public final class GrowingCounter {
    private GrowingCounter() {
    }

    /** {@return a directory below {@code work} holding the sources of edit {@code n}} */
    public static Path sources(Path work, int n) {
        StringBuilder counter = new StringBuilder("package fixture.grow;\n\npublic class Counter {\n"
                + "    private int calls;\n\n    public String step() {\n        calls++;\n        int total = 0;\n");
        for (int i = 1; i <= n; i++) {
            counter.append("        total += helper").append(i).append("();\n");
        }
        counter.append("        return \"edit ").append(n).append(" total \" + total + \" calls \" + calls;\n    }\n");
        for (int i = 1; i <= n; i++) {
            counter.append("\n    private int helper").append(i).append("() {\n        return ").append(i)
                    .append(" * ").append(n).append(";\n    }\n");
        }
        counter.append("\n    public int bonus").append(n).append("() {\n        return ").append(n * n)
                .append(";\n    }\n}\n");
        String main = "package fixture.grow;\n\npublic class Main {\n    static final Counter COUNTER = new Counter();\n\n"
                + "    public static void step() {\n        System.out.println(COUNTER.step() + \" bonus \" + COUNTER.bonus"
                + n + "());\n    }\n}\n";
        return GeneratedSources.write(work, n, Map.of("fixture/grow/Counter.java", counter,
                "fixture/grow/Main.java", main));
    }

    /** {@return what Main prints at the first step after edit {@code n}} */
    public static String firstStepAfter(int n) {
        // helper i returns i * n, so the total is n * (1 + ... + n).
        return "edit " + n + " total " + n * n * (n + 1) / 2 + " calls " + (n + 1) + " bonus " + n * n;
    }
}
