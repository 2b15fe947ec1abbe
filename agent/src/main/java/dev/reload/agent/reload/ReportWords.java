package dev.reload.agent.reload;

import dev.reload.agent.api.ReloadedClass;
import dev.reload.agent.structural.FittingValue;
import dev.reload.agent.structural.LoadedSupertypes;
import dev.reload.patcher.diff.Change;
import dev.reload.patcher.diff.FieldChange;
import dev.reload.patcher.diff.LambdaChange;
import dev.reload.patcher.diff.MethodChange;
import dev.reload.patcher.diff.TypeChange;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.rewrite.FieldConversion;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Names what a verdict changed the way a report line says it: methods whose bodies changed, then the other edits. */
final class ReportWords {
    static final String STATIC_INITIALIZER_NOT_RERUN = "static initializer changed: not re-run, static fields keep"
            + " their values";
    static final String STATIC_INITIALIZER_CHANGES_RUN = "static initializer changed: not re-run; each static field"
            + " whose own initializer changed takes its new value";
    static final String STATIC_INITIALIZER_NOT_RUN = "static initializer added: not run, the class is initialized"
            + " already";
    static final String STATIC_INITIALIZER_FIELDS_RUN = "static initializer added: not run as a whole, the class is"
            + " initialized already; each static field it adds takes its own initializer's value";
    /** {@code ACC_STATIC} (JVMS 4.5). */
    private static final int STATIC = 0x0008;

    private ReportWords() {
    }

    /**
     * {@return the class of a verdict as a report names it}
     *
     * @param newFieldInitializers true when the initializers of added and changed static fields run (the default)
     */
    static ReloadedClass reloadedClass(Verdict verdict, boolean newFieldInitializers) {
        return reloadedClass(verdict, newFieldInitializers, Map.of());
    }

    /**
     * {@return the class of a verdict as a report names it}
     *
     * @param newFieldInitializers true when the initializers of added and changed static fields run (the default)
     * @param renumbered what to say for the classes that renumbered anonymous classes touched, by internal name:
     *                   a new one loaded under a spare name, a running one that a file of another name continues;
     *                   never null
     */
    static ReloadedClass reloadedClass(Verdict verdict, boolean newFieldInitializers, Map<String, String> renumbered) {
        return reloadedClass(verdict, newFieldInitializers, renumbered, Map.of(), null);
    }

    /**
     * {@return the class of a verdict as a report names it}
     *
     * @param newFieldInitializers true when the initializers of added static fields run ({@code clinit=new-fields})
     * @param renumbered what to say for the classes that renumbered anonymous classes touched, never null
     * @param overrides the class declaring what each added override of the class overrides (or each added
     *                  implementation implements), by the added method's key; never null
     * @param running the running class, for a field whose type changed: the field it loaded with, and the class
     *                hierarchy its types are in; null when there is none
     */
    static ReloadedClass reloadedClass(Verdict verdict, boolean newFieldInitializers, Map<String, String> renumbered,
                                       Map<MemberKey, Class<?>> overrides, Class<?> running) {
        List<String> methods = new ArrayList<>(verdict.changedMethods());
        methods.remove("<clinit>");
        List<String> edits = edits(verdict, newFieldInitializers, renumbered, overrides, running);
        String continued = renumbered.get(verdict.className().replace('.', '/'));
        if (continued != null) {
            edits.add(continued);
        }
        return new ReloadedClass(verdict.className(), methods, edits);
    }

    /**
     * {@return true when the class overridden is a class that does not declare the method as it runs: a reload added
     * it, and it lives in the class's companion}
     */
    /** {@return how calls reach an added method through what it overrides or implements, in words} */
    private static String overriding(Class<?> overridden, MethodChange.Added added) {
        String what = overridden.getName() + "." + new AddedMethod(added.name(), added.descriptor(), true, true)
                .describe();
        Method declared = declared(overridden, added);
        if (declared != null && Modifier.isAbstract(declared.getModifiers())) {
            // The running subclasses keep their own; the classes that load later are given one calling it.
            return " (implements " + what + "; classes loaded later without their own run it)";
        }
        boolean addedByReload = declared == null && !overridden.isInterface();
        return " (overrides " + what + (addedByReload ? ", which a reload added" : "") + "; calls through "
                + overridden.getSimpleName() + " reach it)";
    }

    /** {@return the method the class declares as it runs with the added method's name and descriptor, or null} */
    private static Method declared(Class<?> overridden, MethodChange.Added added) {
        for (Method method : overridden.getDeclaredMethods()) {
            if (method.getName().equals(added.name()) && Type.getMethodDescriptor(method).equals(added.descriptor())) {
                return method;
            }
        }
        return null;
    }

    /**
     * {@return the names of the classes that the batch reloads in more than one class loader}: a mod's class that the
     * game's loader and the mod's both load, whose report would otherwise name it twice alike
     */
    static Set<String> inSeveralLoaders(List<JudgedClass> changed) {
        Set<String> seen = new HashSet<>();
        Set<String> several = new HashSet<>();
        for (JudgedClass judged : changed) {
            if (!seen.add(judged.verdict().className())) {
                several.add(judged.verdict().className());
            }
        }
        return several;
    }

    /** {@return the class as reported, saying which loader's class it is} */
    static ReloadedClass inLoader(ReloadedClass reloaded, ClassLoader loader) {
        List<String> edits = new ArrayList<>(reloaded.edits());
        String name = loader == null ? "the boot class loader" : loader.getName() != null
                ? "class loader " + loader.getName() : "class loader " + loader;
        edits.add("in " + name);
        return new ReloadedClass(reloaded.binaryName(), reloaded.changedMethods(), edits);
    }

    /** {@return what an added field holds at first, in words: the runtime's storage starts it as the JVM would} */
    private static String startsWith(FieldChange.Added added, boolean newFieldInitializers) {
        if ((added.access() & Opcodes.ACC_STATIC) == 0) {
            return "objects made before the reload hold " + defaultWord(added.descriptor());
        }
        if (newFieldInitializers) {
            return "starts at " + defaultWord(added.descriptor()) + ", then its initializer runs once";
        }
        return "starts at " + defaultWord(added.descriptor()) + ": static initializers are not re-run";
    }

    /** {@return what a field whose type changed holds at first for the new code, in words} */
    private static String startsWith(FieldChange.TypeChanged retyped, boolean newFieldInitializers,
                                     Class<?> running) {
        boolean isStatic = (retyped.access() & Opcodes.ACC_STATIC) != 0;
        if (retyped.newDescriptor().equals(loadedDescriptor(running, retyped.name()))) {
            // The new code uses the running field again, which the versions in between did not write: it takes what
            // they held (RetypedFields.returnValues), but for a final field.
            if ((retyped.access() & Opcodes.ACC_FINAL) != 0) {
                return "back to the field it loaded with, which " + (isStatic ? "holds" : "holds in each object")
                        + " what it held before its type changed";
            }
            return "back to the field it loaded with, which takes " + (isStatic ? "the value" : "each object's value")
                    + " the versions in between held, where it fits the type";
        }
        FieldConversion.Supertypes supertypes = running == null ? FieldConversion.Supertypes.NONE
                : new LoadedSupertypes(running.getClassLoader());
        if (FieldConversion.keepsValue(retyped.oldDescriptor(), retyped.newDescriptor(), supertypes)) {
            return isStatic ? "it keeps its value" : "objects keep their values";
        }
        String type = Type.getType(retyped.newDescriptor()).getClassName();
        String shortType = type.substring(type.lastIndexOf('.') + 1);
        if (FittingValue.isReference(retyped.oldDescriptor()) && FittingValue.isReference(retyped.newDescriptor())) {
            return isStatic ? "it keeps its value if it is of type " + shortType + ", else starts at null"
                    : "objects keep each value that is of type " + shortType + "; others hold null";
        }
        if (FittingValue.eachMayFit(retyped.oldDescriptor(), retyped.newDescriptor())) {
            String zero = defaultWord(retyped.newDescriptor());
            return isStatic ? "it keeps its value if " + shortType + " holds it exactly, else starts at " + zero
                    : "objects keep each value that " + shortType + " holds exactly; others hold " + zero;
        }
        String lost = "its values do not convert to " + shortType + " without loss: ";
        if (!isStatic) {
            return lost + "objects made before the reload hold " + defaultWord(retyped.newDescriptor());
        }
        return lost + "it starts at " + defaultWord(retyped.newDescriptor())
                + (newFieldInitializers ? ", then its initializer runs once" : "");
    }

    /** {@return the descriptor of the field the running class declares by that name, or null when none is known} */
    private static String loadedDescriptor(Class<?> running, String name) {
        if (running == null) {
            return null;
        }
        try {
            for (Field field : running.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return Type.getDescriptor(field.getType());
                }
            }
        } catch (LinkageError e) {
            // A field type that no longer links: nothing to say about the field it loaded with.
        }
        return null;
    }

    private static String defaultWord(String descriptor) {
        return switch (descriptor.charAt(0)) {
            case 'Z' -> "false";
            case 'F', 'D' -> "0.0";
            case 'L', '[' -> "null";
            default -> "0";
        };
    }

    /** {@return true when the verdict adds a static field, whose initializer a static initializer added holds} */
    private static boolean addsStaticField(Verdict verdict) {
        for (Change change : verdict.changes()) {
            if (change instanceof FieldChange.Added added && (added.access() & STATIC) != 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> edits(Verdict verdict, boolean newFieldInitializers, Map<String, String> renumbered,
                                      Map<MemberKey, Class<?>> overrides, Class<?> running) {
        List<String> edits = new ArrayList<>();
        for (Change change : verdict.changes()) {
            Class<?> overridden = change instanceof MethodChange.Added added
                    ? overrides.get(new MemberKey(added.name(), added.descriptor())) : null;
            if (overridden != null) {
                MethodChange.Added added = (MethodChange.Added) change;
                // An override added on a running JVM is reached through the dispatch of what it overrides.
                edits.add(added.describe() + overriding(overridden, added));
            } else if (change instanceof TypeChange.NestMemberChanged nest && nest.added()
                    && renumbered.containsKey(nest.member())) {
                edits.add(renumbered.get(nest.member()));
            } else if (change instanceof MethodChange.StaticInitializerChanged) {
                edits.add(newFieldInitializers ? STATIC_INITIALIZER_CHANGES_RUN : STATIC_INITIALIZER_NOT_RERUN);
            } else if (change instanceof MethodChange.StaticInitializerAddedOrRemoved c && c.added()) {
                edits.add(newFieldInitializers && addsStaticField(verdict) ? STATIC_INITIALIZER_FIELDS_RUN
                        : STATIC_INITIALIZER_NOT_RUN);
            } else if (change instanceof MethodChange.Removed removed) {
                // The JVM keeps the method, and the agent its last body, for frames and objects from before.
                edits.add(removed.describe() + "; code from before that still calls it runs its last version");
            } else if (change instanceof MethodChange.SignatureChanged changed) {
                edits.add(changed.describe() + "; code from before that still calls the old one runs its last"
                        + " version");
            } else if (change instanceof FieldChange.TypeChanged retyped) {
                edits.add(retyped.describe() + " (" + startsWith(retyped, newFieldInitializers, running) + ")");
            } else if (change instanceof FieldChange.Added added) {
                edits.add(added.describe() + " (" + startsWith(added, newFieldInitializers) + ")");
            } else if (change.needs() == Verdict.Kind.NEEDS_REWRITE && !(change instanceof LambdaChange.Renumbered)) {
                // Renumbered lambdas are a consequence of another edit, reported on its own.
                edits.add(change.describe());
            }
        }
        return edits;
    }
}
