package dev.reload.patcher.rewrite;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Prepares a watched class, as it first loads, for structural edits later: the only moment the JVM lets
 * anything be added to it. Adds
 * <ul>
 * <li>a private static synthetic method {@value RuntimeNames#ACCESSOR_NAME} returning
 * {@code MethodHandles.lookup()}, which gives the agent a full-privilege lookup of the class in any class
 * loader (needed to define a hidden nestmate companion; {@code privateLookupIn} does not give one across
 * loaders);</li>
 * <li>spare {@code NestMembers} entries {@code Outer$1 ... Outer$N} beyond those the class lists, so that a
 * later version may add anonymous classes or a switch map while keeping the exact list redefinition requires.
 * An entry without a class is never checked, so a spare costs nothing.</li>
 * </ul>
 * Neither changes behaviour: nothing calls the accessor but the agent. ASM never loads a class here.
 */
public final class LoadTimeAugmenter {
    /** Spare {@code NestMembers} entries added when the caller has no better number. */
    public static final int DEFAULT_SPARE_NEST_MEMBERS = 8;

    /** Oldest class file major version augmented (Java 8: private interface methods, frames, invokedynamic). */
    static final int OLDEST_MAJOR_VERSION = Opcodes.V1_8;

    private LoadTimeAugmenter() {
    }

    /**
     * {@return the class file with the accessor and spare nest members added, or the very same array when the
     * class needs nothing or cannot take them (a module descriptor, a class file older than Java 8, or one
     * augmented before)}
     *
     * @param classFile a class file, never null; not modified
     * @param spareNestMembers how many {@code Outer$N} names to add beyond the highest the class lists, 0 or more;
     *                         ignored for a class that is itself a nest member (its host lists the nest)
     * @throws IllegalArgumentException when the bytes are not a class file (a {@link ClassFileFormatException}
     *     when the constant pool or a table cannot be walked)
     */
    public static byte[] augment(byte[] classFile, int spareNestMembers) {
        // Every watched class goes through here as it loads, on the program's loading thread, mostly before the
        // JIT has compiled anything: editing the bytes costs a fraction of an ASM read and write.
        return LoadTimePatch.augment(classFile, spareNestMembers);
    }

    /**
     * {@return what {@link #augment} returns, made by an ASM read and write}: the reference the byte-level edit is
     * held to by the tests
     */
    static byte[] augmentThroughAsm(byte[] classFile, int spareNestMembers) {
        checkSpare(spareNestMembers);
        ClassReader reader = new ClassReader(classFile);
        if (!needsAugmenting(reader)) {
            return classFile;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new Augmenting(writer, spareNestMembers, null, true), 0);
        return writer.toByteArray();
    }

    /**
     * {@return a new version of an augmented class as redefinition must see it when its declared members are
     * unchanged: with the accessor added and exactly the running class's nest members, spares included}
     * The caller checks that every nest member the new version lists is among them.
     *
     * @param updated the new class file as compiled, never null; not modified
     * @param runningNestMembers the {@code NestMembers} of the class as it runs, in order, never null
     * @throws IllegalArgumentException when the bytes are not a class file ASM can read
     */
    public static byte[] conform(byte[] updated, List<String> runningNestMembers) {
        return conform(updated, runningNestMembers, true);
    }

    /**
     * {@return a new version of a class as redefinition must see it when its declared members are unchanged: with
     * exactly the running class's nest members, and the accessor when the running class has it} A class that loaded
     * without the accessor (one the agent reaches by {@code privateLookupIn}) gets none: the new version as compiled
     * when it lists exactly the running nest members, the common case.
     *
     * @param updated the new class file as compiled, never null; not modified
     * @param runningNestMembers the {@code NestMembers} of the class as it runs, in order, never null
     * @param accessor true when the running class has the accessor
     * @throws IllegalArgumentException when the bytes are not a class file ASM can read
     */
    public static byte[] conform(byte[] updated, List<String> runningNestMembers, boolean accessor) {
        Objects.requireNonNull(runningNestMembers, "runningNestMembers");
        if (!accessor) {
            return ClassFileOutline.of(updated).nestMembers().equals(runningNestMembers) ? updated
                    : conformThroughAsm(updated, runningNestMembers, false);
        }
        byte[] patched = conformByBytes(updated, runningNestMembers);
        return patched != null ? patched : conformThroughAsm(updated, runningNestMembers);
    }

    /**
     * {@return the new version edited as the class was when it loaded, when that gives exactly the running nest
     * members (the new version lists the nest members the class loaded with: the common case); else null}
     */
    private static byte[] conformByBytes(byte[] updated, List<String> runningNestMembers) {
        byte[] patched;
        try {
            patched = LoadTimePatch.augment(updated, DEFAULT_SPARE_NEST_MEMBERS);
        } catch (ClassFileFormatException e) {
            return null;
        }
        if (patched == updated) {
            return null;
        }
        return ClassFileOutline.of(patched).nestMembers().equals(runningNestMembers) ? patched : null;
    }

    /** {@return what {@link #conform} gives, through an ASM read and write of the whole class} */
    static byte[] conformThroughAsm(byte[] updated, List<String> runningNestMembers) {
        return conformThroughAsm(updated, runningNestMembers, true);
    }

    private static byte[] conformThroughAsm(byte[] updated, List<String> runningNestMembers, boolean accessor) {
        ClassReader reader = new ClassReader(updated);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new Augmenting(writer, 0, List.copyOf(runningNestMembers), accessor && !hasAccessor(reader)),
                0);
        return writer.toByteArray();
    }

    private static void checkSpare(int spareNestMembers) {
        if (spareNestMembers < 0) {
            throw new IllegalArgumentException("spareNestMembers must be 0 or more, not " + spareNestMembers);
        }
    }

    /**
     * {@return the spare nest member names {@link #augment} would add to a nest host listing {@code listed}, in order}
     * A class that loaded without them lists none, and its new numbered classes load under these names all the same.
     *
     * @param hostInternalName the nest host's internal name, never null
     * @param listed the nest members the host lists as compiled, never null
     */
    public static List<String> spareNestMembers(String hostInternalName, List<String> listed) {
        return SpareNestMembers.names(hostInternalName, listed, DEFAULT_SPARE_NEST_MEMBERS);
    }

    /**
     * {@return true when a class file of this version can take what structural edits add (invokedynamic call sites,
     * nestmates): Java 8 or later, the versions {@link #augment} edits}
     */
    public static boolean isPreparable(int majorVersion) {
        return majorVersion >= OLDEST_MAJOR_VERSION;
    }

    /** {@return true when the class file carries the accessor this class adds} */
    public static boolean isAugmented(byte[] classFile) {
        return hasAccessor(new ClassReader(classFile));
    }

    private static boolean needsAugmenting(ClassReader reader) {
        int major = reader.readShort(6) & 0xFFFF;
        if (major < OLDEST_MAJOR_VERSION || (reader.getAccess() & Opcodes.ACC_MODULE) != 0) {
            return false;
        }
        return !hasAccessor(reader);
    }

    private static boolean hasAccessor(ClassReader reader) {
        if (!ClassReferences.poolHoldsAscii(reader, RuntimeNames.ACCESSOR_NAME)) {
            return false; // what almost every class loading answers, without reading its members
        }
        boolean[] found = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (name.equals(RuntimeNames.ACCESSOR_NAME) && descriptor.equals(RuntimeNames.ACCESSOR_DESCRIPTOR)) {
                    found[0] = true;
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /**
     * Copies the class, collecting its nest members, and writes the spare ones (or, when conforming, the running
     * class's list in place of the class's own) at the first visit that must come after them in ASM's visiting
     * order.
     */
    private static final class Augmenting extends ClassVisitor {
        private final int spare;
        private final List<String> replacementNestMembers;
        private final boolean addAccessor;
        private final Set<String> nestMembers = new LinkedHashSet<>();
        private String internalName;
        private boolean nestMember;
        private boolean nestWritten;

        Augmenting(ClassVisitor next, int spare, List<String> replacementNestMembers, boolean addAccessor) {
            super(Opcodes.ASM9, next);
            this.spare = spare;
            this.replacementNestMembers = replacementNestMembers;
            this.addAccessor = addAccessor;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            internalName = name;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public void visitNestHost(String nestHost) {
            nestMember = true;
            super.visitNestHost(nestHost);
        }

        @Override
        public void visitNestMember(String member) {
            nestMembers.add(member);
            if (replacementNestMembers == null) {
                super.visitNestMember(member);
            }
        }

        @Override
        public void visitPermittedSubclass(String permittedSubclass) {
            writeSpareNestMembers();
            super.visitPermittedSubclass(permittedSubclass);
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            writeSpareNestMembers();
            super.visitInnerClass(name, outerName, innerName, access);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            writeSpareNestMembers();
            return super.visitRecordComponent(name, descriptor, signature);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            writeSpareNestMembers();
            return super.visitField(access, name, descriptor, signature, value);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            writeSpareNestMembers();
            return super.visitMethod(access, name, descriptor, signature, exceptions);
        }

        @Override
        public void visitEnd() {
            writeSpareNestMembers();
            if (addAccessor) {
                writeAccessor();
            }
            super.visitEnd();
        }

        private void writeSpareNestMembers() {
            if (nestWritten) {
                return;
            }
            nestWritten = true;
            if (nestMember) {
                return;
            }
            List<String> names = replacementNestMembers != null ? replacementNestMembers
                    : SpareNestMembers.names(internalName, nestMembers, spare);
            for (String name : names) {
                super.visitNestMember(name);
            }
        }

        private void writeAccessor() {
            MethodVisitor method = super.visitMethod(
                    Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                    RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR, null, null);
            method.visitCode();
            method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                    RuntimeNames.ACCESSOR_DESCRIPTOR, false);
            method.visitInsn(Opcodes.ARETURN);
            method.visitMaxs(1, 0);
            method.visitEnd();
        }
    }
}
