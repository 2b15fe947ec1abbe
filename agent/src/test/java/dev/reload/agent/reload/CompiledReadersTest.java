package dev.reload.agent.reload;

import dev.reload.agent.config.LogLevel;
import dev.reload.agent.index.CaptureCompactor;
import dev.reload.agent.index.CaptureTransformer;
import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.ClassOrigins;
import dev.reload.agent.index.LoadTimeChange;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.report.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which watched classes' compiled code may hold an old static final value, found before a batch applies. */
class CompiledReadersTest {
    private static final String LIGHT_SWITCH_MAP = "$SwitchMap$dev$reload$agent$reload$CompiledReadersTest$Light";

    @TempDir
    Path classes;

    @Test
    void theReadersFoundBeforeTheBatchAreTheReadersAfterItWithNoFileRead() throws IOException {
        CompiledReaders readers = readersOf(Palette.class, Reader.class, Bystander.class);
        FieldReaders found = readers.search(Set.of("COLORS"), List.of());
        deleteClassFiles();

        assertEquals(Set.of(Palette.class, Reader.class),
                readers.readers(Set.of(Palette.class), Set.of("COLORS"), found));
    }

    @Test
    void aFieldTheSearchDidNotLookForIsLookedForInTheFiles() throws IOException {
        CompiledReaders readers = readersOf(Palette.class, Reader.class, Bystander.class);
        FieldReaders found = readers.search(Set.of("COLORS"), List.of());

        assertEquals(Set.of(Palette.class, Reader.class),
                readers.readers(Set.of(Palette.class), Set.of("plain"), found));
        assertEquals(Set.of(Palette.class, Reader.class),
                readers.readers(Set.of(Palette.class), Set.of("plain"), FieldReaders.NONE));
    }

    @Test
    void aPrefixFindsTheReadersOfEveryFieldBeginningWithIt() throws IOException {
        CompiledReaders readers = readersOf(Palette.class, Reader.class, Bystander.class);
        FieldReaders found = readers.search(Set.of(), List.of("$SwitchMap$"));
        deleteClassFiles();

        assertEquals(Set.of(Reader.class), readers.readers(Set.of(), Set.of(LIGHT_SWITCH_MAP), found));
    }

    @Test
    void aClassWhoseFileCannotBeReadIsTakenToReadEveryField() throws IOException {
        CompiledReaders readers = readersOf(Palette.class, Reader.class, Bystander.class);
        Files.write(fileOf(Bystander.class), new byte[] {1, 2, 3}); // caught while being written
        FieldReaders found = readers.search(Set.of("COLORS"), List.of());

        assertEquals(Set.of(Palette.class, Reader.class, Bystander.class),
                readers.readers(Set.of(Palette.class), Set.of("COLORS"), found));
    }

    /** {@return readers over an index of the classes, each captured with its class file written to the directory} */
    private CompiledReaders readersOf(Class<?>... types) throws IOException {
        LoadedClassIndex index = new LoadedClassIndex();
        for (Class<?> type : types) {
            byte[] bytes = BatchFixtures.classFile(type);
            Path file = fileOf(type);
            Files.write(file, bytes);
            index.put(type.getClassLoader(), new CapturedClass(internalName(type), file, bytes, false));
        }
        Instrumentation jvm = loading(types);
        Reporter quiet = new Reporter(LogLevel.OFF, new PrintStream(OutputStream.nullOutputStream()));
        CaptureTransformer capture = CaptureTransformer.install(jvm, CaptureTransformer.Registration.WHOLE_RUN,
                new ClassOrigins(null, List.of(), false), index, new CaptureCompactor(quiet), quiet,
                LoadTimeChange.NONE);
        return new CompiledReaders(jvm, index, capture);
    }

    private void deleteClassFiles() throws IOException {
        for (Class<?> type : List.of(Palette.class, Reader.class, Bystander.class)) {
            Files.deleteIfExists(fileOf(type));
        }
    }

    private Path fileOf(Class<?> type) {
        return classes.resolve(type.getSimpleName() + ".class");
    }

    /** {@return an instrumentation whose loaded classes are the types and {@code String}, which no watched file is} */
    private static Instrumentation loading(Class<?>... types) {
        Class<?>[] loaded = new Class<?>[types.length + 1];
        System.arraycopy(types, 0, loaded, 0, types.length);
        loaded[types.length] = String.class;
        return (Instrumentation) Proxy.newProxyInstance(CompiledReadersTest.class.getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getAllLoadedClasses" -> loaded.clone();
                    case "addTransformer" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    enum Light { RED, GREEN }

    static final class Palette {
        static final int[] COLORS = {1, 2};
        static int plain;
    }

    static final class Reader {
        int read(Light light) {
            int sum = Palette.COLORS[0] + Palette.plain;
            switch (light) {
                case RED:
                    return sum;
                default:
                    return -sum;
            }
        }
    }

    static final class Bystander {
        int read() {
            return 1;
        }
    }
}
