/**
 * Rewriting class files so that a stock JVM accepts structural edits: the patcher's core value.
 *
 * <p>Two moments. When a watched class first loads, {@link dev.reload.patcher.rewrite.LoadTimeAugmenter} adds a
 * private static synthetic accessor returning {@code MethodHandles.lookup()} and spare {@code Outer$N} names to its
 * {@code NestMembers} ({@link dev.reload.patcher.rewrite.LoadTimePatch} does it by editing bytes, cheaply enough for
 * every class a program loads). When a reload adds or removes members,
 * {@link dev.reload.patcher.rewrite.StructuralRewriter#rewrite} turns the new version into a
 * {@link dev.reload.patcher.rewrite.StructuralRewrite}: the class to redefine, with exactly the running class's
 * declared members, and a companion ({@code CompanionBuilder}) holding each
 * {@link dev.reload.patcher.rewrite.MovedMethod} as a static method. Calls to moved methods and accesses of each
 * {@link dev.reload.patcher.rewrite.AddedField} become {@code invokedynamic} instructions naming the runtime's
 * bootstraps ({@code CallSiteRedirector}, {@link dev.reload.patcher.rewrite.RuntimeNames}).
 * Lambdas keep their names across versions by code ({@code LambdaRenamer}), renumbered
 * anonymous classes are renamed ({@link dev.reload.patcher.rewrite.ClassRenamer}), and what cannot be made to work
 * is an {@link dev.reload.patcher.rewrite.UnsupportedEditException} naming the class, the member and the reason.
 *
 * <p>Uses ASM (core, tree, analysis, commons) and {@link dev.reload.patcher.shape}. Never lets ASM load a class
 * (frames are kept or computed without {@code getCommonSuperClass} loading anything); never imports
 * {@code java.lang.instrument}, touches files or starts threads: the agent defines and redefines what this package
 * writes.
 */
package dev.reload.patcher.rewrite;
