/**
 * Judging a new version of a class against the running one, in the words a developer edits.
 *
 * <p>{@link dev.reload.patcher.diff.ClassDiff#judge} compares two shapes and gives a
 * {@link dev.reload.patcher.diff.Verdict}: every {@link dev.reload.patcher.diff.Change} (a sealed family:
 * {@link dev.reload.patcher.diff.MethodChange}, {@link dev.reload.patcher.diff.LambdaChange},
 * {@link dev.reload.patcher.diff.FieldChange}, {@link dev.reload.patcher.diff.TypeChange}) and whether stock
 * HotSpot's {@code redefineClasses}, which takes method bodies only, accepts it. The everyday edit is judged fast
 * by {@code BodiesOnly}; lambdas are paired by code and captured types, not by their
 * numbered names ({@code LambdaMatcher}); numbered classes of a batch ({@code Outer$N})
 * are paired by code across files ({@link dev.reload.patcher.diff.BatchDiff}); what the agent added at load (the
 * accessor, spare nest members) is no change of the developer's
 * ({@code LoadTimeMembers}).
 * <pre>{@code
 * Verdict verdict = ClassDiff.judge(running, updated);
 * }</pre>
 *
 * <p>Uses {@link dev.reload.patcher.shape}, ASM's core, and the names of what the agent adds
 * ({@link dev.reload.patcher.rewrite.RuntimeNames}). No {@code java.lang.instrument}, files or threads.
 */
package dev.reload.patcher.diff;
