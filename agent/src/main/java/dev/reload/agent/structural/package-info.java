/**
 * Structural edits on a stock JVM: the agent's side of the patcher's rewrite, where classes are defined and
 * call sites linked.
 *
 * <p>When a watched class first loads, {@link dev.reload.agent.structural.LoadTimePreparation} adds the accessor
 * {@code $reload$lookup()} and spare nest members (the patcher's
 * {@link dev.reload.patcher.rewrite.LoadTimeAugmenter}) and links the class's calls to methods earlier reloads
 * moved. For a batch that adds or removes members, {@link dev.reload.agent.structural.StructuralEngine} prepares
 * every class of it together ({@link dev.reload.agent.structural.ClassEdit} in,
 * {@link dev.reload.agent.structural.PreparedRewrite} out): {@link dev.reload.agent.structural.StructuralReloader}
 * has the patcher rewrite the class, gets the class's {@code FullLookup}, defines the
 * companion as a hidden nestmate and stages the new links in the runtime; the reloader redefines, then commits
 * each prepared rewrite. What applied reloads moved and added is remembered apart, in {@code AppliedMoves}, from
 * just before each batch is redefined: the engine plans the next batch from it, and it links each class that loads
 * later. {@link dev.reload.agent.structural.RuntimeJar} puts {@link dev.reload.runtime} on the
 * boot class path before the first such edit. An added method that overrides a superclass's declaration
 * ({@code AddedOverrides}) is reached through that declaration, made to dispatch on the receiver's class
 * ({@code DispatchingClasses}, the runtime's {@link dev.reload.runtime.OverrideDispatch}); one that overrides a
 * method a reload added ({@code MovedOverrides}) is reached through that method's dispatch; {@code AddedOverrides}
 * and {@code MovedOverrides} refuse the overrides no dispatch can reach.
 *
 * <p>Uses {@link dev.reload.patcher.rewrite}, {@link dev.reload.patcher.shape}, {@link dev.reload.runtime},
 * {@code java.lang.invoke}, {@code java.lang.instrument}, {@link dev.reload.agent.index} and
 * {@link dev.reload.agent.report}. A failure to define or link is a
 * {@link dev.reload.agent.structural.StructuralLinkException}: the class keeps running its old code.
 */
package dev.reload.agent.structural;
