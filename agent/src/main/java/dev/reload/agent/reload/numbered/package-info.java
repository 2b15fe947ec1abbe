/**
 * Numbered classes followed by their code across a reload. Compilers name anonymous classes and enum switch maps
 * {@code Outer$1}, {@code Outer$2}, ... in source order, so inserting one before another renumbers the files: the
 * file {@code Outer$1.class} then holds the new class, and the running {@code Outer$1}'s code is in
 * {@code Outer$2.class}. This package decides, per outer class and class loader, which file <em>continues</em> each
 * running numbered class (the one holding its code, unchanged or edited), renames the batch's bytes so that each file
 * names the class that continues it, and gives each <em>new numbered class</em> whose name a running class holds a
 * spare nest member name listed when the outer class loaded.
 *
 * <p>Its one entry point is {@link dev.reload.agent.reload.numbered.NumberedClasses}, called by the reload path's
 * judging stage ({@code BatchJudge}) with the batch's judged classes; it gives back a {@code Judgement} that also
 * carries the {@link dev.reload.agent.reload.numbered.NewNumberedClass new classes} to define before the
 * redefinition and the {@link dev.reload.agent.reload.numbered.Continuation continuations} to record once the
 * batch took. Which names are numbered is told by the patcher's {@code SyntheticNames}, their one home.
 *
 * <p>May use: the index of loaded classes ({@code agent.index}), the reload path's records ({@code JudgedClass},
 * {@code ParsedFile}, {@code Judgement}), and the patcher ({@code BatchDiff} to compare code, {@code ClassRenamer}).
 * No file is written and no thread started here.
 */
package dev.reload.agent.reload.numbered;
