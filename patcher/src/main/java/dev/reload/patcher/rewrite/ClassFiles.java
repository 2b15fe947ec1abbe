package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Reads and writes class files as trees without ever letting ASM load a class. */
final class ClassFiles {
    private ClassFiles() {
    }

    /** {@return the class file as a tree, with code, frames and debug information kept} */
    static ClassNode read(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node;
    }

    /** {@return the class file's declarations only: no code, frames or debug information} */
    static ClassNode readDeclarations(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return node;
    }

    /**
     * {@return the tree as a class file}
     *
     * @param computeMaxs true to compute maximum stack and locals (safe: only frame computation loads classes)
     */
    static byte[] write(ClassNode node, boolean computeMaxs) {
        ClassWriter writer = new ClassWriter(computeMaxs ? ClassWriter.COMPUTE_MAXS : 0) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                throw new IllegalStateException("the patcher never computes frames, so never loads "
                        + type1 + " or " + type2);
            }
        };
        node.accept(writer);
        return writer.toByteArray();
    }

    /** {@return the key of a method within its class: its name and descriptor} */
    static MemberKey key(MethodNode method) {
        return new MemberKey(method.name, method.desc);
    }

    /** {@return the binary name ({@code a.b.C}) of an internal name} */
    static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }
}
