package dev.reload.agent.attach;

import dev.reload.agent.config.BadOptionException;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AttachOptionsTest {
    @Test
    void wordsAndListsJoinAndDirectoriesBecomeAbsolute() throws BadOptionException {
        String here = Path.of("").toAbsolutePath().toString();
        String options = AttachOptions.prepare(List.of("log=debug,quiet=10", "watch=target/classes" + File.pathSeparator
                + "/abs", "src=src/main/java"));
        assertEquals("log=debug,quiet=10,watch=" + here + "/target/classes" + File.pathSeparator + "/abs,src=" + here
                + "/src/main/java", options);
    }

    @Test
    void noOptionsAreNone() throws BadOptionException {
        assertEquals("", AttachOptions.prepare(List.of()));
    }

    @Test
    void aTypoIsCaughtBeforeAttaching() {
        BadOptionException e = assertThrows(BadOptionException.class, () -> AttachOptions.prepare(List.of("qiuet=5")));
        assertEquals("qiuet", e.key());
    }
}
