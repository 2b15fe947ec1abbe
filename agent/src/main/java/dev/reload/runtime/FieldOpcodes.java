package dev.reload.runtime;

/** The field instructions (JVMS 6.5) whose opcodes the patcher passes to {@link Linkage#field}. */
final class FieldOpcodes {
    static final int GETSTATIC = 178;
    static final int PUTSTATIC = 179;
    static final int GETFIELD = 180;
    static final int PUTFIELD = 181;

    private FieldOpcodes() {
    }
}
