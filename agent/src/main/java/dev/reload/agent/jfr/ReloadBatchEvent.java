package dev.reload.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One batch of changed classes the agent applied, refused or failed to apply, as a JFR event in the category
 * "Reload", so a recording shows reloads next to GC pauses and frame times.
 */
@Name(ReloadBatchEvent.NAME)
@Label("Reload Batch")
@Category("Reload")
@Description("A batch of changed classes: applied all together, or, refused or failed, none of them")
@StackTrace(false)
final class ReloadBatchEvent extends jdk.jfr.Event {
    static final String NAME = "dev.reload.Batch";

    @Label("Outcome")
    @Description("APPLIED, REFUSED or FAILED")
    String outcome;

    @Label("Classes")
    @Description("How many classes the batch changed, or would have changed")
    int classCount;

    @Label("Methods")
    @Description("How many method bodies the batch changed, or would have changed")
    int methodCount;

    @Label("Reload Time")
    @Description("From the first write seen to the new code in place, or to the refusal")
    @Timespan(Timespan.NANOSECONDS)
    long reloadTime;

    @Label("Summary")
    @Description("The report line the agent printed")
    String summary;
}
