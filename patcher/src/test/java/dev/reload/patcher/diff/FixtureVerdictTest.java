package dev.reload.patcher.diff;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
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
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every fixture case, compiled by each compiler, gets exactly the verdict and changes written in the
 * case's {@code expected.txt} (or {@code expected-COMPILER.txt} where a compiler's class files differ in
 * kind, as javac's switch map class and ECJ's switch table do).
 */
class FixtureVerdictTest {
    @TempDir
    static Path work;

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Fixtures.root())) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.exists(dir.resolve("expected.txt"))) {
                    for (CompilerKind compiler : CompilerKind.values()) {
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
        String actual = judge(fixtureCase, compiler, work);
        Path caseDir = Fixtures.root().resolve(fixtureCase);
        Path expected = caseDir.resolve("expected-" + compiler.label() + ".txt");
        if (!Files.exists(expected)) {
            expected = caseDir.resolve("expected.txt");
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual,
                fixtureCase + " compiled by " + compiler.label() + " against " + expected.getFileName());
    }

    /** {@return every class of v2 judged against v1, as the text the expected files hold} */
    static String judge(String fixtureCase, CompilerKind compiler, Path workDir) throws UnreadableClassException {
        Map<String, byte[]> v1 = CompiledFixture.classFiles(fixtureCase, "v1", compiler, workDir);
        Map<String, byte[]> v2 = CompiledFixture.classFiles(fixtureCase, "v2", compiler, workDir);
        StringBuilder text = new StringBuilder();
        for (String name : new TreeSet<>(union(v1, v2))) {
            if (!v1.containsKey(name)) {
                text.append(name).append(" NEW\n");
            } else if (!v2.containsKey(name)) {
                text.append(name).append(" GONE\n");
            } else {
                Verdict verdict = ClassDiff.judge(ClassShape.read(v1.get(name)), v2.get(name));
                text.append(VerdictText.of(verdict));
            }
        }
        return text.toString();
    }

    private static TreeSet<String> union(Map<String, byte[]> a, Map<String, byte[]> b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }
}
