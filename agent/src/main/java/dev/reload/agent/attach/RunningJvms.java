package dev.reload.agent.attach;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The Java programs the attach mechanism can see: those of this user that keep JVM performance data (the
 * default). Uses {@code com.sun.tools.attach}; check {@link AttachSupport} before touching this class.
 */
final class RunningJvms {
    private RunningJvms() {
    }

    /** {@return every listed JVM except this command's own, by pid} */
    static List<RunningJvm> list() {
        long self = ProcessHandle.current().pid();
        List<RunningJvm> jvms = new ArrayList<>();
        for (VirtualMachineDescriptor descriptor : VirtualMachine.list()) {
            try {
                long pid = Long.parseLong(descriptor.id());
                if (pid != self) {
                    jvms.add(RunningJvm.of(pid, descriptor.displayName()));
                }
            } catch (NumberFormatException e) {
                // An id that is not a pid (another attach provider): it cannot be named on the command line either.
            }
        }
        jvms.sort(Comparator.comparingLong(RunningJvm::pid));
        return jvms;
    }

    /**
     * {@return the listed JVMs whose main class (or jar) contains {@code part}, ignoring case}
     *
     * @param part a piece of the main class name, never null
     */
    static List<RunningJvm> matching(String part) {
        String wanted = part.toLowerCase(Locale.ROOT);
        return list().stream().filter(jvm -> jvm.mainClass().toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }
}
