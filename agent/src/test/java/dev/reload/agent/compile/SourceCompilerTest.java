package dev.reload.agent.compile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceCompilerTest {
    @TempDir
    Path src;

    @Test
    void compilesIntoMemoryWithNestedClassesAndWritesNoFile() throws IOException {
        Path file = write("demo/Player.java", """
                package demo;
                public class Player {
                    Runnable hop = new Runnable() { public void run() { } };
                    static class Stats { }
                    public String describe() { return "player"; }
                }
                """);
        CompileResult result = SourceCompiler.create(List.of(src)).compile(List.of(file), List.of());
        List<String> names = assertInstanceOf(CompileResult.Compiled.class, result).classes().stream()
                .map(CompiledClass::internalName).sorted().toList();
        assertEquals(List.of("demo/Player", "demo/Player$1", "demo/Player$Stats"), names);
        try (Stream<Path> files = Files.walk(src)) {
            assertEquals(List.of(file), files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void seesTheOtherSourcesThroughTheSourcePath() throws IOException {
        write("demo/Helper.java", "package demo; public class Helper { public static int jump() { return 3; } }");
        Path player = write("demo/Player.java", "package demo; public class Player { int y = Helper.jump(); }");
        CompileResult result = SourceCompiler.create(List.of(src)).compile(List.of(player), List.of());
        List<String> names = assertInstanceOf(CompileResult.Compiled.class, result).classes().stream()
                .map(CompiledClass::internalName).toList();
        assertEquals(List.of("demo/Player"), names, "a source only read is not compiled again");
    }

    @Test
    void everyErrorIsFileLineAndMessageOnOneLine() throws IOException {
        Path file = write("demo/Player.java", """
                package demo;
                public class Player {
                    int x = missing;
                    String y = alsoMissing();
                }
                """);
        CompileResult result = SourceCompiler.create(List.of(src)).compile(List.of(file), List.of());
        List<CompileError> errors = assertInstanceOf(CompileResult.Failed.class, result).errors();
        assertEquals(2, errors.size(), errors::toString);
        assertEquals(3, errors.get(0).line());
        assertEquals(4, errors.get(1).line());
        assertTrue(errors.get(0).describe().matches(".*Player\\.java:3: .*missing.*"), errors.get(0).describe());
        assertTrue(errors.stream().noneMatch(error -> error.message().contains("\n")), errors::toString);
    }

    @Test
    void detailLinesJoinTheFirstLine() {
        assertEquals("cannot find symbol (symbol: variable missing, location: class demo.Player)",
                SourceCompiler.oneLine("cannot find symbol\n  symbol:   variable missing\n  location: class demo.Player"));
        assertEquals("';' expected", SourceCompiler.oneLine("';' expected"));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = src.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
