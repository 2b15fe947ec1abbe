package dev.reload.agent.index;

import org.junit.jupiter.api.Test;

import java.util.List;

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
}
