package dev.reload.patcher.shape;

/** Writes a {@link ClassShape} as text, one line per fact, for test failures and debugging. */
final class ShapeDump {
    private ShapeDump() {
    }

    static String dump(ClassShape shape) {
        StringBuilder text = new StringBuilder();
        text.append("class ").append(shape.internalName())
                .append(" access=0x").append(Integer.toHexString(shape.access()))
                .append(" major=").append(shape.majorVersion()).append('\n');
        line(text, "super", shape.superName());
        line(text, "interfaces", shape.interfaces());
        line(text, "nestHost", shape.nestHost());
        for (String member : shape.nestMembers()) {
            line(text, "nestMember", member + " " + shape.nestMemberKind(member).orElseThrow());
        }
        line(text, "permittedSubclasses", shape.permittedSubclasses());
        for (RecordComponentShape component : shape.recordComponents()) {
            line(text, "component", component.name() + " " + component.descriptor()
                    + (component.signature() == null ? "" : " " + component.signature()));
        }
        if (!shape.hasMemberNames()) {
            return text.append("  members named by hash only\n").toString();
        }
        for (FieldShape field : shape.fields()) {
            line(text, "field", field.name() + " " + field.descriptor() + " access=0x"
                    + Integer.toHexString(field.access())
                    + (field.constantValue() == null ? "" : " = " + field.constantValue()));
        }
        for (MethodShape method : shape.methods()) {
            String creator = shape.creatorOf(method).map(c -> " createdBy=" + c.name() + c.descriptor()).orElse("");
            line(text, "method", method.name() + method.descriptor() + " access=0x"
                    + Integer.toHexString(method.access())
                    + " code=" + Long.toHexString(method.codeHash())
                    + " debug=" + Long.toHexString(method.codeHashWithDebug()) + creator);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, Object value) {
        text.append("  ").append(label).append(' ').append(value).append('\n');
    }
}
