package dev.reload.agent.structural;

import dev.reload.patcher.diff.FieldChange;
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
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fields whose type changed: the new code uses a field of the new type, which lives where added fields live, and
 * the running field stays for the code from before. Where the running value converts to the new type without loss
 * ({@link FieldConversion}), or, between primitive types or between reference types, each value that is a value of the
 * new type ({@link FittingValue}: {@code int speed} 5 as a {@code float}, an {@code ArrayList} held as a {@code List}),
 * the new field starts from it: a static field at its first access or when the agent runs
 * the reload's initializers, whichever comes first, reading the running field then, so that what the code from before
 * wrote until the reload applied is kept; an object's field at its first access, read then from the object's running
 * field. Otherwise it starts at its type's default.
 */
final class RetypedFields {
    private RetypedFields() {
    }

    /**
     * Makes each retyped field among the added ones that keeps its value start from the field the version running
     * now uses: the running field, or, after an earlier retype, the field of that type, where its values live.
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
            if (running == null) {
                continue;
            }
            // The type the version running now gives the field: the running field's, or an earlier retype's.
            String current = fields.retypedTo(field.name());
            String loadedType = Type.getDescriptor(running.getType());
            String from = current == null ? loadedType : current;
            fields.retype(field.name(), field.descriptor());
            // A constant (ConstantValue) is the new field's value, as the JVM would give it.
            if (field.constant() != null || from.equals(field.descriptor())) {
                continue;
            }
            // A type the field had in an earlier version (int → Integer → int): what it held then is stale, and what
            // it holds now comes from the field the running version uses.
            fields.startAfresh(field.name(), field.descriptor());
            boolean keeps = FieldConversion.keepsValue(from, field.descriptor(),
                    new LoadedSupertypes(loaded.getClassLoader()));
            if (!keeps && !FittingValue.eachMayFit(from, field.descriptor())) {
                continue;
            }
            try {
                Class<?> type = MethodType.fromMethodDescriptorString("()" + field.descriptor(),
                        loaded.getClassLoader()).returnType();
                boolean isStatic = Modifier.isStatic(running.getModifiers());
                MethodHandle read = from.equals(loadedType)
                        ? FullLookup.of(loaded, ClassLinks.of(loaded)).unreflectGetter(running)
                        : fields.reader(field.name(), from, isStatic);
                if (!keeps) {
                    // int → float, List → ArrayList and the like: each value that is a value of the new type is
                    // kept, the others start at the default, one by one.
                    read = MethodHandles.filterReturnValue(read.asType(read.type().changeReturnType(Object.class)),
                            MethodHandles.insertArguments(FittingValue.OR_DEFAULT, 0, type));
                }
                fields.startFrom(field.name(), field.descriptor(), isStatic
                        ? read.asType(MethodType.methodType(type))
                        : read.asType(MethodType.methodType(type, read.type().parameterType(0))));
            } catch (Throwable e) {
                throw new StructuralLinkException(loaded.getName(), "the running field " + field.name()
                        + " could not be read to start its new type from", e);
            }
        }
    }

    /**
     * Gives each field retyped back to the type it loaded with the values the versions in between held, where they
     * fit that type: the static field its one value, each object that holds a value its own (an object the versions
     * in between never touched keeps what it held). A final field keeps what it held. Called twice: before the
     * redefinition, when the code from before still writes the values in between, and after it, when the new code
     * writes the running field; the second time only a value written between the two goes back again, so that
     * neither version's writes are lost.
     *
     * @param loaded the class, never null
     * @param retyped the class's fields whose type changed, by the verdict of the batch, never null
     * @param returned what went back the first time, by field; filled the first time, read the second; never null
     * @param took false the first time, true the second, once the JVM took the batch
     * @return one line for each field whose values could not go back
     */
    static List<String> returnValues(Class<?> loaded, List<FieldChange.TypeChanged> retyped,
                                     Map<String, Map<Object, Object>> returned, boolean took) {
        List<String> problems = new ArrayList<>();
        for (FieldChange.TypeChanged change : retyped) {
            Field running = runningField(loaded, change.name());
            if (running == null || !change.newDescriptor().equals(Type.getDescriptor(running.getType()))) {
                continue;
            }
            if (took) {
                // Only now: had the JVM refused the batch, the version in between would still run, and the next
                // retype would have to start from its field.
                AddedFields.of(loaded).retype(change.name(), null);
            }
            if (Modifier.isFinal(running.getModifiers())) {
                continue;
            }
            try {
                MethodHandle set = FullLookup.of(loaded, ClassLinks.of(loaded)).unreflectSetter(running);
                boolean isStatic = Modifier.isStatic(running.getModifiers());
                Map<Object, Object> before = returned.get(change.name());
                ReturnValue visitor = new ReturnValue(set, running.getType(), isStatic, before,
                        before == null ? new IdentityHashMap<>() : null);
                AddedFields.of(loaded).forEachValue(change.name(), change.oldDescriptor(), isStatic, visitor);
                if (before == null) {
                    returned.put(change.name(), visitor.written());
                }
            } catch (Throwable e) {
                problems.add(loaded.getName() + "." + change.name() + ": back to the type it loaded with, it keeps"
                        + " what it held before its type changed (the values in between could not go back: " + e
                        + ")");
            }
        }
        return problems;
    }

    /**
     * Writes one value of the versions in between to the running field, when it fits its type: the first time each,
     * noting it; the second time only one that is not what went back the first time.
     *
     * @param before what went back the first time, by object (the class for a static field), or null the first time
     * @param written where the first time notes what goes back, or null the second time
     */
    private record ReturnValue(MethodHandle set, Class<?> type, boolean isStatic, Map<Object, Object> before,
                               Map<Object, Object> written) implements AddedFields.ValueVisitor {
        @Override
        public void visit(Object owner, Object value) throws Throwable {
            Object key = isStatic ? type : owner;
            if (before != null && before.containsKey(key) && same(before.get(key), value)) {
                return; // unchanged since it went back: the new code may have written the running field since
            }
            Object fitted = FittingValue.of(value, type);
            if (fitted == FittingValue.NONE) {
                return;
            }
            if (isStatic) {
                set.invoke(fitted);
            } else {
                set.invoke(owner, fitted);
            }
            if (written != null) {
                written.put(key, value);
            }
        }

        private boolean same(Object earlier, Object now) {
            return type.isPrimitive() ? Objects.equals(earlier, now) : earlier == now;
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
