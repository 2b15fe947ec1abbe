package dev.reload.agent.jmx;

import dev.reload.agent.report.Reporter;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * Registers the agent's bean with the platform MBean server. Touch this class only where the module
 * {@code java.management} is loaded: even loading it needs JMX classes. Called once, on the agent's reload thread after its
 * warm-up, never on the program's own threads: creating the platform server costs tens of milliseconds when the
 * program has not done it already.
 */
public final class BeanRegistration {
    private BeanRegistration() {
    }

    /**
     * Registers the bean as {@value ReloadAgentMXBean#OBJECT_NAME}; a failure is reported, never thrown.
     *
     * @param bean the bean, never null
     * @param reporter where a failure is reported, never null
     */
    public static void register(ReloadAgentBean bean, Reporter reporter) {
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
