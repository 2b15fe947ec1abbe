/**
 * The runtime that rewritten classes link to, on the boot class path so that classes of every class loader see
 * one copy.
 *
 * <p>{@link dev.reload.runtime.Linkage} holds the bootstrap methods of the {@code invokedynamic} instructions the
 * patcher writes: a call to a moved method links to the {@link java.lang.invoke.MutableCallSite} that
 * {@link dev.reload.runtime.ClassLinks} keeps for it, whose target is the method's newest version in a hidden
 * companion; a read or write of an added field links to {@link dev.reload.runtime.AddedFields}: a
 * {@code StaticCell} per static field, a {@code SideTable} by object identity
 * per instance field, each holding its value unboxed in a {@code FieldValue}. The lambda bootstraps of every class the
 * agent redefines are {@link dev.reload.runtime.LambdaFactories}', which give a lambda linked again after a reload
 * the call site it had, instead of a new lambda class at each save.
 *
 * <p>Uses {@code java.lang.invoke}, {@code java.lang.ref}, {@code java.lang.reflect} and {@code java.util} only,
 * and {@code sun.reflect.ReflectionFactory} (module {@code jdk.unsupported}) to make objects for added
 * constructors that call {@code super(...)} ({@code NewObjects}), and must stay so: the boot class loader sees
 * neither the agent, nor the patcher, nor ASM. The patcher writes these classes' names into
 * class files ({@link dev.reload.patcher.rewrite.RuntimeNames}) but never loads them; the structural package of the
 * agent is the only code that calls them directly.
 */
package dev.reload.runtime;
