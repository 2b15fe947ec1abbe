package dev.reload.agent;

import dev.reload.agent.config.AgentConfig;
import dev.reload.agent.report.Reporter;

import java.lang.instrument.Instrumentation;

/** The running agent: what {@link ReloadAgent} hands off to once the options are known. */
final class AgentRuntime {
    private AgentRuntime() {
    }

    static void start(AgentConfig config, Instrumentation instrumentation, boolean attachedLater) {
        Reporter reporter = Reporter.toStandardError(config.logLevel());
        reporter.debug("agent started" + (attachedLater ? " (attached)" : "") + " with " + config);
    }
}
