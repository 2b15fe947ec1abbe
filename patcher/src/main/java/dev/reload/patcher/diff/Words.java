package dev.reload.patcher.diff;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Turns descriptors and flags into the words a Java developer reads: {@code int health}, {@code update(float)}. */
final class Words {
    private Words() {
    }

    /** {@return a type as source code writes it, without package: {@code int}, {@code String[]}} */
    static String type(String descriptor) {
        Type type = Type.getType(descriptor);
        String name = type.getSort() == Type.ARRAY ? type.getElementType().getClassName()
                : type.getClassName();
        name = name.substring(name.lastIndexOf('.') + 1);
        return type.getSort() == Type.ARRAY ? name + "[]".repeat(type.getDimensions()) : name;
    }

    /** {@return a class's binary name from its internal name} */
    static String binary(String internalName) {
        return internalName == null ? "(none)" : internalName.replace('/', '.');
    }

    /** {@return the binary names of internal names, joined by commas} */
    static String binaries(List<String> internalNames) {
        List<String> names = new ArrayList<>();
        internalNames.forEach(n -> names.add(binary(n)));
        return String.join(", ", names);
    }

    /**
     * {@return a method as a developer names it: {@code update(float)}, {@code constructor Player(int)},
     * {@code static initializer}}
     */
    static String method(String owner, String name, String descriptor) {
        if (name.equals("<clinit>")) {
            return "static initializer";
        }
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (Type parameter : Type.getArgumentTypes(descriptor)) {
            parameters.add(type(parameter.getDescriptor()));
        }
        if (name.equals("<init>")) {
            String simple = owner.substring(owner.lastIndexOf('/') + 1);
            return "constructor " + simple.substring(simple.lastIndexOf('$') + 1) + parameters;
        }
        return name + parameters;
    }

    /** {@return a method with its static flag and return type: {@code static int helper(int)}} */
    static String methodWithType(String owner, String name, String descriptor, int access) {
        String plain = method(owner, name, descriptor);
        if (name.startsWith("<")) {
            return plain;
        }
        return staticWord(access) + type(Type.getReturnType(descriptor).getDescriptor()) + " " + plain;
    }

    /** {@return a field as a declaration reads: {@code int health}, {@code static float speed}} */
    static String field(String name, String descriptor, int access) {
        return staticWord(access) + type(descriptor) + " " + name;
    }

    /** What a set of access flags belongs to: the same bits mean different things (JVMS 4.1, 4.5, 4.6). */
    enum Holder { CLASS, FIELD, METHOD }

    /** {@return the modifiers in a set of access flags, such as {@code private static final}} */
    static String modifiers(int access, Holder holder) {
        List<String> words = new ArrayList<>();
        flag(words, access, Opcodes.ACC_PUBLIC, "public");
        flag(words, access, Opcodes.ACC_PROTECTED, "protected");
        flag(words, access, Opcodes.ACC_PRIVATE, "private");
        flag(words, access, Opcodes.ACC_ABSTRACT, "abstract");
        flag(words, access, Opcodes.ACC_STATIC, "static");
        flag(words, access, Opcodes.ACC_FINAL, "final");
        switch (holder) {
            case CLASS -> {
                flag(words, access, Opcodes.ACC_INTERFACE, "interface");
                flag(words, access, Opcodes.ACC_ANNOTATION, "annotation");
                flag(words, access, Opcodes.ACC_MODULE, "module");
            }
            case FIELD -> {
                flag(words, access, Opcodes.ACC_VOLATILE, "volatile");
                flag(words, access, Opcodes.ACC_TRANSIENT, "transient");
            }
            case METHOD -> {
                flag(words, access, Opcodes.ACC_SYNCHRONIZED, "synchronized");
                flag(words, access, Opcodes.ACC_NATIVE, "native");
                flag(words, access, Opcodes.ACC_STRICT, "strictfp");
                flag(words, access, Opcodes.ACC_BRIDGE, "bridge");
                flag(words, access, Opcodes.ACC_VARARGS, "varargs");
            }
        }
        flag(words, access, Opcodes.ACC_ENUM, "enum");
        flag(words, access, Opcodes.ACC_SYNTHETIC, "synthetic");
        return words.isEmpty() ? "package-private" : String.join(" ", words);
    }

    private static String staticWord(int access) {
        return (access & Opcodes.ACC_STATIC) != 0 ? "static " : "";
    }

    private static void flag(List<String> words, int access, int flag, String word) {
        if ((access & flag) != 0) {
            words.add(word);
        }
    }
}
