package dev.reload.agent.hook;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code OnReload} hooks of a class file: static methods without parameters that carry an
 * annotation whose simple name is {@code OnReload}, from any package, so a program needs no compile
 * dependency on the agent. Read from the class file, not by reflection, so annotations with the default
 * {@code CLASS} retention count too.
 */
public final class HookMethods {
    /** The simple name of the annotation that marks a hook. */
    public static final String ANNOTATION_SIMPLE_NAME = "OnReload";

    private HookMethods() {
    }

    /**
     * {@return the names of the hook methods, in class-file order}
     *
     * @param classFile a class file that parses, never null
     */
    public static List<String> in(byte[] classFile) {
        List<String> hooks = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if ((access & Opcodes.ACC_STATIC) == 0 || !descriptor.startsWith("()") || name.startsWith("<")) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
                        if (isOnReload(annotationDescriptor) && !hooks.contains(name)) {
                            hooks.add(name);
                        }
                        return null;
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return hooks;
    }

    static boolean isOnReload(String annotationDescriptor) {
        // Lcom/example/OnReload; or a nested Lcom/example/Game$OnReload;
        String name = annotationDescriptor.substring(1, annotationDescriptor.length() - 1);
        String simple = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('$')) + 1);
        return simple.equals(ANNOTATION_SIMPLE_NAME);
    }
}
