package dev.reload.agent.watch;

import dev.reload.patcher.rewrite.ClassFileReferences;
import dev.reload.patcher.shape.MemberKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which references of whole class files the running program or the other files of a burst meet. */
class BurstReferencesTest {
    private static final String OUTER = "dev/reload/agent/watch/BurstReferencesTest";
    private static final String PREFIX = "dev/reload/agent/watch/Sample";
    private static final MemberKey ADDED = new MemberKey("added", "()I");

    private final BurstReferences references = new BurstReferences();

    @Test
    void aCallOfAMethodTheRunningClassLacksIsOpenUntilAFileOfTheBurstDeclaresIt() {
        references.lookUpWith(running(Map.of("Callee", declaring())));
        BurstReferences.WholeFile caller = references.read(Path.of("SampleCaller.class"), classFile(SampleCaller.class));
        assertEquals(List.of(new BurstReferences.Need(PREFIX + "Callee", ADDED)), caller.open());
        assertFalse(references.met(burst(caller)));
        BurstReferences.WholeFile callee = references.read(Path.of("SampleCallee.class"), classFile(SampleCallee.class));
        assertTrue(references.met(burst(caller, callee)));
    }

    @Test
    void anEnumGainingAConstantWaitsForAFileNamingItAsTheSwitchesOverItDo() {
        MemberKey a = new MemberKey("A", "L" + PREFIX + "Mode;");
        MemberKey b = new MemberKey("B", "L" + PREFIX + "Mode;");
        references.lookUpWith(running(Map.of("Mode", declaringWithSuper("java/lang/Enum", a, b))));
        BurstReferences.WholeFile mode = references.read(Path.of("SampleMode.class"), classFile(SampleMode.class));
        assertTrue(mode.gainsConstants());
        assertFalse(references.met(burst(mode)), "alone, before the switches that use C");
        BurstReferences.WholeFile user = references.read(Path.of("SampleModeUser.class"),
                classFile(SampleModeUser.class));
        assertTrue(references.met(burst(mode, user)));

        references.lookUpWith(running(Map.of("Mode", declaringWithSuper("java/lang/Enum", a, b,
                new MemberKey("C", "L" + PREFIX + "Mode;")))));
        mode = references.read(Path.of("SampleMode.class"), classFile(SampleMode.class));
        assertFalse(mode.gainsConstants());
        assertTrue(references.met(burst(mode)), "an enum whose constants stay applies alone");
    }

    @Test
    void aCallOfAMethodTheRunningClassHasIsMetAlone() {
        references.lookUpWith(running(Map.of("Callee", declaring(ADDED))));
        BurstReferences.WholeFile caller = references.read(Path.of("SampleCaller.class"), classFile(SampleCaller.class));
        assertEquals(List.of(), caller.open());
        assertTrue(references.met(burst(caller)));
    }

    @Test
    void anInheritedMethodIsLookedForInTheSupertypesAndOneThatCannotBeLookedInCountsAsMissing() {
        Declarations heir = declaringWithSuper(PREFIX + "Callee");
        references.lookUpWith(running(Map.of("Heir", heir, "Callee", declaring(ADDED))));
        BurstReferences.WholeFile heirCaller = references.read(Path.of("SampleHeirCaller.class"), classFile(SampleHeirCaller.class));
        assertTrue(references.met(burst(heirCaller)), "Heir inherits added() from the running Callee");
        references.lookUpWith(running(Map.of("Heir", heir)));
        heirCaller = references.read(Path.of("SampleHeirCaller.class"), classFile(SampleHeirCaller.class));
        assertFalse(references.met(burst(heirCaller)), "Callee cannot be looked in");
        BurstReferences.WholeFile callee = references.read(Path.of("SampleCallee.class"), classFile(SampleCallee.class));
        assertTrue(references.met(burst(heirCaller, callee)), "the burst's Callee declares it");
    }

    @Test
    void withoutALookupOnlyTheFileItselfAndTheJdkAreThere() {
        BurstReferences.WholeFile callee = references.read(Path.of("SampleCallee.class"), classFile(SampleCallee.class));
        assertEquals(List.of(), callee.open(), "its own members and the JDK's");
        BurstReferences.WholeFile caller = references.read(Path.of("SampleCaller.class"), classFile(SampleCaller.class));
        assertFalse(references.met(burst(caller)));
    }

    @Test
    void theClassesOfItsOwnSourceFileThatAFileNamesMustBeFilesOfTheBurst() {
        references.lookUpWith(BurstReferencesTest::onClassPath);
        BurstReferences.WholeFile caller = references.read(Path.of("Caller.class"), classFile(Caller.class));
        assertEquals(List.of(), caller.open(), "the running classes have what it calls");
        assertEquals(Set.of(OUTER, OUTER + "$Callee"), caller.sourceMates());
        assertFalse(references.met(burst(caller)), "its outer class and Callee are to be written with it");
        BurstReferences.WholeFile callee = references.read(Path.of("Callee.class"), classFile(Callee.class));
        BurstReferences.WholeFile outer = references.read(Path.of("Outer.class"), classFile(BurstReferencesTest.class));
        assertTrue(references.met(burst(caller, callee, outer)));
    }

    @Test
    void anArraysMembersAreEveryArraysAndItsElementClassIsWhatItNeeds() {
        references.lookUpWith(running(Map.of("Callee", declaring())));
        BurstReferences.WholeFile user = references.read(Path.of("SampleArrayUser.class"),
                classFile(SampleArrayUser.class));
        assertEquals(List.of(), user.open(), "int[].clone() and SampleCallee[][] need only the running SampleCallee");
        references.lookUpWith(running(Map.of()));
        user = references.read(Path.of("SampleArrayUser.class"), classFile(SampleArrayUser.class));
        assertEquals(List.of(new BurstReferences.Need(PREFIX + "Callee", null)), user.open());
    }

    @Test
    void aMemberIsMissingForCertainOnlyWhenItsClassAndEachSupertypeAreFoundWithoutIt() {
        references.lookUpWith(withObject(running(Map.of("Callee", declaring()))));
        BurstReferences.WholeFile caller = references.read(Path.of("SampleCaller.class"), classFile(SampleCaller.class));
        assertEquals(Map.of(Path.of(PREFIX + "Caller.class"),
                "method int dev.reload.agent.watch.SampleCallee.added()"), references.certainlyMissing(burst(caller)));
        BurstReferences.WholeFile callee = references.read(Path.of("SampleCallee.class"),
                classFile(SampleCallee.class));
        assertEquals(Map.of(), references.certainlyMissing(burst(caller, callee)), "the burst's Callee declares it");

        references.lookUpWith(running(Map.of("Callee", declaring())));
        caller = references.read(Path.of("SampleCaller.class"), classFile(SampleCaller.class));
        assertEquals(Map.of(), references.certainlyMissing(burst(caller)),
                "Object cannot be looked in, and may have it");
        references.lookUpWith(withObject(running(Map.of())));
        caller = references.read(Path.of("SampleCaller.class"), classFile(SampleCaller.class));
        assertEquals(Map.of(), references.certainlyMissing(burst(caller)), "no loader shows Callee");
    }

    @Test
    void aMemberIsLookedForInEverySupertype() {
        Declarations heir = declaringWithSuper(PREFIX + "Callee");
        references.lookUpWith(withObject(running(Map.of("Heir", heir, "Callee", declaring()))));
        BurstReferences.WholeFile heirCaller = references.read(Path.of("SampleHeirCaller.class"),
                classFile(SampleHeirCaller.class));
        assertEquals(Map.of(Path.of(PREFIX + "HeirCaller.class"),
                "method int dev.reload.agent.watch.SampleHeir.added()"), references.certainlyMissing(burst(heirCaller)));
        BurstReferences.WholeFile callee = references.read(Path.of("SampleCallee.class"), classFile(SampleCallee.class));
        assertEquals(Map.of(), references.certainlyMissing(burst(heirCaller, callee)),
                "inherited from the burst's");
    }

    /** {@return the lookup, which also finds {@code Object}, declaring nothing the samples name} */
    private static ClassLookup withObject(ClassLookup lookup) {
        return (file, referencing, internalName) -> internalName.equals("java/lang/Object")
                ? new Declarations(null, List.of(), Set.<MemberKey>of()::contains)
                : lookup.find(file, referencing, internalName);
    }

    private static Map<Path, BurstReferences.WholeFile> burst(BurstReferences.WholeFile... files) {
        Map<Path, BurstReferences.WholeFile> burst = new LinkedHashMap<>();
        for (BurstReferences.WholeFile file : files) {
            burst.put(Path.of(file.classFile().internalName() + ".class"), file);
        }
        return burst;
    }

    /**
     * {@return a lookup that finds the classes given by simple name and this test class (the nest host each names),
     * and nothing else, not even the JDK's}
     */
    private static ClassLookup running(Map<String, Declarations> classes) {
        return (file, referencing, internalName) -> internalName.equals(OUTER) ? declaring()
                : internalName.startsWith(PREFIX) ? classes.get(internalName.substring(PREFIX.length())) : null;
    }

    /** {@return every class as the test's class path has it, as if every one ran as compiled} */
    private static Declarations onClassPath(Path file, String referencing, String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : Declarations.of(ClassFileReferences.ofWhole(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return a class that extends Object and declares the members given} */
    private static Declarations declaring(MemberKey... members) {
        return declaringWithSuper("java/lang/Object", members);
    }

    private static Declarations declaringWithSuper(String superName, MemberKey... members) {
        return new Declarations(superName, List.of(), Set.of(members)::contains);
    }

    static ClassFileReferences classFile(Class<?> type) {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            return ClassFileReferences.ofWhole(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls a class of its own source file. */
    static final class Caller {
        private Caller() {
        }

        static int call() {
            return Callee.added();
        }
    }

    static class Callee {
        static int added() {
            return 1;
        }
    }
}
