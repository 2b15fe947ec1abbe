package dev.reload.agent.index;

import dev.reload.agent.report.Reporter;

/**
 * Tells whether an agent may have been attached to the program since it started, which is when the capture has to
 * watch the agent's own redefinitions (see {@link CaptureTransformer.Registration#AROUND_REDEFINITIONS}). Every
 * agent that comes after start-up, a Java agent's {@code agentmain} as a native agent's {@code Agent_OnAttach}, is
 * a {@code load} request served by HotSpot's "Attach Listener" thread (JDK 17 to 25). HotSpot starts that thread
 * only when the first request of any tool comes ({@code AttachListener::is_init_trigger} on Linux: a SIGQUIT with an
 * {@code .attach_pid} file present), or at start with {@code -XX:+StartAttachListener} or {@code -Xrs}
 * ({@code init_at_startup}), and puts it in the system thread group; it may end and be started again. So until a
 * thread of that name has run, no agent was attached; once one has, one may have been, for the rest of the run.
 * {@code jcmd}, {@code jstack}, {@code jmap} and a local JMX console attach too, and so end the saving: the capture
 * is then registered around each redefinition, as it always was before. A program thread of that name only does the
 * same. Used by the thread that redefines.
 */
final class LateAgents {
    private static final String LISTENER = "Attach Listener";
    private final ThreadGroup system;
    private final Reporter reporter;
    private volatile boolean listenerSeen;

    /** Makes one that looks for the listener among the threads of the system thread group. */
    LateAgents(Reporter reporter) {
        this(reporter, systemGroup());
    }

    /** Makes one that looks for the listener among the threads of {@code system} (not of its subgroups). */
    LateAgents(Reporter reporter, ThreadGroup system) {
        this.reporter = reporter;
        this.system = system;
    }

    /** {@return true once the attach listener was seen running: an agent may have been attached since} */
    boolean mayHaveCome() {
        if (!listenerSeen) {
            listenerSeen = listenerRuns();
            if (listenerSeen) {
                reporter.debug("the JVM's attach listener runs, so another agent may have been attached: the"
                        + " capture watches each redefinition from now on");
            }
        }
        return listenerSeen;
    }

    private boolean listenerRuns() {
        // Only the system group's own threads: HotSpot starts the listener there, and so the walk stays short.
        Thread[] threads = new Thread[system.activeCount() + 4];
        int count = system.enumerate(threads, false);
        for (int i = 0; i < count; i++) {
            if (LISTENER.equals(threads[i].getName())) {
                return true;
            }
        }
        return false;
    }

    private static ThreadGroup systemGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }
}
