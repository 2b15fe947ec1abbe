package dev.reload.patcher.rewrite;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Compares class files structurally: a readable outline, one line per fact, for failure messages, and a
 * canonical form (the class rewritten by ASM into a fresh constant pool) that is equal for two class files
 * exactly when they declare and contain the same things, whatever the order of their constant pools.
 */
final class ClassFileText {
    private ClassFileText() {
    }

    /** {@return the class file with its constant pool rebuilt in visiting order} */
    static byte[] canonical(byte[] classFile) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(writer, 0);
        return writer.toByteArray();
    }

    /** {@return the outline of a class file: header, nest, inner classes, fields and methods, in file order} */
    static String outline(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        StringBuilder text = new StringBuilder();
        text.append("class ").append(node.name).append(" version=").append(node.version & 0xFFFF)
                .append(" access=0x").append(Integer.toHexString(node.access))
                .append(" super=").append(node.superName).append(" interfaces=").append(node.interfaces).append('\n');
        text.append("  nestHost ").append(node.nestHostClass).append('\n');
        text.append("  nestMembers ").append(node.nestMembers).append('\n');
        text.append("  permittedSubclasses ").append(node.permittedSubclasses).append('\n');
        text.append("  record ").append(node.recordComponents == null ? null : node.recordComponents.size()).append('\n');
        for (InnerClassNode inner : node.innerClasses) {
            text.append("  inner ").append(inner.name).append(' ').append(inner.outerName).append(' ')
                    .append(inner.innerName).append('\n');
        }
        for (FieldNode field : node.fields) {
            text.append("  field ").append(field.name).append(' ').append(field.desc).append(" access=0x")
                    .append(Integer.toHexString(field.access)).append(" value=").append(field.value).append('\n');
        }
        for (MethodNode method : node.methods) {
            text.append("  method ").append(method.name).append(method.desc).append(" access=0x")
                    .append(Integer.toHexString(method.access)).append(" instructions=")
                    .append(method.instructions.size()).append(" maxs=").append(method.maxStack).append('/')
                    .append(method.maxLocals).append('\n');
        }
        return text.toString();
    }
}
