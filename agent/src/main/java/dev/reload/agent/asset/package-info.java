/**
 * Assets: files of the watched directories (and of the {@code assets=} directories) that are not class files, given
 * to the {@code OnReload} hooks that take a {@code java.util.List<java.nio.file.Path>}.
 *
 * <p>The watchers and the {@link dev.reload.agent.watch.ChangeCollector} gather assets with their own quiet period
 * and hand them out in the batch of the class files written with them. {@link dev.reload.agent.asset.AssetHookIndex}
 * knows which loaded classes declare asset hooks (a byte search of each class file as the capture compacts it, and
 * of each new version a reload applies); {@link dev.reload.agent.asset.AssetReloader} calls them once per burst, at
 * the synchronization point when there is one, and reports the burst.
 *
 * <p>Uses {@link dev.reload.agent.hook}, {@link dev.reload.agent.index}, {@link dev.reload.agent.sync},
 * {@link dev.reload.agent.api} and {@link dev.reload.agent.report}.
 */
package dev.reload.agent.asset;
