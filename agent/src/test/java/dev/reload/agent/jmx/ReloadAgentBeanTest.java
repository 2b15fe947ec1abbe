package dev.reload.agent.jmx;

import dev.reload.agent.api.AssetReport;
import dev.reload.agent.api.ReloadReport;
import dev.reload.agent.api.ReloadedClass;
import dev.reload.agent.control.AgentControl;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.agent.watch.TreeWatcher;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReloadAgentBeanTest {
    private final TreeWatcher watcher = new TreeWatcher() {
        @Override
        public boolean watch(Path root) {
            return false;
        }

        @Override
        public Set<Path> roots() {
            return Set.of(Path.of("/b"), Path.of("/a"));
        }
    };
    private final ReloadAgentBean bean = new ReloadAgentBean(
            new AgentControl(new ChangeCollector(Duration.ZERO, (file, e) -> { }), watcher, List.of()), watcher);

    @Test
    void countsAppliedAndNotAppliedBatchesAndKeepsTheLastReport() {
        bean.reloaded(new ReloadReport(ReloadReport.Outcome.APPLIED,
                List.of(new ReloadedClass("demo.Player", List.of("update"))), List.of(), Duration.ofMillis(4)));
        bean.reloaded(new ReloadReport(ReloadReport.Outcome.REFUSED, List.of(),
                List.of("demo.A: field added: int x", "demo.B: method added: void y()"), Duration.ofMillis(2)));
        assertEquals(1, bean.getReloadCount());
        assertEquals(1, bean.getFailureCount());
        assertEquals("refused, nothing was changed (2 reasons):\n  demo.A: field added: int x\n"
                + "  demo.B: method added: void y()", bean.getLastReport());
        assertEquals(List.of("/a", "/b"), bean.getWatchedDirectories());
    }

    @Test
    void countsAssetBurstsApartFromBatchesOfClasses() {
        bean.assetsReloaded(new AssetReport(List.of(Path.of("/game/palette.txt")), List.of("demo.Palette.reload"),
                Duration.ofMillis(3)));
        assertEquals(1, bean.getAssetBatchCount());
        assertEquals(0, bean.getReloadCount());
        assertEquals("1 asset in 3 ms: palette.txt → demo.Palette.reload", bean.getLastReport());
    }

    @Test
    void isAValidMXBeanWithTheDocumentedAttributesAndOperations() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName(ReloadAgentMXBean.OBJECT_NAME);
        server.registerMBean(bean, name);
        assertEquals(0L, server.getAttribute(name, "ReloadCount"));
        assertEquals(0L, server.getAttribute(name, "AssetBatchCount"));
        server.invoke(name, "pause", null, null);
        assertEquals(true, server.getAttribute(name, "Paused"));
        server.invoke(name, "resume", null, null);
        assertEquals(false, server.getAttribute(name, "Paused"));
        assertEquals(0, server.invoke(name, "rescan", null, null));
    }
}
