package dev.reload.agent.structural;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twenty successive edits of one class, each adding a method and changing the ones added before: every edit
 * applies, the object's state carries through, and old companions are collected rather than piling up.
 */
class ManyEditsIT {
    private static final int EDITS = 20;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void twentyEditsAddingMethodsApplyWithoutGrowth(Path jdk, @TempDir Path work) {
        try (DriverJvm child = DriverJvm.start(jdk, work, sources(work, 0), "many", "fixture.many.Main")) {
            assertEquals(List.of("edit 0 total 0 calls 1"), child.run("call step"), child::transcript);
            for (int edit = 1; edit <= EDITS; edit++) {
                assertEquals(List.of("reloaded 2"), child.install(sources(work, edit), "v" + edit),
                        child::transcript);
                // helper i returns i * edit, so the total is edit * (1 + ... + edit).
                int total = edit * edit * (edit + 1) / 2;
                assertEquals(List.of("edit " + edit + " total " + total + " calls " + (edit + 1)),
                        child.run("call step"), child::transcript);
            }
            String companions = child.run("count $$ReloadCompanion").get(0);
            int live = Integer.parseInt(companions.substring("count ".length()));
            assertTrue(live <= 3, "old companions must be collected, but " + live + " are loaded\n"
                    + child.transcript());
        }
    }

    /** Writes the sources of edit {@code n}: a counter with helpers 1..n, each returning {@code i * n}. */
    private static Path sources(Path work, int n) {
        StringBuilder counter = new StringBuilder("package fixture.many;\n\npublic class Counter {\n"
                + "    private int calls;\n\n    public String step() {\n        calls++;\n        int total = 0;\n");
        for (int i = 1; i <= n; i++) {
            counter.append("        total += helper").append(i).append("();\n");
        }
        counter.append("        return \"edit ").append(n).append(" total \" + total + \" calls \" + calls;\n    }\n");
        for (int i = 1; i <= n; i++) {
            counter.append("\n    private int helper").append(i).append("() {\n        return ").append(i)
                    .append(" * ").append(n).append(";\n    }\n");
        }
        counter.append("}\n");
        String main = "package fixture.many;\n\npublic class Main {\n    static final Counter COUNTER = new Counter();\n\n"
                + "    public static void step() {\n        System.out.println(COUNTER.step());\n    }\n}\n";
        Path dir = work.resolve("src").resolve("v" + n);
        try {
            Files.createDirectories(dir.resolve("fixture/many"));
            Files.writeString(dir.resolve("fixture/many/Counter.java"), counter);
            Files.writeString(dir.resolve("fixture/many/Main.java"), main);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
