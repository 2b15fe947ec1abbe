package dev.reload.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One burst of changed assets the agent gave to {@code OnReload} hooks, as a JFR event in the category "Reload", next
 * to the batches of changed classes.
 */
@Name(AssetBatchEvent.NAME)
@Label("Reload Assets")
@Category("Reload")
@Description("A burst of changed asset files, given in one call to each hook that takes a List<Path>")
@StackTrace(false)
final class AssetBatchEvent extends jdk.jfr.Event {
    static final String NAME = "dev.reload.Assets";

    @Label("Assets")
    @Description("How many changed files the hooks were given")
    int assetCount;

    @Label("Hooks")
    @Description("How many hooks were called")
    int hookCount;

    @Label("Reload Time")
    @Description("From the first write seen to the last hook's end")
    @Timespan(Timespan.NANOSECONDS)
    long reloadTime;

    @Label("Summary")
    @Description("The report line the agent printed")
    String summary;
}
