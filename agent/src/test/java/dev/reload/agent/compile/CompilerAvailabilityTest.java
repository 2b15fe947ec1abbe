package dev.reload.agent.compile;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompilerAvailabilityTest {
    @Test
    void aJdkRunningTheTestsHasTheCompiler() {
        assertEquals(Optional.empty(), CompilerAvailability.problem());
    }

    @Test
    void aRuntimeWithoutTheCompilerIsNamedWithWhatToDo() {
        String message = CompilerAvailability.problem(false, false, "/opt/jre").orElseThrow();
        assertTrue(message.contains("/opt/jre") && message.contains("jdk.compiler") && message.contains("JDK"), message);
        assertEquals(1, message.lines().count());
    }

    @Test
    void aProgramThatDidNotLoadTheCompilerIsToldTheFlag() {
        String message = CompilerAvailability.problem(false, true, "/opt/jdk").orElseThrow();
        assertTrue(message.contains("--add-modules jdk.compiler"), message);
    }
}
