package dev.reload.agent.watch;

import dev.reload.patcher.rewrite.ClassFileReferences;
import dev.reload.patcher.rewrite.ClassFileReferences.MemberReference;
import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Type;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Whether whole class files can be applied without the files their build has still to write: every class, field and
 * method of another class they name is there, in the running program or in the files of the burst. javac writes each
 * class file as it generates it, so one build's files may come milliseconds apart; a class calling a method that a
 * later file adds, applied alone, would throw {@code NoSuchMethodError} into the program until that file came. A
 * member is looked for where the JVM links it (JVMS 5.4.3.2, 5.4.3.3): in the class named, then its supertypes. The
 * JDK's classes ({@code java/...}) are never a build's, so what a file names of them is not looked up; a member
 * inherited from a class the lookup cannot find counts as missing. The classes of its own source file that a file names
 * (its nested classes, its outer class: {@code Outer} and {@code Outer$...}) must be files of the burst: a compiler
 * writes every class of a source file it compiles, and an outer class applied without its renumbered or changed
 * anonymous classes would create the old ones. What the running program lacks is found once per
 * file read ({@link #read}); what the burst's files provide, each time the burst could be handed out ({@link #met}).
 * Used by the collector's consumer thread, which may {@linkplain #read read} files on the batch helpers
 * ({@code BatchSteps}) too.
 */
final class BurstReferences {
    /** A class a file names, with the field or method of it the file uses; {@code member} is null for the class alone. */
    record Need(String owner, MemberKey member) {
    }

    /**
     * A class file read whole, with what it names that neither the running program nor the file itself has.
     *
     * @param classFile its declarations and references, never null
     * @param open its needs left for the other files of the burst, never null
     * @param sourceMates the other classes of its source file that it names, which must be files of the burst too;
     *                    never null
     * @param gainsConstants true for an enum that declares constants the running enum lacks: a build that adds one
     *                       compiles the switches over it too (an exhaustive one no longer compiles without its case),
     *                       and the enum applied before them would reach their {@code default}, which throws
     */
    record WholeFile(ClassFileReferences classFile, List<Need> open, Set<String> sourceMates,
                     boolean gainsConstants) {
    }

    private static final String JDK_PREFIX = "java/";
    private static final String ENUM = "java/lang/Enum";
    /** How many supertypes a member is looked for in before it counts as missing; no real hierarchy is that deep. */
    private static final int MOST_SUPERTYPES = 200;

    private volatile ClassLookup lookup = ClassLookup.NONE;

    /** Looks classes up with {@code lookup} from now on, once the running program's classes can be asked about. */
    void lookUpWith(ClassLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * {@return the file as read whole, with the needs that neither the running program nor the file meets}
     *
     * @param file the class file, never null
     * @param classFile what it declares and names, never null
     */
    WholeFile read(Path file, ClassFileReferences classFile) {
        Map<String, ClassFileReferences> itself = Map.of(classFile.internalName(), classFile);
        List<Need> open = new ArrayList<>();
        for (Need need : needs(classFile)) {
            if (!met(need, file, classFile.internalName(), itself)) {
                open.add(need);
            }
        }
        return new WholeFile(classFile, List.copyOf(open), sourceMates(classFile), gainsConstants(file, classFile));
    }

    /** {@return true when the file is an enum declaring a constant, a field of its own type, the running one lacks} */
    private boolean gainsConstants(Path file, ClassFileReferences classFile) {
        String name = classFile.internalName();
        if (!ENUM.equals(classFile.superName())) {
            return false;
        }
        Declarations running = lookup.find(file, name, name);
        if (running == null) {
            return false;
        }
        String ownType = "L" + name + ";";
        for (MemberKey member : classFile.declared()) {
            if (member.descriptor().equals(ownType) && !running.declares(member)) {
                return true;
            }
        }
        return false;
    }

    /** {@return true when every file's open needs are met by the files of the burst (these) or the running program} */
    boolean met(Map<Path, WholeFile> burst) {
        Map<String, ClassFileReferences> byName = byName(burst);
        for (Map.Entry<Path, WholeFile> entry : burst.entrySet()) {
            if (!byName.keySet().containsAll(entry.getValue().sourceMates())) {
                return false;
            }
            String referencing = entry.getValue().classFile().internalName();
            for (Need need : entry.getValue().open()) {
                if (!met(need, entry.getKey(), referencing, byName)) {
                    return false;
                }
            }
            if (entry.getValue().gainsConstants() && !namedByAnother(referencing, burst.values())) {
                return false; // the switches over the new constants are still to come, or none: the wait is short
            }
        }
        return true;
    }

    /** {@return the burst's class files by their classes' internal names} */
    private static Map<String, ClassFileReferences> byName(Map<Path, WholeFile> burst) {
        Map<String, ClassFileReferences> byName = new HashMap<>();
        for (WholeFile whole : burst.values()) {
            byName.put(whole.classFile().internalName(), whole.classFile());
        }
        return byName;
    }

    private static boolean namedByAnother(String internalName, Collection<WholeFile> files) {
        for (WholeFile other : files) {
            if (!other.classFile().internalName().equals(internalName)
                    && other.classFile().classes().contains(internalName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return for each file that names it, the first class member that is missing for certain, in words
     * ({@code method demo.Shape.extra()I}): its class is found, in the burst or the running program, and neither it nor
     * any of its supertypes declares it, every one of them found too}: applied, the file would throw
     * {@code NoSuchMethodError} or {@code NoSuchFieldError} into the program. A need that cannot be told met or missing
     * (a class no loader shows) is not named.
     */
    Map<Path, String> certainlyMissing(Map<Path, WholeFile> burst) {
        Map<String, ClassFileReferences> byName = byName(burst);
        Map<Path, String> missing = new HashMap<>();
        for (Map.Entry<Path, WholeFile> entry : burst.entrySet()) {
            String referencing = entry.getValue().classFile().internalName();
            for (Need need : entry.getValue().open()) {
                if (presence(need, entry.getKey(), referencing, byName) == Presence.MISSING) {
                    missing.put(entry.getKey(), describe(need));
                    break;
                }
            }
        }
        return missing;
    }

    /**
     * {@return the member in source words: {@code method int demo.Shape.extra(int)}, {@code field int demo.Shape.hp}}
     */
    private static String describe(Need need) {
        MemberKey member = need.member();
        String owner = need.owner().replace('/', '.');
        if (!member.descriptor().startsWith("(")) {
            return "field " + Type.getType(member.descriptor()).getClassName() + " " + owner + "." + member.name();
        }
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (Type parameter : Type.getArgumentTypes(member.descriptor())) {
            parameters.add(parameter.getClassName());
        }
        String name = member.name().equals("<init>") ? "constructor " + owner : "method "
                + Type.getReturnType(member.descriptor()).getClassName() + " " + owner + "." + member.name();
        return name + parameters;
    }

    private static Set<String> sourceMates(ClassFileReferences classFile) {
        String topLevel = topLevel(classFile.internalName());
        Set<String> mates = new HashSet<>();
        for (String named : classFile.classes()) {
            if (topLevel(named).equals(topLevel)) {
                mates.add(named);
            }
        }
        return Set.copyOf(mates);
    }

    /** {@return the name up to the first dollar sign of its simple name: the top-level class of a nested one} */
    private static String topLevel(String internalName) {
        int dollar = internalName.indexOf('$', internalName.lastIndexOf('/') + 1);
        return dollar < 0 ? internalName : internalName.substring(0, dollar);
    }

    private static List<Need> needs(ClassFileReferences classFile) {
        List<Need> needs = new ArrayList<>();
        Set<String> owners = new HashSet<>();
        for (MemberReference reference : classFile.members()) {
            if (!reference.owner().startsWith(JDK_PREFIX)) {
                needs.add(new Need(reference.owner(), reference.member()));
                owners.add(reference.owner());
            }
        }
        for (String named : classFile.classes()) {
            if (!named.startsWith(JDK_PREFIX) && !owners.contains(named)) {
                needs.add(new Need(named, null));
            }
        }
        return needs;
    }

    private boolean met(Need need, Path file, String referencing, Map<String, ClassFileReferences> burst) {
        return presence(need, file, referencing, burst) == Presence.DECLARED;
    }

    /** Whether a class member a file names is there to link. */
    private enum Presence {
        DECLARED,
        /** Its class and every supertype were found, and none declares it. */
        MISSING,
        /** Its class, or a supertype that may declare it, cannot be looked in. */
        UNKNOWN
    }

    private Presence presence(Need need, Path file, String referencing, Map<String, ClassFileReferences> burst) {
        Declarations owner = find(need.owner(), file, referencing, burst);
        if (owner == null) {
            return Presence.UNKNOWN;
        }
        if (need.member() == null || owner.declares(need.member())) {
            return Presence.DECLARED; // most needs: no search of the supertypes to set up for each
        }
        if (need.member().name().startsWith("<")) {
            return Presence.MISSING; // constructors and initializers are not inherited
        }
        Deque<Declarations> toSearch = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        toSearch.add(owner);
        boolean allFound = true;
        while (!toSearch.isEmpty() && seen.size() < MOST_SUPERTYPES) {
            Declarations type = toSearch.poll();
            if (type.declares(need.member())) {
                return Presence.DECLARED;
            }
            List<String> supertypes = new ArrayList<>(type.interfaces());
            if (type.superName() != null) {
                supertypes.add(0, type.superName());
            }
            for (String supertype : supertypes) {
                if (seen.add(supertype)) {
                    // A supertype that cannot be looked in may or may not have the member: unless another has it,
                    // it counts as missing, though not for certain.
                    Declarations found = find(supertype, file, referencing, burst);
                    if (found != null) {
                        toSearch.add(found);
                    } else {
                        allFound = false;
                    }
                }
            }
        }
        return allFound && toSearch.isEmpty() ? Presence.MISSING : Presence.UNKNOWN;
    }

    private Declarations find(String internalName, Path file, String referencing, Map<String, ClassFileReferences> burst) {
        ClassFileReferences inBurst = burst.get(internalName);
        return inBurst != null ? Declarations.of(inBurst) : lookup.find(file, referencing, internalName);
    }
}
