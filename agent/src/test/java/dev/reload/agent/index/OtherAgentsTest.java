package dev.reload.agent.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which options start an agent besides this one. */
class OtherAgentsTest {
    @Test
    void thisAgentAloneOrWithTheDebuggerIsNoOtherAgent() {
        assertFalse(OtherAgents.besidesOne(List.of("java", "-javaagent:reload-agent.jar=log=debug", "-cp", "classes",
                "game.Main")));
        assertFalse(OtherAgents.besidesOne(List.of("java", "-agentlib:jdwp=transport=dt_socket,server=y",
                "-javaagent:/opt/reload-agent.jar", "game.Main")));
    }

    @Test
    void anotherJavaOrNativeAgentOrAnOptionsFileMayChangeClasses() {
        assertTrue(OtherAgents.besidesOne(List.of("java", "-javaagent:jacocoagent.jar", "-javaagent:reload-agent.jar",
                "game.Main")));
        assertTrue(OtherAgents.besidesOne(List.of("java", "-javaagent:reload-agent.jar", "-agentpath:/opt/libprof.so",
                "game.Main")));
        assertTrue(OtherAgents.besidesOne(List.of("java", "-agentlib:hprof", "-javaagent:reload-agent.jar")));
        assertTrue(OtherAgents.besidesOne(List.of("java", "@options.txt", "-javaagent:reload-agent.jar")));
    }

    @Test
    void aJarWhoseManifestNamesALauncherAgentStartsOne(@TempDir Path dir) throws IOException {
        Path game = jar(dir.resolve("game.jar"), null);
        Path instrumented = jar(dir.resolve("instrumented.jar"), "mods.Instrumenting");
        assertFalse(OtherAgents.launchesAnAgent(List.of("java", "-javaagent:reload-agent.jar", "-jar", game.toString())));
        assertFalse(OtherAgents.launchesAnAgent(List.of("java", "-javaagent:reload-agent.jar", "-cp", "classes",
                "game.Main")));
        assertTrue(OtherAgents.launchesAnAgent(List.of("java", "-javaagent:reload-agent.jar", "-jar",
                instrumented.toString(), "--windowed")));
        assertTrue(OtherAgents.launchesAnAgent(List.of("java", "-jar", dir.resolve("missing.jar").toString())),
                "a jar that cannot be read may start one");
    }

    private static Path jar(Path file, String launcherAgent) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "game.Main");
        if (launcherAgent != null) {
            manifest.getMainAttributes().put(new Attributes.Name("Launcher-Agent-Class"), launcherAgent);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
