package dev.reload.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One reason a batch was not applied (a refused change, a compile error, the JVM's refusal), as a JFR event. */
@Name(ReloadRefusalEvent.NAME)
@Label("Reload Refusal")
@Category("Reload")
@Description("One reason a batch of changed classes was not applied; nothing of the batch was changed")
@StackTrace(false)
final class ReloadRefusalEvent extends jdk.jfr.Event {
    static final String NAME = "dev.reload.Refusal";

    @Label("Outcome")
    @Description("REFUSED or FAILED")
    String outcome;

    @Label("Reason")
    @Description("The class, the member and why; or file:line: message for a compile error")
    String reason;
}
