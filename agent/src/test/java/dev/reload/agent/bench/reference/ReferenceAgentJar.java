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

/** Packs {@link ReferenceAgent} into an agent jar at run time, from its compiled class file. */
public final class ReferenceAgentJar {
    private ReferenceAgentJar() {
    }

    /**
     * {@return a new agent jar holding {@link ReferenceAgent}, for {@code -javaagent}}
     *
     * @param directory where to write {@code reference-agent.jar}, never null
     */
    public static Path create(Path directory) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Premain-Class", ReferenceAgent.class.getName());
        main.putValue("Can-Redefine-Classes", "true");
        main.putValue("Can-Retransform-Classes", "true");
        String entry = ReferenceAgent.class.getName().replace('.', '/') + ".class";
        Path jar = directory.resolve("reference-agent.jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = ReferenceAgent.class.getResourceAsStream("ReferenceAgent.class")) {
            if (classFile == null) {
                throw new IOException("the class file of " + ReferenceAgent.class.getName() + " is not on the class path");
            }
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
