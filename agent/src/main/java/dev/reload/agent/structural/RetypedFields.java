package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedField;
import dev.reload.patcher.rewrite.FieldConversion;
import dev.reload.runtime.AddedFields;
import dev.reload.runtime.ClassLinks;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Fields whose type changed: the new code uses a field of the new type, which lives where added fields live, and
 * the running field stays for the code from before. Where the running value converts to the new type without loss
 * ({@link FieldConversion}), the new field starts from it: a static field at its first access or when the agent runs
 * the reload's initializers, whichever comes first, reading the running field then, so that what the code from before
 * wrote until the reload applied is kept; an object's field at its first access, read then from the object's running
 * field. Otherwise it starts at its type's default.
 */
final class RetypedFields {
    private RetypedFields() {
    }

    /**
     * Makes each retyped field among the added ones that keeps its value start from the running field.
     *
     * @param loaded the class, never null
     * @param added the fields the rewrite adds, never null
     * @param fields where they live, never null
     * @throws StructuralLinkException when the running field cannot be read
     */
    static void startFromRunningValues(Class<?> loaded, List<AddedField> added, AddedFields fields)
            throws StructuralLinkException {
        for (AddedField field : added) {
            Field running = runningField(loaded, field.name());
            // A constant (ConstantValue) is the new field's value, as the JVM would give it.
            if (running == null || field.constant() != null || !FieldConversion.keepsValue(
                    Type.getDescriptor(running.getType()), field.descriptor(),
                    new LoadedSupertypes(loaded.getClassLoader()))) {
                continue;
            }
            try {
                MethodHandles.Lookup lookup = FullLookup.of(loaded, ClassLinks.of(loaded));
                Class<?> type = MethodType.fromMethodDescriptorString("()" + field.descriptor(),
                        loaded.getClassLoader()).returnType();
                MethodHandle getter = Modifier.isStatic(running.getModifiers())
                        ? lookup.unreflectGetter(running).asType(MethodType.methodType(type))
                        : lookup.unreflectGetter(running).asType(MethodType.methodType(type, loaded));
                fields.startFrom(field.name(), field.descriptor(), getter);
            } catch (Throwable e) {
                throw new StructuralLinkException(loaded.getName(), "the running field " + field.name()
                        + " could not be read to start its new type from", e);
            }
        }
    }

    private static Field runningField(Class<?> loaded, String name) {
        for (Field field : loaded.getDeclaredFields()) {
            if (field.getName().equals(name)) {
                return field;
            }
        }
        return null;
    }
}
