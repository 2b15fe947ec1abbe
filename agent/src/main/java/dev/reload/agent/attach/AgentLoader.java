package dev.reload.agent.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.reload.agent.ReloadAgent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Loads the agent jar into a running JVM through {@code com.sun.tools.attach}, and turns each way that can fail
 * into one line saying why. Check {@link AttachSupport} before touching this class.
 */
final class AgentLoader {
    private static final int OLDEST_JAVA = 17;

    private AgentLoader() {
    }

    /**
     * {@return what was found; the agent runs in the target afterwards, loaded now or before}
     *
     * @param pid the target process
     * @param jar the agent jar, absolute, never null
     * @param options the agent options, may be empty, never null
     * @throws AttachFailedException when the agent is not running in the target afterwards, saying why
     */
    static AttachOutcome load(long pid, Path jar, String options) throws AttachFailedException {
        checkProcess(pid);
        VirtualMachine vm = connect(pid);
        try {
            Properties system = vm.getSystemProperties();
            Properties agent = vm.getAgentProperties();
            int feature = feature(system.getProperty("java.specification.version", ""));
            boolean allowed = (agent.getProperty("sun.jvm.args", "") + " " + agent.getProperty("sun.jvm.flags", ""))
                    .contains("+EnableDynamicAgentLoading");
            String running = system.getProperty(ReloadAgent.RUNNING_PROPERTY);
            if (running != null) {
                return new AttachOutcome(feature, allowed, running);
            }
            if (feature > 0 && feature < OLDEST_JAVA) {
                throw new AttachFailedException(pid, pid + " runs Java " + feature + "; the agent needs Java "
                        + OLDEST_JAVA + " or later");
            }
            vm.loadAgent(jar.toString(), options);
            return new AttachOutcome(feature, allowed, null);
        } catch (AgentInitializationException e) {
            throw new AttachFailedException(pid, "the agent failed while starting in " + pid + " (" + firstLine(e)
                    + "); that program's standard error says why");
        } catch (AgentLoadException e) {
            throw new AttachFailedException(pid, refusedLoad(pid, e));
        } catch (IOException e) {
            throw new AttachFailedException(pid, "lost the connection to " + pid + " while loading the agent ("
                    + firstLine(e) + ")");
        } finally {
            detach(vm);
        }
    }

    private static void checkProcess(long pid) throws AttachFailedException {
        if (pid == ProcessHandle.current().pid()) {
            throw new AttachFailedException(pid, pid + " is this command itself; name the program to load the agent into");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            throw new AttachFailedException(pid, "no process " + pid + " is running; `list` shows the Java programs");
        }
        String me = System.getProperty("user.name", "");
        Optional<String> owner = process.get().info().user();
        if (owner.isPresent() && !owner.get().equals(me) && !me.equals("root")) {
            throw new AttachFailedException(pid, pid + " runs as user " + owner.get() + " and this command as " + me
                    + "; the JVM lets only its own user attach: run this as " + owner.get()
                    + " (sudo -u " + owner.get() + " java -jar reload-agent.jar attach " + pid + " ...)");
        }
    }

    private static VirtualMachine connect(long pid) throws AttachFailedException {
        try {
            return VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("does not support the attach mechanism")) {
                throw new AttachFailedException(pid, pid + " was started with -XX:+DisableAttachMechanism, which"
                        + " turns attaching off: restart it with -javaagent:reload-agent.jar instead");
            }
            throw new AttachFailedException(pid, pid + " does not accept an attach (" + firstLine(e) + "): is it a"
                    + " HotSpot JVM of this user, started with attaching on?");
        } catch (IOException e) {
            throw new AttachFailedException(pid, "cannot talk to " + pid + " (" + firstLine(e) + "): is it a Java"
                    + " program of this user, not stopped in a debugger?");
        }
    }

    private static String refusedLoad(long pid, AgentLoadException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("EnableDynamicAgentLoading")) {
            return pid + " was started with -XX:-EnableDynamicAgentLoading, which refuses agents loaded later:"
                    + " restart it with -XX:+EnableDynamicAgentLoading, or with -javaagent:reload-agent.jar";
        }
        return pid + " could not load the agent jar (" + firstLine(e) + ")";
    }

    private static int feature(String specificationVersion) {
        try {
            String major = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
            return Integer.parseInt(major.split("\\.", 0)[0]);
        } catch (NumberFormatException e) {
            return 0; // unknown: let the attempt decide
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.strip().split("\\R", 2)[0];
    }

    private static void detach(VirtualMachine vm) {
        try {
            vm.detach();
        } catch (IOException e) {
            // The agent is loaded or the failure was reported; a connection that does not close cleanly changes neither.
        }
    }
}
