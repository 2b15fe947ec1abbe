/**
 * Reading class files into compact, immutable summaries: what a redefinition compares.
 *
 * <p>{@link dev.reload.patcher.shape.ClassShape#read} reads a class file once with ASM into a
 * {@link dev.reload.patcher.shape.ClassShape}: supertypes, flags, nest, record components, permitted subclasses,
 * {@link dev.reload.patcher.shape.FieldShape}s and {@link dev.reload.patcher.shape.MethodShape}s with hashes of
 * each method's code ({@code CodeHasher}: jump targets as instruction indexes, debug
 * information in a hash of its own, so recompiling unchanged code changes nothing). A shape is kept for every
 * class a program loads, so it is packed into two arrays ({@code ShapeLayout}) of ids
 * into one shared {@code Symbols} table.
 * <pre>{@code
 * ClassShape running = ClassShape.read(bytesTheJvmRuns);
 * ClassShape updated = ClassShape.read(bytesOnDisk);     // throws UnreadableClassException for bad input
 * }</pre>
 * Bad input is caught before ASM sees it ({@code ClassFileCheck}) and thrown as an
 * {@link dev.reload.patcher.shape.UnreadableClassException} with a one-line reason.
 * {@link dev.reload.patcher.shape.SyntheticNames} knows how javac (17 to 25) and ECJ name what they generate.
 *
 * <p>Uses ASM's core ({@code org.objectweb.asm}) and the JDK. Like all of the patcher it never imports
 * {@code java.lang.instrument}, touches no file and starts no thread; it depends on no other package.
 */
package dev.reload.patcher.shape;
