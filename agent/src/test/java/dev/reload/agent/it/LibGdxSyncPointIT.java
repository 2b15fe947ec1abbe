package dev.reload.agent.it;

import dev.reload.fixtures.harness.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A libGDX game on the headless backend (libGDX's own thread calls {@code render()}, as the desktop backends do on the
 * thread that owns the GL context) with {@code sync=} naming {@code render}: a class edit applies there, and its hook
 * and the asset hook run on libGDX's thread, where a game would rebuild its meshes, shaders and textures.
 */
class LibGdxSyncPointIT {
    /** The system property the build sets to the libGDX jars, separated by the path separator. */
    private static final String GDX_JARS = "reload.it.gdx.jars";

    @TempDir
    static Path compiled;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        assumeTrue(!System.getProperty(GDX_JARS, "").isBlank(), "run by Maven, which sets " + GDX_JARS);
        FixtureClasses.compile(compiled, "gdx", "v1", gdxJars());
        FixtureClasses.compile(compiled, "gdx", "v2", gdxJars());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void renderIsTheSyncPointAndHooksRunOnLibGdxsThread(Path jdk) throws IOException {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("gdx-v1"), classes);
        List<Path> classPath = new ArrayList<>(List.of(classes));
        classPath.addAll(Arrays.asList(gdxJars()));
        try (ChildJvm game = WatchingChild.start(jdk, "sync=fixture.gdx.Game.render",
                WatchingChild.WATCHING + Pattern.quote(classes.toString()) + "$", "fixture.gdx.Main", new String[0],
                classPath.toArray(Path[]::new))) {
            // Level loads at the first frame: a new file written before would be what it loads.
            Matcher first = Pattern.compile("^first frame on (.+)$").matcher(game.awaitStdout("^first frame on "));
            assertEquals(true, first.matches());
            String gdxThread = first.group(1);

            FixtureClasses.install(compiled.resolve("gdx-v2"), classes);
            game.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.gdx\\.Level \\(version\\)$");
            game.awaitStdout("^hook v2 on " + Pattern.quote(gdxThread) + " after frame \\d+$");

            Path level = Files.writeString(classes.resolve("fixture/gdx/level1.txt"), "#####");
            game.awaitStdout("^assets " + Pattern.quote(List.of(level).toString()) + " on " + Pattern.quote(gdxThread)
                    + "$");
            assertEquals(List.of(), game.stderr().stream().filter(line -> line.contains("no call of")).toList(),
                    game::transcript);
        }
    }

    private static Path[] gdxJars() {
        return Arrays.stream(System.getProperty(GDX_JARS).split(Pattern.quote(File.pathSeparator)))
                .map(Path::of).toArray(Path[]::new);
    }
}
