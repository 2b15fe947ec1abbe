/**
 * The index of loaded classes: every class loaded from a watched directory, in every class loader, with the
 * class file the JVM runs.
 *
 * <p>The {@code FirstLookTransformer} sees each class as it loads, remembers the bytes as they came from disk and
 * makes the agent's {@link dev.reload.agent.index.LoadTimeChange} (the structural package's load-time preparation).
 * When another agent may change classes ({@link dev.reload.agent.index.OtherAgents}), the
 * {@link dev.reload.agent.index.CaptureTransformer} is registered too and runs after other agents' non-retransformable
 * changes; otherwise it is registered only around the agent's own redefinitions, and the first look's bytes are final.
 * Either way the final bytes are kept in a {@link dev.reload.agent.index.CapturedClass}, which the
 * {@link dev.reload.agent.index.CaptureCompactor} later, once loading pauses, turns into a compact shape and a
 * hash. {@link dev.reload.agent.index.ClassOrigins} decides which directory a class came from;
 * {@link dev.reload.agent.index.LoadedClassIndex} answers the reloader's question "which loaded classes come from
 * these files"; {@link dev.reload.agent.index.AlreadyLoaded} covers classes loaded before an attach.
 *
 * <p>Uses {@code java.lang.instrument}, {@link dev.reload.patcher.shape}, {@link dev.reload.agent.watch} (class
 * file paths, content hashes) and {@link dev.reload.agent.report}. Code here runs inside transformers on the
 * program's loading threads: it never throws, never loads a class of the program, and only keeps the bytes there
 * (hashing and reading shapes wait until loading pauses).
 */
package dev.reload.agent.index;
