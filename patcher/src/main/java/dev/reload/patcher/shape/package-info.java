/**
 * Reading class files into compact, immutable summaries: what a redefinition compares.
 *
 * <p>{@link dev.reload.patcher.shape.ClassShape#read} reads a class file once, from its bytes ({@code ShapeReader}),
 * into a {@link dev.reload.patcher.shape.ClassShape}: supertypes, flags, nest, record components, permitted
 * subclasses, {@link dev.reload.patcher.shape.FieldShape}s and {@link dev.reload.patcher.shape.MethodShape}s with
 * hashes of each method's code ({@code CodeHash}: jump targets as instruction indexes, debug information in a hash
 * of its own, so recompiling unchanged code changes nothing). It reads what ASM's visitors would read, without them:
 * a burst of a thousand files leaves a few arrays a file, not a string and a label an instruction. A shape is kept for every
 * class a program loads, so it is packed into two arrays ({@code ShapeLayout}) of ids
 * into one shared {@code Symbols} table.
 * <pre>{@code
 * ClassShape running = ClassShape.read(bytesTheJvmRuns);
 * ClassShape updated = ClassShape.read(bytesOnDisk);     // throws UnreadableClassException for bad input
 * }</pre>
 * Bad input is caught before the shape is read ({@code ClassFileCheck}) and thrown as an
 * {@link dev.reload.patcher.shape.UnreadableClassException} with a one-line reason.
 * {@link dev.reload.patcher.shape.SyntheticNames} knows how javac (17 to 25) and ECJ name what they generate.
 *
 * <p>Uses the JDK only. Like all of the patcher it never imports
 * {@code java.lang.instrument}, touches no file and starts no thread; it depends on no other package.
 */
package dev.reload.patcher.shape;
