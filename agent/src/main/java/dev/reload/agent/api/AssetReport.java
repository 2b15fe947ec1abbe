package dev.reload.agent.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One burst of changed assets (files of the watched directories that are not class files) and the {@code OnReload}
 * hooks that were given them.
 *
 * @param assets the absolute paths of the changed assets, in the order first written, never null or empty
 * @param hooks the hooks that were called with them, as {@code demo.Palette.reloadAssets}, never null; a hook that
 *     threw or ran out of patience is in the list too, and reported on a line of its own
 * @param elapsed from the first write of the burst seen to the last hook's end, never null
 */
public record AssetReport(List<Path> assets, List<String> hooks, Duration elapsed) {
    public AssetReport {
        assets = List.copyOf(assets);
        hooks = List.copyOf(hooks);
    }

    /**
     * {@return the report line without the {@code [reload] } prefix, such as
     * {@code 2 assets in 104 ms: palette.txt, level1.txt → demo.Palette.reloadAssets}}
     */
    public String summary() {
        return assets.size() + (assets.size() == 1 ? " asset" : " assets") + " in " + elapsed.toMillis() + " ms: "
                + assets.stream().map(asset -> String.valueOf(asset.getFileName())).collect(Collectors.joining(", "))
                + " → " + String.join(", ", hooks);
    }
}
