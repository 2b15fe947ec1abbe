/**
 * Applying one batch of changed class files: the centre of the agent.
 *
 * <p>{@link dev.reload.agent.reload.Reloader#apply} takes a batch through these steps, all on the reload thread:
 * <ol>
 * <li>{@code IncomingFiles}: every file parses, names the class its path promises and
 *     suits this JVM, or the batch waits for the writes to settle ({@code ParsedFile});
 * <li>the {@link dev.reload.agent.index.LoadedClassIndex} says which loaded classes, in which class loaders, come
 *     from those files; numbered classes ({@code Outer$N}) are followed by their code
 *     ({@code RenumberedClasses}, {@code NumberedNest});
 * <li>the patcher judges each class against what runs ({@code Candidate}s with their
 *     verdicts), and {@code Refusals} collects what cannot be applied;
 * <li>{@code Definitions} turns the candidates into class definitions, through the
 *     structural engine for classes that add or remove members;
 * <li>one {@code redefineClasses} call for the whole batch, or none;
 * <li>a report ({@code EditWords} names the edits), listeners and {@code OnReload} hooks.
 * </ol>
 * {@code docs/ARCHITECTURE.md} walks one edit through these steps file by file.
 *
 * <p>Uses the patcher, {@code java.lang.instrument}, {@link dev.reload.agent.index},
 * {@link dev.reload.agent.watch}, {@link dev.reload.agent.structural}, {@link dev.reload.agent.hook},
 * {@link dev.reload.agent.parallel}, {@link dev.reload.agent.report} and {@link dev.reload.agent.api}. Never
 * throws for bad input: a batch that cannot be applied is a report saying why, and nothing of it is applied.
 */
package dev.reload.agent.reload;
