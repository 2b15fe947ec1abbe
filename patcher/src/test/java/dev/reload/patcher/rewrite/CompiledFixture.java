package dev.reload.patcher.rewrite;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.fixtures.harness.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A fixture version compiled into a directory, its class files read by internal name. */
final class CompiledFixture {
    private final Path directory;

    private CompiledFixture(Path directory) {
        this.directory = directory;
    }

    static CompiledFixture compile(Path work, String fixtureCase, String version) {
        return compile(work, fixtureCase, version, CompilerKind.JAVAC);
    }

    static CompiledFixture compile(Path work, String fixtureCase, String version, CompilerKind compiler) {
        Path out = work.resolve(fixtureCase).resolve(compiler.label()).resolve(version);
        compiler.compile(Fixtures.sources(fixtureCase, version), out);
        return new CompiledFixture(out);
    }

    byte[] bytes(String internalName) {
        try {
            return Files.readAllBytes(directory.resolve(internalName + ".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class loader that defines the given class files and delegates everything else to the test's loader. */
    static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classFiles;

        Loader(Map<String, byte[]> classFilesByBinaryName) {
            super(CompiledFixture.class.getClassLoader());
            this.classFiles = classFilesByBinaryName;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null && classFiles.containsKey(name)) {
                    byte[] bytes = classFiles.get(name);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded != null ? loaded : super.loadClass(name, resolve);
            }
        }
    }
}
