package dev.reload.agent.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many saves of a class whose per-frame method makes lambdas (capturing, not capturing, a method reference): each
 * redefinition links every lambda again, and without the agent's runtime bootstraps the JVM would spin, and keep
 * for good, a new lambda class for each lambda at each save. Body edits and structural edits alternate; the lambda
 * object made before the first edit runs the newest body each time.
 */
class LambdaRelinkIT {
    private static final int EDITS = 8;
    private static final int LAMBDAS = 3;
    /** Each lambda's class as the program first linked it, and the one its first relink through the runtime made. */
    private static final int LAMBDA_CLASSES_AT_MOST = 2 * LAMBDAS + 1;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void savingAClassAgainAndAgainMakesNoLambdaClassPerSave(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, sources(0), "relink", "fixture.relink.Main")) {
            assertEquals(List.of(expectedStep(0)), child.call("step"), child::transcript);
            for (int edit = 1; edit <= EDITS; edit++) {
                String outcome = child.install(sources(edit), "v" + edit);
                assertTrue(outcome.startsWith("[reload] 1 class in "), outcome + "\n" + child.transcript());
                assertEquals(List.of(expectedStep(edit)), child.call("step"), child::transcript);
            }
            int lambdaClasses = child.loadedClasses("fixture.relink.Ticker$$Lambda");
            assertTrue(lambdaClasses <= LAMBDA_CLASSES_AT_MOST, lambdaClasses + " lambda classes of Ticker after "
                    + EDITS + " saves\n" + child.transcript());
        }
    }

    /**
     * {@return what step prints after edit {@code n}, at its {@code n + 1}-th call}: the kept lambda, made at the
     * first call, runs edit {@code n}'s body too
     */
    private static String expectedStep(int n) {
        int frames = n + 1;
        return "edit " + n + " sum " + (n + frames + n) + " label v" + n + " size " + ("v" + n).length()
                + " kept " + (7 + n) + (n % 2 == 1 ? " helper " + n : "");
    }

    /** Edit {@code n}: the lambdas' constants change each time; every odd edit adds a helper, every even one drops it. */
    private Path sources(int n) {
        String helper = n % 2 == 1 ? "\n    private static String helper() {\n        return \" helper " + n
                + "\";\n    }\n" : "";
        String ticker = "package fixture.relink;\n\nimport java.util.function.*;\n\npublic class Ticker {\n"
                + "    static IntUnaryOperator kept;\n    private int frames;\n\n"
                + "    public String step() {\n        frames++;\n        int edit = " + n + ";\n"
                + "        IntUnaryOperator bonus = x -> x + frames + edit;\n"
                + "        Supplier<String> label = () -> \"v" + n + "\";\n"
                + "        ToIntFunction<String> size = String::length;\n"
                + "        if (kept == null) {\n            kept = x -> x + 7 + " + n + ";\n        }\n"
                + "        return \"edit \" + edit + \" sum \" + bonus.applyAsInt(" + n + ") + \" label \" + label.get()"
                + " + \" size \" + size.applyAsInt(label.get()) + \" kept \" + kept.applyAsInt(0)"
                + (helper.isEmpty() ? "" : " + helper()") + ";\n    }\n" + helper + "}\n";
        String main = "package fixture.relink;\n\npublic class Main {\n    static final Ticker TICKER = new Ticker();\n\n"
                + "    public static void step() {\n        System.out.println(TICKER.step());\n    }\n}\n";
        return GeneratedSources.write(work, n, Map.of("fixture/relink/Ticker.java", ticker,
                "fixture/relink/Main.java", main));
    }
}
