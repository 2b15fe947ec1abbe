/**
 * What a program may call: the public API of the agent jar, for programs compiled against it with scope
 * {@code provided}.
 *
 * <p>{@link dev.reload.agent.api.Reloads#addListener} registers a {@link dev.reload.agent.api.ReloadListener},
 * told on the reload thread about every batch with a {@link dev.reload.agent.api.ReloadReport}: the outcome, the
 * {@link dev.reload.agent.api.ReloadedClass}es and their changed methods, the reasons a batch was not applied,
 * and the time from the first write to the new code in place; and about every burst of changed assets that went to
 * {@code OnReload} hooks taking a {@code List<Path>}, with an {@link dev.reload.agent.api.AssetReport}.
 * <pre>{@code
 * Reloads.addListener(report -> hud.show(report.summary()));
 * }</pre>
 *
 * <p>Uses the JDK only ({@code java.util}, {@code java.time}, {@code java.nio.file}) and no other package of the agent, so the API a
 * program sees is this package and nothing more. Other packages (JFR, JMX, the reloader) depend on it.
 */
package dev.reload.agent.api;
