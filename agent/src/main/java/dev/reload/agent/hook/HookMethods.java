package dev.reload.agent.hook;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code OnReload} hooks of a class file: static methods that carry an annotation whose simple name is
 * {@code OnReload}, from any package, so a program needs no compile dependency on the agent. Those without parameters
 * run after a reload of their class; those with one {@code java.util.List} parameter (of {@code Path}) get the
 * changed assets. Read from the class file, not by reflection, so annotations with the default
 * {@code CLASS} retention count too.
 */
public final class HookMethods {
    /** The simple name of the annotation that marks a hook. */
    public static final String ANNOTATION_SIMPLE_NAME = "OnReload";
    /** The parameters of an asset hook, as a method descriptor begins. */
    public static final String ASSET_PARAMETERS = "(Ljava/util/List;)";

    private HookMethods() {
    }

    /**
     * {@return the names of the hook methods, in class-file order}
     *
     * @param classFile a class file that parses, never null
     */
    public static List<String> in(byte[] classFile) {
        return annotated(classFile, "()");
    }

    /**
     * {@return the names of the asset hooks, which take a {@code List<Path>}, in class-file order}
     *
     * @param classFile a class file that parses, never null
     */
    public static List<String> assetHooksIn(byte[] classFile) {
        return annotated(classFile, ASSET_PARAMETERS);
    }

    /** {@return true when the class file may declare a hook of either kind: a byte search, no parsing} */
    public static boolean mayDeclareHooks(byte[] classFile) {
        return HookMarks.mayDeclareHooks(classFile);
    }

    private static List<String> annotated(byte[] classFile, String parameters) {
        if (!mayDeclareHooks(classFile)) {
            return List.of(); // what almost every class answers: a byte search instead of reading its members
        }
        List<String> hooks = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if ((access & Opcodes.ACC_STATIC) == 0 || !descriptor.startsWith(parameters) || name.startsWith("<")) {
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
