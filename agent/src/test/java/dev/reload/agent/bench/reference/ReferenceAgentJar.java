package dev.reload.agent.bench.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs {@link ReferenceAgent}, or another one-class agent, into an agent jar at run time, from its class file. */
public final class ReferenceAgentJar {
    private ReferenceAgentJar() {
    }

    /**
     * {@return a new agent jar holding {@link ReferenceAgent}, for {@code -javaagent}}
     *
     * @param directory where to write {@code reference-agent.jar}, never null
     */
    public static Path create(Path directory) throws IOException {
        return pack(directory.resolve("reference-agent.jar"), ReferenceAgent.class);
    }

    /**
     * {@return {@code jar}, written as an agent jar holding the one class {@code agent}, its {@code Premain-Class}
     * and {@code Agent-Class}, able to redefine and retransform classes}
     *
     * @param jar the jar file to write, never null
     * @param agent a top-level class with a {@code premain} method and no nested classes, never null
     */
    public static Path pack(Path jar, Class<?> agent) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Premain-Class", agent.getName());
        main.putValue("Agent-Class", agent.getName());
        main.putValue("Can-Redefine-Classes", "true");
        main.putValue("Can-Retransform-Classes", "true");
        String entry = agent.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = agent.getResourceAsStream(agent.getSimpleName() + ".class")) {
            if (classFile == null) {
                throw new IOException("the class file of " + agent.getName() + " is not on the class path");
            }
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
