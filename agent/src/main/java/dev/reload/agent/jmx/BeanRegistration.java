package dev.reload.agent.jmx;

import dev.reload.agent.report.Reporter;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * Registers the agent's bean with the platform MBean server once the program or a tool has started JMX. The agent
 * never starts JMX itself: the platform server loads some 400 classes (every platform MXBean, diagnostic commands,
 * logging), which every redefinition then walks while the program is stopped, in a program that may never use JMX.
 * Touch this class only where the module {@code java.management} is loaded: even loading it needs JMX classes.
 */
public final class BeanRegistration {
    /** How often the agent looks whether JMX has started: a tool that connects sees the bean this soon after. */
    static final long POLL_MILLIS = 200;

    private BeanRegistration() {
    }

    /**
     * Starts a daemon thread that registers the bean as soon as an MBean server exists in the program: the platform
     * server made by the program itself, by {@code -Dcom.sun.management.jmxremote}, or by a tool that attaches
     * (JConsole, VisualVM, JMC, {@code jcmd ManagementAgent.start_local}); then the thread ends.
     *
     * @param bean the bean, never null
     * @param reporter where the registration and its failures are reported, never null
     */
    public static void registerOnceJmxRuns(ReloadAgentBean bean, Reporter reporter) {
        Thread waiting = new Thread(() -> awaitServer(bean, reporter), "reload-jmx");
        waiting.setDaemon(true);
        waiting.start();
    }

    private static void awaitServer(ReloadAgentBean bean, Reporter reporter) {
        try {
            // Finds the servers made so far without making one; the platform server is among them once it exists.
            while (MBeanServerFactory.findMBeanServer(null).isEmpty()) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // only the JVM's end interrupts this daemon
            return;
        } catch (RuntimeException | LinkageError e) {
            reporter.debug("cannot look for an MBean server (" + e + "); the MBean " + ReloadAgentMXBean.OBJECT_NAME
                    + " is not registered");
            return;
        }
        register(bean, reporter);
    }

    /**
     * Registers the bean with the platform MBean server, which is made now if only other servers exist (the program
     * uses JMX anyway); a failure is reported, never thrown.
     */
    private static void register(ReloadAgentBean bean, Reporter reporter) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(bean, new ObjectName(ReloadAgentMXBean.OBJECT_NAME));
            reporter.debug("registered the MBean " + ReloadAgentMXBean.OBJECT_NAME);
        } catch (InstanceAlreadyExistsException e) {
            reporter.debug("the MBean " + ReloadAgentMXBean.OBJECT_NAME + " exists already (another copy of the agent?)");
        } catch (JMException | RuntimeException | LinkageError e) {
            reporter.debug("cannot register the MBean " + ReloadAgentMXBean.OBJECT_NAME + " (" + e + ")");
        }
    }
}
