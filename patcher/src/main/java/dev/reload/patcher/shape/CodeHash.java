package dev.reload.patcher.shape;

import java.util.Arrays;

/**
 * Hashes the code of each method of one class file, read from its bytes. Jump targets count as instruction indexes, not
 * byte offsets, so neither {@code ldc}/{@code ldc_w} re-encoding nor the constant pool's order changes the code hash;
 * instructions count as ASM reads them ({@code aload_0} as {@code aload 0}, {@code goto_w} as {@code goto}). Debug
 * information (line numbers, local variables) goes into a second hash. A name of the class itself hashes as a
 * placeholder: an anonymous class renumbered from {@code Outer$1} to {@code Outer$2} hashes the same, so a batch can see
 * it is the same code. Each name and descriptor is hashed once per class, however many instructions use it.
 */
final class CodeHash {
    private static final String SELF = ";self";
    private static final String SELF_DESCRIPTOR = "L;self;";
    private static final long SELF_HASH = Hash64.of(SELF);
    private static final long NULL_HASH = Hash64.of(null);
    /** Deeper than any compiler nests dynamic constants: one that holds itself would recurse for ever. */
    private static final int MOST_NESTED_CONSTANTS = 64;
    /** The target of a jump into the middle of an instruction, which no instruction index names. */
    private static final long NO_INSTRUCTION = 0xFFFF_FFFFL;

    private static final int LDC = 18;
    private static final int ILOAD = 21;
    private static final int ISTORE = 54;
    private static final int IINC = 132;
    private static final int TABLESWITCH = 170;
    private static final int LOOKUPSWITCH = 171;
    private static final int GETSTATIC = 178;
    private static final int INVOKEINTERFACE = 185;
    private static final int INVOKEDYNAMIC = 186;
    private static final int WIDE = 196;
    private static final int MULTIANEWARRAY = 197;

    private static final byte[] LINE_NUMBER_TABLE = ShapeReader.ascii("LineNumberTable");
    private static final byte[] LOCAL_VARIABLE_TABLE = ShapeReader.ascii("LocalVariableTable");
    private static final byte[] LOCAL_VARIABLE_TYPE_TABLE = ShapeReader.ascii("LocalVariableTypeTable");
    private static final byte[] SWITCH_MAP = ShapeReader.ascii(SyntheticNames.SWITCH_MAP_PREFIX);

    private final ShapeReader reader;
    private final byte[] bytes;
    /** {@code L}, this class's internal name and {@code ;}: made when a descriptor names the class. */
    private String ownerDescriptor;
    /** By constant pool index: the hash of a name or descriptor as written, and with the class's own name replaced. */
    private long[] plainHashes;
    private long[] selfHashes;
    /** By constant pool index: 1 once the plain hash is known, 2 once the one with the own name replaced is. */
    private byte[] hashed;
    /** Where each {@code BootstrapMethods} entry starts, once an instruction needs one. */
    private int[] bootstrapOffsets;
    /** By byte offset in the code: the index of the instruction that starts there, or -1. */
    private int[] instructionAt = new int[128];
    /** Where each line number entry of the method is, then the entries in code order: kept for the next method. */
    private int[] lineEntries = new int[16];
    private int[] lineOrder = new int[16];
    private int codeLength;
    private final Sequence code = new Sequence();
    private final Sequence debug = new Sequence();
    private int method;
    private long codeHash;
    private long debugHash;

    CodeHash(ShapeReader reader) {
        this.reader = reader;
        this.bytes = reader.bytes();
    }

    /**
     * Hashes the code of the method at {@code index} in class-file order, whose {@code Code} attribute's content starts
     * at {@code codeAt}; then {@link #codeHash()} and {@link #debugHash()} say the result.
     */
    void hash(int index, int codeAt) {
        method = index;
        codeLength = reader.u4(codeAt + 4);
        int start = codeAt + 8;
        if (codeLength <= 0 || codeLength > bytes.length - start) {
            throw new IllegalArgumentException("code length " + codeLength + " at byte " + codeAt);
        }
        countInstructions(start);
        code.reset();
        debug.reset();
        int table = start + codeLength;
        int entries = reader.u2(table);
        for (int i = 0, entry = table + 2; i < entries; i++, entry += 8) {
            int catchType = reader.u2(entry + 6);
            code.add(-1).ref(target(reader.u2(entry))).ref(target(reader.u2(entry + 2)))
                    .ref(target(reader.u2(entry + 4))).add(catchType == 0 ? NULL_HASH : self(classNameEntry(catchType)));
        }
        int attributesAt = table + 2 + 8 * entries;
        for (int p = 0; p < codeLength; p = next(start, p)) {
            instruction(start, p);
        }
        hashDebug(attributesAt);
        codeHash = code.resolve();
        debugHash = debug.resolve();
    }

    /** {@return the hash of the last method's code} */
    long codeHash() {
        return codeHash;
    }

    /** {@return the hash of the last method's line numbers and local variables} */
    long debugHash() {
        return debugHash;
    }

    /** Marks where each instruction starts: the index a jump to that offset names. */
    private void countInstructions(int start) {
        if (instructionAt.length <= codeLength) {
            instructionAt = new int[Math.max(codeLength + 1, instructionAt.length * 2)];
        }
        Arrays.fill(instructionAt, 0, codeLength + 1, -1);
        int count = 0;
        for (int p = 0; p < codeLength; p = next(start, p)) {
            instructionAt[p] = count++;
        }
        instructionAt[codeLength] = count;
    }

    /**
     * {@return the offset of the instruction after the one at {@code p}}; throws when the instruction does not end
     * after its start and within the code, as a malformed switch's counts can say, so that no walk of the code stays
     * in one place
     */
    private int next(int start, int p) {
        int length = length(start, p);
        if (length <= 0 || length > codeLength - p) {
            throw new IllegalArgumentException("the instruction at code offset " + p + " does not end within the code");
        }
        return p + length;
    }

    private int length(int start, int p) {
        int opcode = bytes[start + p] & 0xFF;
        return switch (opcode) {
            case 16, LDC, ILOAD, 22, 23, 24, 25, ISTORE, 55, 56, 57, 58, 169, 188 -> 2; // bipush ... newarray
            case 17, 19, 20, IINC, 178, 179, 180, 181, 182, 183, 184, 187, 189, 192, 193, 198, 199 -> 3;
            case MULTIANEWARRAY -> 4;
            case INVOKEINTERFACE, INVOKEDYNAMIC, 200, 201 -> 5;
            case WIDE -> (bytes[start + p + 1] & 0xFF) == IINC ? 6 : 4;
            case TABLESWITCH -> {
                int at = start + p + 4 - (p & 3);
                yield at - start - p + 12 + 4 * (reader.u4(at + 8) - reader.u4(at + 4) + 1);
            }
            case LOOKUPSWITCH -> {
                int at = start + p + 4 - (p & 3);
                yield at - start - p + 8 + 8 * reader.u4(at + 4);
            }
            default -> {
                if (opcode >= 153 && opcode <= 168) {
                    yield 3; // the conditional jumps, goto and jsr
                }
                if (opcode > 201) {
                    throw new IllegalArgumentException("unknown opcode " + opcode + " at code offset " + p);
                }
                yield 1;
            }
        };
    }

    /** {@return the instruction index a jump to {@code offset} names} */
    private long target(int offset) {
        if (offset < 0 || offset > codeLength) {
            throw new IllegalArgumentException("code offset " + offset + " outside the code of " + codeLength + " bytes");
        }
        int index = instructionAt[offset];
        return index >= 0 ? index : NO_INSTRUCTION;
    }

    private Sequence instruction(int opcode) {
        return code.add(0x1_0000_0000L | opcode);
    }

    private void instruction(int start, int p) {
        int at = start + p;
        int opcode = bytes[at] & 0xFF;
        switch (opcode) {
            case 16 -> instruction(opcode).add(bytes[at + 1]); // bipush
            case 17 -> instruction(opcode).add((short) reader.u2(at + 1)); // sipush
            case 188 -> instruction(opcode).add(bytes[at + 1] & 0xFF); // newarray
            case LDC -> instruction(LDC).add(constant(bytes[at + 1] & 0xFF));
            case 19, 20 -> instruction(LDC).add(constant(reader.u2(at + 1))); // ldc_w, ldc2_w
            case ILOAD, 22, 23, 24, 25, ISTORE, 55, 56, 57, 58, 169 -> instruction(opcode).add(bytes[at + 1] & 0xFF);
            case IINC -> instruction(IINC).add(bytes[at + 1] & 0xFF).add(bytes[at + 2]);
            case WIDE -> wide(at);
            case TABLESWITCH -> tableSwitch(start, p);
            case LOOKUPSWITCH -> lookupSwitch(start, p);
            case 178, 179, 180, 181 -> memberInstruction(opcode, reader.u2(at + 1), false);
            case 182, 183, 184, INVOKEINTERFACE -> memberInstruction(opcode, reader.u2(at + 1), true);
            case INVOKEDYNAMIC -> invokeDynamic(reader.u2(at + 1));
            case 187, 189, 192, 193 -> instruction(opcode).add(self(classNameEntry(reader.u2(at + 1))));
            case MULTIANEWARRAY -> instruction(opcode).add(self(classNameEntry(reader.u2(at + 1))))
                    .add(bytes[at + 3] & 0xFF);
            case 200, 201 -> instruction(opcode - 33).ref(target(p + reader.u4(at + 1))); // goto_w, jsr_w
            default -> {
                if (opcode >= 26 && opcode <= 45) {
                    instruction(ILOAD + ((opcode - 26) >> 2)).add((opcode - 26) & 3); // iload_0 ... aload_3
                } else if (opcode >= 59 && opcode <= 78) {
                    instruction(ISTORE + ((opcode - 59) >> 2)).add((opcode - 59) & 3); // istore_0 ... astore_3
                } else if ((opcode >= 153 && opcode <= 168) || opcode == 198 || opcode == 199) {
                    instruction(opcode).ref(target(p + (short) reader.u2(at + 1)));
                } else {
                    instruction(opcode);
                }
            }
        }
    }

    private void wide(int at) {
        int opcode = bytes[at + 1] & 0xFF;
        if (opcode == IINC) {
            instruction(IINC).add(reader.u2(at + 2)).add((short) reader.u2(at + 4));
        } else {
            instruction(opcode).add(reader.u2(at + 2));
        }
    }

    private void tableSwitch(int start, int p) {
        int at = start + p + 4 - (p & 3);
        int low = reader.u4(at + 4);
        int high = reader.u4(at + 8);
        Sequence item = instruction(TABLESWITCH).add(low).add(high).ref(target(p + reader.u4(at)));
        for (int i = 0; i < high - low + 1; i++) {
            item.ref(target(p + reader.u4(at + 12 + 4 * i)));
        }
    }

    private void lookupSwitch(int start, int p) {
        int at = start + p + 4 - (p & 3);
        int pairs = reader.u4(at + 4);
        Sequence item = instruction(LOOKUPSWITCH).ref(target(p + reader.u4(at))).add(pairs);
        for (int i = 0; i < pairs; i++) {
            item.add(reader.u4(at + 8 + 8 * i)).ref(target(p + reader.u4(at + 12 + 8 * i)));
        }
    }

    /** A field instruction, or a method call; the constant pool entry names the owner, the name and the descriptor. */
    private void memberInstruction(int opcode, int index, boolean call) {
        int at = reader.entry(index);
        int ownerName = classNameEntry(reader.u2(at));
        int nameAndType = reader.entry(reader.u2(at + 2));
        int name = reader.u2(nameAndType);
        Sequence item = instruction(opcode).add(self(ownerName)).add(plain(name)).add(self(reader.u2(nameAndType + 2)));
        if (call) {
            item.add(reader.tag(index) == 11 ? 1 : 0); // CONSTANT_InterfaceMethodref
        } else if (opcode == GETSTATIC && reader.utf8StartsWith(name, SWITCH_MAP) && !isOwner(ownerName)) {
            reader.readsSwitchMap(ownerName);
        }
    }

    private void invokeDynamic(int index) {
        int at = reader.entry(index);
        int nameAndType = reader.entry(reader.u2(at + 2));
        int bootstrap = bootstrapMethod(reader.u2(at));
        int arguments = reader.u2(bootstrap + 2);
        Sequence item = instruction(INVOKEDYNAMIC).add(plain(reader.u2(nameAndType)))
                .add(self(reader.u2(nameAndType + 2))).add(handle(reader.u2(bootstrap))).add(arguments);
        for (int i = 0; i < arguments; i++) {
            item.add(constant(reader.u2(bootstrap + 4 + 2 * i)));
        }
    }

    /** {@return where entry {@code number} of the class's {@code BootstrapMethods} starts} */
    private int bootstrapMethod(int number) {
        if (bootstrapOffsets == null) {
            int table = reader.bootstrapMethods();
            if (table == 0) {
                throw new IllegalArgumentException("invokedynamic without a BootstrapMethods attribute");
            }
            bootstrapOffsets = new int[reader.u2(table)];
            for (int i = 0, at = table + 2; i < bootstrapOffsets.length; i++) {
                bootstrapOffsets[i] = at;
                at += 4 + 2 * reader.u2(at + 2);
            }
        }
        return bootstrapOffsets[number];
    }

    /** {@return the hash of a loadable constant, as {@code ldc} and bootstrap arguments use it} */
    private long constant(int index) {
        return constant(index, 0);
    }

    /** As {@link #constant(int)}, {@code depth} dynamic constants deep: a file whose constants name themselves ends. */
    private long constant(int index, int depth) {
        if (depth > MOST_NESTED_CONSTANTS) {
            throw new IllegalArgumentException("dynamic constants nested more than " + MOST_NESTED_CONSTANTS + " deep");
        }
        int at = reader.entry(index);
        Hash64 hash = new Hash64();
        switch (reader.tag(index)) {
            case 3 -> hash.add(1).add(reader.u4(at)); // Integer
            case 4 -> hash.add(2).add(reader.u4(at)); // Float, by its bits
            case 5 -> hash.add(3).add(reader.u8(at)); // Long
            case 6 -> hash.add(4).add(reader.u8(at)); // Double, by its bits
            case 8 -> hash.add(5).add(plain(reader.u2(at))); // String
            case 7 -> classConstant(hash, reader.u2(at));
            case 16 -> hash.add(6).add(11).add(self(reader.u2(at))); // MethodType: ASM's Type.METHOD
            case 15 -> hash.add(7).add(handle(index));
            case 17 -> { // Dynamic
                int nameAndType = reader.entry(reader.u2(at + 2));
                int bootstrap = bootstrapMethod(reader.u2(at));
                hash.add(8).add(plain(reader.u2(nameAndType))).add(plain(reader.u2(nameAndType + 2)))
                        .add(handle(reader.u2(bootstrap)));
                for (int i = 0; i < reader.u2(bootstrap + 2); i++) {
                    hash.add(constant(reader.u2(bootstrap + 4 + 2 * i), depth + 1));
                }
            }
            default -> throw new IllegalArgumentException("constant pool entry " + index + " is no loadable constant");
        }
        return hash.value();
    }

    /** A class constant hashes as ASM's {@code Type}: its sort (array or object) and descriptor. */
    private void classConstant(Hash64 hash, int name) {
        if (bytes[reader.entry(name) + 2] == '[') {
            hash.add(6).add(9).add(self(name)); // ASM's Type.ARRAY: the name is the descriptor
        } else {
            hash.add(6).add(10).add(Hash64.of(isOwner(name) ? SELF_DESCRIPTOR
                    : "L".concat(reader.utf8(name)).concat(";"))); // ASM's Type.OBJECT
        }
    }

    /** {@return the hash of a method handle; a handle to a lambda body of this class hashes without its number} */
    private long handle(int index) {
        int at = reader.entry(index);
        int kind = bytes[at] & 0xFF;
        int reference = reader.u2(at + 1);
        int referenceAt = reader.entry(reference);
        int ownerName = classNameEntry(reader.u2(referenceAt));
        int nameAndType = reader.entry(reader.u2(referenceAt + 2));
        int name = reader.u2(nameAndType);
        int descriptor = reader.u2(nameAndType + 2);
        long nameHash = plain(name);
        if (isOwner(ownerName)) {
            String lambda = reader.utf8(name);
            if (SyntheticNames.isLambda(lambda)) {
                reader.createsLambda(method, lambda, reader.utf8(descriptor));
                nameHash = Hash64.of(SyntheticNames.LAMBDA_PREFIX);
            }
        }
        return new Hash64().add(kind).add(self(ownerName)).add(nameHash).add(self(descriptor))
                .add(reader.tag(reference) == 11 ? 1 : 0).value();
    }

    /** Hashes the line numbers, then the local variables, of the code's attributes. */
    private void hashDebug(int attributesAt) {
        int count = reader.u2(attributesAt);
        int lines = 0;
        int locals = 0;
        int localTypes = 0;
        for (int i = 0, attribute = attributesAt + 2; i < count; i++) {
            int name = reader.u2(attribute);
            int content = attribute + 6;
            if (reader.utf8Is(name, LINE_NUMBER_TABLE)) {
                int entries = reader.u2(content);
                if (lineEntries.length < lines + entries) {
                    lineEntries = Arrays.copyOf(lineEntries, Math.max(2 * lineEntries.length, lines + entries));
                    lineOrder = new int[lineEntries.length];
                }
                for (int k = 0; k < entries; k++) {
                    int startPc = reader.u2(content + 2 + 4 * k);
                    target(startPc);
                    lineEntries[lines++] = content + 2 + 4 * k;
                }
            } else if (reader.utf8Is(name, LOCAL_VARIABLE_TABLE)) {
                locals = content;
                for (int k = 0, entry = content + 2; k < reader.u2(content); k++, entry += 10) {
                    target(reader.u2(entry) + reader.u2(entry + 2));
                }
            } else if (reader.utf8Is(name, LOCAL_VARIABLE_TYPE_TABLE)) {
                localTypes = content;
            }
            attribute = content + reader.u4(attribute + 2);
        }
        hashLines(lineEntries, lines);
        if (locals != 0) {
            hashLocals(locals, localTypes);
        }
    }

    /**
     * Hashes the line numbers in code order, as ASM visits them with the label of their instruction: several at one
     * offset in table order; none at the end of the code, where no instruction starts.
     */
    private void hashLines(int[] entries, int count) {
        int[] order = lineOrder;
        for (int i = 0; i < count; i++) {
            int at = i;
            int offset = reader.u2(entries[i]);
            while (at > 0 && reader.u2(entries[order[at - 1]]) > offset) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = i;
        }
        for (int i = 0; i < count; ) {
            int offset = reader.u2(entries[order[i]]);
            int end = i;
            while (end < count && reader.u2(entries[order[end]]) == offset) {
                end++;
            }
            if (offset < codeLength && instructionAt[offset] >= 0) {
                for (int k = i; k < end; k++) {
                    debug.add(reader.u2(entries[order[k]] + 2)).ref(instructionAt[offset]);
                }
            }
            i = end;
        }
    }

    /** Hashes the local variables in table order, each with the signature of the last type table entry for it. */
    private void hashLocals(int table, int typeTable) {
        int count = reader.u2(table);
        for (int i = 0, entry = table + 2; i < count; i++, entry += 10) {
            int startPc = reader.u2(entry);
            int slot = reader.u2(entry + 8);
            debug.add(-1).add(plain(reader.u2(entry + 4))).add(plain(reader.u2(entry + 6)))
                    .add(signature(typeTable, startPc, slot)).ref(target(startPc))
                    .ref(target(startPc + reader.u2(entry + 2))).add(slot);
        }
    }

    private long signature(int typeTable, int startPc, int slot) {
        if (typeTable == 0) {
            return NULL_HASH;
        }
        for (int k = reader.u2(typeTable) - 1; k >= 0; k--) {
            int entry = typeTable + 2 + 10 * k;
            if (reader.u2(entry) == startPc && reader.u2(entry + 8) == slot) {
                return plain(reader.u2(entry + 6));
            }
        }
        return NULL_HASH;
    }

    /** {@return the constant pool index of the name of the class a {@code CONSTANT_Class} entry names} */
    private int classNameEntry(int classIndex) {
        return reader.u2(reader.entry(classIndex));
    }

    /** {@return the hash of a {@code CONSTANT_Utf8} entry's text} */
    private long plain(int index) {
        ensureCaches();
        if ((hashed[index] & 1) == 0) {
            int at = reader.entry(index);
            int length = reader.u2(at);
            plainHashes[index] = reader.isAscii(at + 2, length) ? Hash64.ofAscii(bytes, at + 2, length)
                    : Hash64.of(reader.utf8(index));
            hashed[index] |= 1;
        }
        return plainHashes[index];
    }

    /** {@return the hash of a name or descriptor, with this class's own name replaced by a placeholder} */
    private long self(int index) {
        ensureCaches();
        if ((hashed[index] & 2) == 0) {
            long hash;
            if (isOwner(index)) {
                hash = SELF_HASH;
            } else if (namesOwnerDescriptor(index)) {
                hash = Hash64.of(reader.utf8(index).replace(ownerDescriptor(), SELF_DESCRIPTOR));
            } else {
                hash = plain(index);
            }
            selfHashes[index] = hash;
            hashed[index] |= 2;
        }
        return selfHashes[index];
    }

    private String ownerDescriptor() {
        if (ownerDescriptor == null) {
            ownerDescriptor = "L".concat(reader.utf8(reader.ownerName())).concat(";");
        }
        return ownerDescriptor;
    }

    private void ensureCaches() {
        if (hashed == null) {
            int size = reader.u2(8);
            plainHashes = new long[size];
            selfHashes = new long[size];
            hashed = new byte[size];
        }
    }

    /** {@return true when a {@code CONSTANT_Utf8} entry is this class's own internal name} */
    private boolean isOwner(int index) {
        int at = reader.entry(index);
        int start = reader.ownerStart();
        int length = reader.ownerLength();
        return reader.u2(at) == length && Arrays.equals(bytes, at + 2, at + 2 + length, bytes, start, start + length);
    }

    /** {@return true when a {@code CONSTANT_Utf8} entry holds {@code L}, this class's name and {@code ;}} */
    private boolean namesOwnerDescriptor(int index) {
        int at = reader.entry(index) + 2;
        int end = at + reader.u2(at - 2);
        int start = reader.ownerStart();
        int length = reader.ownerLength();
        for (int i = at; i + length + 2 <= end; i++) {
            if (bytes[i] == 'L' && bytes[i + length + 1] == ';'
                    && Arrays.equals(bytes, i + 1, i + 1 + length, bytes, start, start + length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A hash of a sequence of values, some of them references to instructions: plain values are hashed in order, and
     * each reference adds a mix of its position in the sequence and its target to an order-independent sum.
     */
    private static final class Sequence {
        private final Hash64 hash = new Hash64();
        private int size;
        private long references;

        void reset() {
            hash.reset();
            size = 0;
            references = 0;
        }

        Sequence add(long value) {
            hash.add(value);
            size++;
            return this;
        }

        Sequence ref(long target) {
            references += Hash64.pair(size++, target);
            return this;
        }

        long resolve() {
            return hash.add(references).add(size).value();
        }
    }
}
