package dev.reload.agent.it;

import dev.reload.fixtures.harness.Jdks;

import java.nio.file.Path;
import java.util.List;

/** The figures of a {@link StructuralSoakIT} run, as a Markdown table for the console and the docs. */
final class SoakTable {
    private SoakTable() {
    }

    /**
     * {@return the table of both runs' samples, one row per sample (the lists are sampled at the same edits), and a
     * line of what grew per edit and which classes were left}
     */
    static String of(Path jdk, int edits, List<StructuralSoakIT.Sample> agent, List<StructuralSoakIT.Sample> bare,
            int companions, int agentLambdaClasses, int bareLambdaClasses) {
        StringBuilder table = new StringBuilder("soak on ").append(Jdks.label(jdk)).append(" (").append(jdk)
                .append("): ").append(edits).append(" structural edits of one class through the agent, and the same")
                .append(" versions by bare redefineClasses; metaspace in KiB after a GC\n\n")
                .append("| edits | used: agent | used: bare | app loader (freed): agent | app loader (freed): bare")
                .append(" | boot loader: agent | boot loader: bare | Counter's pool: agent | Counter's pool: bare |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int i = 0; i < agent.size(); i++) {
            MetaspaceUse a = agent.get(i).use();
            MetaspaceUse b = bare.get(i).use();
            table.append("| ").append(agent.get(i).edits()).append(" | ").append(a.usedKiB()).append(" | ")
                    .append(b.usedKiB()).append(" | ").append(a.appUsedKiB()).append(" (").append(a.appFreedKiB())
                    .append(") | ").append(b.appUsedKiB()).append(" (").append(b.appFreedKiB()).append(") | ")
                    .append(a.bootUsedKiB()).append(" | ").append(b.bootUsedKiB()).append(" | ")
                    .append(agent.get(i).runningPool()).append(" | ").append(bare.get(i).runningPool()).append(" |\n");
        }
        return table.append(String.format("%ngrowth per edit from edit %d on: agent %.1f KiB, bare %.1f KiB;"
                        + " at the end: %d companion(s), Counter's lambda classes: agent %d, bare %d",
                agent.get(agent.size() / 2).edits(), StructuralSoakIT.growthPerEdit(agent), StructuralSoakIT.growthPerEdit(bare),
                companions, agentLambdaClasses, bareLambdaClasses)).toString();
    }
}
