/**
 * The command line of {@code java -jar reload-agent.jar}: {@code --help}, {@code list}, {@code attach} and
 * {@code diff}.
 *
 * <p>{@link dev.reload.agent.cli.Main} dispatches to a subcommand and returns its exit code.
 * {@code DiffCommand} asks the patcher, as the agent would, whether a running JVM takes a
 * new version of a class: it judges the two class files ({@link dev.reload.patcher.diff.ClassDiff}) and puts an
 * edit the JVM refuses as it is through the same rewrite the agent makes, against the old class as the agent runs it
 * where it would load: as compiled on the application class loader, with the load-time edit elsewhere.
 *
 * <p>Uses the patcher, {@link dev.reload.agent.attach} and {@link dev.reload.agent.config}; never
 * {@code java.lang.instrument}: it runs in a JVM of its own.
 */
package dev.reload.agent.cli;
