package dev.reload.patcher.diff;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every fixture case, compiled by each compiler, gets exactly the verdict and changes written in the
 * case's {@code expected.txt} (or {@code expected-COMPILER.txt} where a compiler's class files differ in
 * kind, as javac's switch map class and ECJ's switch table do).
 */
class FixtureVerdictTest {
    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Fixtures.root())) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.exists(dir.resolve("expected.txt"))) {
                    for (CompilerKind compiler : CompilerKind.forJava()) {
                        cases.add(Arguments.of(dir.getFileName().toString(), compiler));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void verdictIsExactlyTheExpectedOne(String fixtureCase, CompilerKind compiler) throws Exception {
        compiler.unavailableBecause().ifPresent(reason -> Assumptions.abort(reason));
        String actual = judge(fixtureCase, compiler);
        Path caseDir = Fixtures.root().resolve(fixtureCase);
        Path expected = caseDir.resolve("expected-" + compiler.label() + ".txt");
        if (!Files.exists(expected)) {
            expected = caseDir.resolve("expected.txt");
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual,
                fixtureCase + " compiled by " + compiler.label() + " against " + expected.getFileName());
    }

    /** {@return every class of v2 judged against v1 as one batch, as the text the expected files hold} */
    static String judge(String fixtureCase, CompilerKind compiler) throws UnreadableClassException {
        Map<String, ClassShape> v1 = shapes(CompiledFixture.classFiles(fixtureCase, "v1", compiler));
        Map<String, ClassShape> v2 = shapes(CompiledFixture.classFiles(fixtureCase, "v2", compiler));
        Map<String, Verdict> verdicts = new TreeMap<>();
        for (Verdict verdict : BatchDiff.judge(v1.values(), v2.values())) {
            verdicts.put(verdict.className().replace('.', '/'), verdict);
        }
        Map<String, String> renumbering = BatchDiff.renumbering(v1.values(), v2.values());
        StringBuilder text = new StringBuilder();
        for (String name : union(v1, v2)) {
            if (!v1.containsKey(name)) {
                text.append(name).append(" NEW")
                        .append(renumbering.containsKey(name) ? ", code of the running " + renumbering.get(name) : "")
                        .append('\n');
            } else if (!v2.containsKey(name)) {
                text.append(name).append(" GONE\n");
            } else {
                text.append(VerdictText.of(verdicts.get(name)));
            }
        }
        return text.toString();
    }

    private static Map<String, ClassShape> shapes(Map<String, byte[]> classFiles) throws UnreadableClassException {
        Map<String, ClassShape> shapes = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : classFiles.entrySet()) {
            shapes.put(file.getKey(), ClassShape.read(file.getValue()));
        }
        return shapes;
    }

    private static TreeSet<String> union(Map<String, ClassShape> a, Map<String, ClassShape> b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }
}
