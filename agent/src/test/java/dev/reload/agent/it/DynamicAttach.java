package dev.reload.agent.it;

import com.sun.tools.attach.VirtualMachine;
import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.Jdks;

import java.nio.file.Path;

/** Loads an agent into a child JVM that runs already, as a tool attaching to a running program does. */
final class DynamicAttach {
    private DynamicAttach() {
    }

    /** {@return {@code builder}, its child allowed to take agents while it runs on {@code jdk} without a warning} */
    static ChildJvm.Builder allowed(Path jdk, ChildJvm.Builder builder) {
        if (Jdks.featureVersion(jdk) >= 21) {
            // JDK 21 and later warn about agents loaded into a running program unless it allows them up front.
            builder.jvmOption("-XX:+EnableDynamicAgentLoading");
        }
        return builder;
    }

    /** Attaches to {@code child} and loads the agent {@code jar} with {@code arguments}. */
    static void loadAgent(ChildJvm child, Path jar, String arguments) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(child.pid()));
        try {
            vm.loadAgent(jar.toString(), arguments);
        } finally {
            vm.detach();
        }
    }
}
