package dev.reload.agent.it;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.fixtures.harness.Jdks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Edits that add, change and remove members, applied by the real agent as a developer's build writes them: each
 * version's new behaviour runs, state carries over, lambdas and anonymous objects made before keep working, and
 * code from before that calls a removed method runs its last version.
 */
class StructuralReloadIT {
    @TempDir
    Path work;
    private final VersionWalk walk = new VersionWalk();

    @AfterEach
    void closePrograms() {
        walk.close();
    }

    @TestFactory
    Stream<DynamicContainer> methodsAndLambdasAddedChangedAndRemoved() {
        return walk.walk(work, "structural-methods", "fixture.structural.Main", List.of(
                new VersionWalk.Step("v1 runs", child -> {
                    assertEquals(List.of("v1 frames=1"), child.call("step"), child::transcript);
                    assertEquals(List.of("legacy 1"), child.call("runStale"), child::transcript);
                }),
                // A lambda, a private helper, a private static helper, and a public method that Main calls.
                new VersionWalk.Step("v2 adds methods and a lambda", child -> {
                    String v2 = child.install("v2");
                    assertContains(v2, "[reload] 2 classes in ", "fixture.structural.Game (frame, ",
                            "lambda added in frame()", "method added: String describe(String)",
                            "method added: static int twice(int)", "method added: Supplier ticker()",
                            "fixture.structural.Main (step)");
                    assertEquals(List.of("v2 [game:2] 4 | tick 2"), child.call("step"), child::transcript);
                }),
                // The added code changes; the ticker v2 made runs v3's lambda body.
                new VersionWalk.Step("v3 changes the added code", child -> {
                    assertContains(child.install("v3"), "[reload] 1 class in ", "fixture.structural.Game (");
                    assertEquals(List.of("v3 <game=3> 9 | tock 3"), child.call("step"), child::transcript);
                }),
                // legacy() goes; the lambda v1 made is still held (the static initializer is not re-run), calls it,
                // and it runs its last body.
                new VersionWalk.Step("v4 removes methods", child -> {
                    String v4 = child.install("v4");
                    assertContains(v4, "method removed: String legacy()", "method removed: static int twice(int)",
                            "fixture.structural.Main (static initializer changed: not re-run");
                    assertEquals(List.of("v4 <game=4> | tock 4"), child.call("step"), child::transcript);
                    assertEquals(List.of("legacy 4"), child.call("runStale"), child::transcript);
                }),
                // frame() becomes frame(int), and Main calls the new signature; a class new in v5 calls a method v5 adds.
                new VersionWalk.Step("v5 changes a signature", child -> {
                    assertContains(child.install("v5"), "method signature changed: String frame() → String frame(int)");
                    assertEquals(List.of("v5 <game=6> | tock 6 | HEY 6 | SCORE 6"), child.call("step"),
                            child::transcript);
                })));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jdksAndCompilers")
    void newAnonymousClassFirstEnumSwitchAndAnInsertedAnonymousClassApply(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "structural-anonymous", "fixture.nestmates.Main")) {
            assertEquals(List.of("stock 4"), child.call("step"), child::transcript);
            assertEquals(List.of("early sees stock 4"), child.call("early"), child::transcript);

            // javac puts the switch table in a new class Shop$3; ECJ in a field and a method of Shop itself.
            String enumSwitch = compiler == CompilerKind.ECJ
                    ? "enum switch added: switch table for fixture.nestmates.Size"
                    : "enum switch map class added: fixture.nestmates.Shop$3";
            assertContains(child.install("v2"), "fixture.nestmates.Shop (offer, ",
                    "anonymous class added: fixture.nestmates.Shop$2", enumSwitch);
            assertEquals(List.of("anonymous sees stock 5, large"), child.call("step"), child::transcript);
            assertEquals(List.of("early sees stock 5"), child.call("early"), child::transcript);

            // An anonymous class inserted before the others renumbers them: each running one keeps its own code.
            assertContains(child.install("v3"), "[reload] ", "field added: ", "Runnable restock",
                    "anonymous class added: fixture.nestmates.Shop$1 (loaded as fixture.nestmates.Shop$9, since the"
                            + " running fixture.nestmates.Shop$1 continues as the file fixture.nestmates.Shop$2)");
            assertEquals(List.of("anonymous sees stock 6, large"), child.call("step"), child::transcript);
            assertEquals(List.of("early sees stock 6"), child.call("early"), child::transcript);
        }
    }

    /**
     * A new anonymous class and a first enum switch (javac's switch map class) change the outer class's
     * {@code NestMembers}; the spare names listed when the class loaded let redefinition take them, and the new
     * anonymous class reads the outer object's private field as a true nestmate.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void newAnonymousClassAndEnumSwitchLoadAsNestmatesOfTheRunningClass(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, "structural-nested", "fixture.nested.Main")) {
            // No other agent: the first look alone sees each class load, and the capture only the agent's own calls.
            child.awaitStderr("^\\[reload\\] agent started .*; one class-load hook$");
            assertEquals(List.of("stock 3"), child.call("step"), child::transcript);
            // Shop is loaded and changes; Shop$1 and Shop$2 are new and load from the class path when first used.
            assertContains(child.install("v2"), "[reload] 1 class in ", "fixture.nested.Shop (offer, ",
                    "anonymous class added: fixture.nested.Shop$1");
            assertEquals(List.of("anonymous sees stock 3, large"), child.call("step"), child::transcript);
        }
    }

    @TestFactory
    Stream<DynamicContainer> anonymousClassesInsertedBeforeOthersKeepEarlierObjectsOnTheirCode() {
        String hud = "fixture.inserted.Hud";
        return walk.walk(work, "structural-anonymous-inserted", "fixture.inserted.Main", List.of(
                new VersionWalk.Step("v1 runs", child ->
                        assertEquals(List.of("counted 1 by " + hud + "$1"), child.call("step"), child::transcript)),
                // The file Hud$1 holds the new announcer: it loads as a spare nest member, and the running Hud$1 goes on.
                new VersionWalk.Step("v2 inserts an anonymous class", child -> {
                    assertContains(child.install("v2"), "[reload] ", hud + " (", "anonymous class added: " + hud
                            + "$1 (loaded as " + hud + "$9, since the running " + hud + "$1 continues as the file "
                            + hud + "$2)");
                    assertEquals(List.of("counted 2 by " + hud + "$1", "frames so far 2 by " + hud + "$9"),
                            child.call("step"), child::transcript);
                    assertEquals(List.of("counted 3 by " + hud + "$1"), child.call("early"), child::transcript);
                }),
                // The counter's code, now in the file Hud$2, changes: the running Hud$1 takes it, early object included.
                new VersionWalk.Step("v3 changes the renumbered class", child -> {
                    assertContains(child.install("v3"), "[reload] 1 class in ", hud + "$1 (run, continues as the"
                            + " file " + hud + "$2)");
                    assertEquals(List.of("counted 13 by " + hud + "$1", "frames so far 13 by " + hud + "$9"),
                            child.call("step"), child::transcript);
                    assertEquals(List.of("counted 23 by " + hud + "$1"), child.call("early"), child::transcript);
                }),
                // A second insertion: the file Hud$2 is the running Hud$9, Hud$3 the running Hud$1.
                new VersionWalk.Step("v4 inserts another", child -> {
                    assertContains(child.install("v4"), "[reload] ", "anonymous class added: " + hud + "$1 (loaded as "
                            + hud + "$8, since the running " + hud + "$1 continues as the file " + hud + "$3)");
                    assertEquals(List.of("counted 33 by " + hud + "$1", "frames so far 33 by " + hud + "$9",
                            "hello at 33 by " + hud + "$8"), child.call("step"), child::transcript);
                    assertEquals(List.of("counted 43 by " + hud + "$1"), child.call("early"), child::transcript);
                }),
                // Two of them trade places: each running class goes on with its own code, under its own name.
                new VersionWalk.Step("v5 swaps two", child -> {
                    assertContains(child.install("v5"), "[reload] ", hud + "$9 (continues as the file " + hud + "$1)",
                            hud + "$8 (continues as the file " + hud + "$2)");
                    assertEquals(List.of("counted 53 by " + hud + "$1", "frames so far 53 by " + hud + "$9",
                            "hello at 53 by " + hud + "$8"), child.call("step"), child::transcript);
                }),
                // The first one is removed, its older files left behind: the others are found by their code.
                new VersionWalk.Step("v6 removes the first", child -> {
                    assertContains(child.install("v6"), "[reload] ", hud + "$8 (continues as the file " + hud + "$1)",
                            hud + "$1 (continues as the file " + hud + "$2)");
                    assertEquals(List.of("counted 63 by " + hud + "$1", "hello at 63 by " + hud + "$8"),
                            child.call("step"), child::transcript);
                    assertEquals(List.of("counted 73 by " + hud + "$1"), child.call("early"), child::transcript);
                }),
                // One save inserts an IntSupplier where the counter's file was and changes the counter: the running
                // Hud$1, and the counter made at start, take the changed counter, the one Runnable left.
                new VersionWalk.Step("v7 inserts another kind and changes the class after it", child -> {
                    assertContains(child.install("v7"), "[reload] ", "anonymous class added: " + hud + "$2",
                            hud + "$1 (run, continues as the file " + hud + "$3)");
                    assertEquals(List.of("counted 173 by " + hud + "$1", "hello at 173 by " + hud + "$8",
                            "ticked 173 by " + hud + "$2"), child.call("step"), child::transcript);
                    assertEquals(List.of("counted 273 by " + hud + "$1"), child.call("early"), child::transcript);
                }),
                // The undo, the file Hud$3 left behind: the counter's code is back in the file Hud$2, which the running
                // ticker Hud$2 took its versions from; the running Hud$1 takes it, and the ticker keeps its code.
                new VersionWalk.Step("v8 undoes it", child -> {
                    assertContains(child.install("v8"), "[reload] ",
                            hud + "$1 (run, continues as the file " + hud + "$2)");
                    assertEquals(List.of("counted 283 by " + hud + "$1", "hello at 283 by " + hud + "$8"),
                            child.call("step"), child::transcript);
                    assertEquals(List.of("counted 293 by " + hud + "$1"), child.call("early"), child::transcript);
                })));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jdksAndCompilers")
    void lambdasInsertedBeforeOthersKeepEarlierObjectsOnTheirBodies(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "structural-lambdas", "fixture.lambdas.Main")) {
            assertEquals(List.of("b1 | early=first 1"), child.call("step"), child::transcript);
            assertContains(child.install("v2"), "[reload] ", "lambda added in ");
            assertEquals(List.of("a1b1 | early=first 1"), child.call("step"), child::transcript);
            assertContains(child.install("v3"), "[reload] ");
            assertEquals(List.of("A1b1 | early=first 1"), child.call("step"), child::transcript);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jdksAndShapes")
    void membersAddedToASuperclassWorkWhenNamedThroughSubclasses(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "structural-inherited",
                "fixture.inherited.Main")) {
            assertEquals(List.of("enemy 0 | enemy 0"), child.call("step"), child::transcript);
            assertContains(child.install("v2"), "[reload] 3 classes in ", "method added: int heal(int)",
                    "field added: int hp");
            assertEquals(List.of("enemy 0 healed to 5 kind1 | enemy 0 healed to 5 kind2 | boss hp 5 heals to 6"),
                    child.call("step"), child::transcript);
            // A subclass new in this version loads after the reload and uses the added members as its own; another
            // declares its own heal(), which calls through Entity reach though no reload overrode Entity's.
            assertContains(child.install("v3"), "[reload] 1 class in ", "fixture.inherited.Main (step)");
            assertEquals(List.of("enemy 0 healed to 10 kind3 | enemy 0 healed to 11 kind4 | minion 2/2 | grunt 1000"),
                    child.call("step"), child::transcript);

            // Enemy overrides heal(), which a reload added to Entity, calling super.heal(): calls through Entity and
            // through Enemy reach it, for Enemy, Boss (no heal of its own) and Minion (loaded after v2).
            assertContains(child.install("v4"), "[reload] 2 classes in ", "method added: int heal(int) (overrides"
                    + " fixture.inherited.Entity.heal(int), which a reload added; calls through Entity reach it)");
            assertEquals(List.of("enemy 0 healed to 20 kind5 | enemy 0 healed to 21 kind6 | minion 4/4"
                    + " | through Entity 22 23"), child.call("step"), child::transcript);

            // A second edit of Enemy's override; Boss, a grandchild, overrides it in turn with super.heal(); Grunt,
            // loaded after the edit, declares heal() itself; Enemy adds armor(), which Entity does not have.
            assertContains(child.install("v5"), "[reload] 3 classes in ", "fixture.inherited.Boss (", "method added:"
                    + " int heal(int) (overrides fixture.inherited.Entity.heal(int), which a reload added; calls"
                    + " through Entity reach it)");
            assertEquals(List.of("enemy 0 healed to 37 kind7 | enemy 0 healed to 138 kind8 | minion 6/6"
                    + " | through Entity 40 141 1000"), child.call("step"), child::transcript);

            // The reverse order: Entity adds armor(), which a reload added to Enemy before; Enemy's overrides it.
            assertContains(child.install("v6"), "[reload] 2 classes in ", "method added: int armor()");
            assertEquals(List.of("enemy 0 healed to 55 kind9 | enemy 0 healed to 156 kind10 | minion 6/6"
                    + " | through Entity 58 159 1000 | armor 7 7 1"), child.call("step"), child::transcript);

            // Both overrides of heal() removed again: calls through Entity and Enemy reach Entity's version. Entity
            // and Boss add title() in the same save, Boss's overriding Entity's.
            assertContains(child.install("v7"), "[reload] 4 classes in ", "method removed: int heal(int); code from"
                    + " before that still calls it runs its last version", "method added: String title() (overrides"
                    + " fixture.inherited.Entity.title(), which a reload added; calls through Entity reach it)");
            assertEquals(List.of("enemy 0 healed to 63 kind11 | enemy 0 healed to 64 kind12 | minion 2/2"
                    + " | through Entity 64 65 1000 | armor 7 7 1 | title entity, boss of entity"), child.call("step"),
                    child::transcript);

            // Entity adds badge(), which a reload added to Enemy (v5) and a later one removed (v7): no version of
            // Enemy that runs declares it, so calls through Entity reach Entity's, not Enemy's last body; Elite, new
            // below Enemy, declares its own, which they reach: Main's new code names Elite, so it loads while the JVM
            // checks that code, inside the redefinition, before the batch took.
            assertContains(child.install("v8"), "[reload] 2 classes in ", "method added: String badge()");
            assertEquals(List.of("enemy 0 healed to 69 kind13 | enemy 0 healed to 70 kind14 | minion 2/2"
                    + " | through Entity 70 71 1000 | armor 7 7 1 | title entity, boss of entity | badge entity,"
                    + " entity, elite"), child.call("step"), child::transcript);
            // Enemy adds it again, now an override of Entity's, which Boss inherits and Elite's overrides in turn.
            assertContains(child.install("v9"), "[reload] 1 class in ", "method added: String badge() (overrides"
                    + " fixture.inherited.Entity.badge(), which a reload added; calls through Entity reach it)");
            assertEquals(List.of("enemy 0 healed to 75 kind15 | enemy 0 healed to 76 kind16 | minion 2/2"
                    + " | through Entity 76 77 1000 | armor 7 7 1 | title entity, boss of entity | badge enemy of"
                    + " entity, enemy of entity, elite"), child.call("step"), child::transcript);
            // Guard, new, loads the same way, while the batch adding shield and shielded() to Entity is checked,
            // and uses both as its own.
            assertContains(child.install("v10"), "[reload] 2 classes in ", "field added: int shield",
                    "method added: int shielded(int)");
            assertEquals(List.of("enemy 0 healed to 81 kind17 | enemy 0 healed to 82 kind18 | minion 2/2"
                    + " | through Entity 82 83 1000 | armor 7 7 1 | title entity, boss of entity | badge enemy of"
                    + " entity, enemy of entity, elite | guard 3/3"), child.call("step"), child::transcript);

            // Scout, new, declares rank(), which no other class has; then Entity adds it: calls through Entity
            // reach Scout's for a Scout, loaded before the reload.
            assertContains(child.install("v11"), "[reload] 1 class in ", "fixture.inherited.Main (step)");
            assertEquals(List.of("enemy 0 healed to 87 kind19 | enemy 0 healed to 88 kind20 | minion 2/2"
                    + " | through Entity 88 89 1000 | armor 7 7 1 | title entity, boss of entity | badge enemy of"
                    + " entity, enemy of entity, elite | guard 3/3 | rank scout"), child.call("step"), child::transcript);
            assertContains(child.install("v12"), "[reload] 2 classes in ", "method added: String rank()");
            assertEquals(List.of("enemy 0 healed to 93 kind21 | enemy 0 healed to 94 kind22 | minion 2/2"
                    + " | through Entity 94 95 1000 | armor 7 7 1 | title entity, boss of entity | badge enemy of"
                    + " entity, enemy of entity, elite | guard 3/3 | rank entity, scout"), child.call("step"),
                    child::transcript);

            // Abstract Monster inherits render() abstract from Unit and glyph() from Drawable; Ogre and Troll, made
            // now, have their own.
            String unchanged = " | armor 7 7 1 | title entity, boss of entity | badge enemy of entity, enemy of entity,"
                    + " elite | guard 3/3 | rank entity, scout | horde ";
            assertContains(child.install("v13"), "[reload] 1 class in ", "fixture.inherited.Main (step)");
            assertEquals(List.of("enemy 0 healed to 99 kind23 | enemy 0 healed to 100 kind24 | minion 2/2 | through"
                    + " Entity 100 101 1000" + unchanged + "ogre/O,ogre,O troll/T,troll,T"), child.call("step"),
                    child::transcript);
            // Monster implements both: Ogre and Troll keep their own through Unit, Drawable and Monster, Ogre's now
            // calling super.render(); Imp, loaded after the edit, has neither and runs Monster's, also named
            // through Imp; Goblin, loaded below Horned (abstract, loaded after it), calls super.render() through it.
            assertContains(child.install("v14"), "[reload] 3 classes in ", "method added: String render()"
                    + " (implements fixture.inherited.Unit.render(); classes loaded later without their own run it)",
                    "method added: String glyph() (implements fixture.inherited.Drawable.glyph(); classes loaded"
                    + " later without their own run it)");
            assertEquals(List.of("enemy 0 healed to 105 kind25 | enemy 0 healed to 106 kind26 | minion 2/2 | through"
                    + " Entity 106 107 1000" + unchanged + "ogre on monster/O,ogre on monster,O troll/T,troll,T"
                    + " monster/M,monster,M goblin on monster/M,goblin on monster,M imp monsterM"), child.call("step"),
                    child::transcript);
            // A second edit of both; Troll's glyph() now calls super.glyph(); Imp, saved again still without
            // either, keeps the ones it was given as it loaded.
            assertContains(child.install("v15"), "[reload] 3 classes in ", "fixture.inherited.Monster (render,"
                    + " glyph)", "fixture.inherited.Imp (own, method removed: String render()");
            assertEquals(List.of("enemy 0 healed to 111 kind27 | enemy 0 healed to 112 kind28 | minion 2/2 | through"
                    + " Entity 112 113 1000" + unchanged + "ogre on beast/O,ogre on beast,O troll/TB,troll,TB"
                    + " beast/B,beast,B goblin on beast/B,goblin on beast,B imp beastB!"), child.call("step"),
                    child::transcript);
            // Undone, Imp and Goblin gone from the build: their objects made before run Monster's last bodies.
            assertContains(child.installReplacing("v16"), "[reload] 4 classes in ", "method removed: String"
                    + " render(); code from before that still calls it runs its last version");
            assertEquals(List.of("enemy 0 healed to 117 kind29 | enemy 0 healed to 118 kind30 | minion 2/2 | through"
                    + " Entity 118 119 1000" + unchanged + "ogre/O,ogre,O troll/T,troll,T beast/B,beast,B goblin on"
                    + " beast/B,goblin on beast,B"), child.call("step"), child::transcript);
            genericSupertypesGainImplementationsAndOverridesThroughBridges(child, compiler, unchanged
                    + "ogre/O,ogre,O troll/T,troll,T beast/B,beast,B goblin on beast/B,goblin on beast,B | legion ");

            // Enemy adds mend(int) and cheer(), which Entity does not have; then Boss overrides both, calling Enemy's.
            // The generic hierarchies go on as v20 left them.
            IntFunction<String> before = frame -> earlier(frame + 4, unchanged + "ogre/O,ogre,O troll/T,troll,T"
                    + " beast/B,beast,B goblin on beast/B,goblin on beast,B | legion ") + "show(orc a),orc p,Otoc"
                    + " show(beast a),beast p,Btoc show(sprite on beast a),sprite on beast p,Btoc | vessel vessel | mend ";
            String cheered = " | cheer enemy! boss+enemy! boss+enemy! enemy!";
            assertContains(child.install("v21"), "[reload] 2 classes in ", "method added: String mend(int)",
                    "method added: String cheer()");
            assertEquals(List.of(before.apply(1) + "enemy1 enemy2 enemy3 enemy4 | cheer enemy! enemy! enemy! enemy!"),
                    child.call("step"), child::transcript);
            assertContains(child.install("v22"), "[reload] 1 class in ", "method added: String mend(int) (overrides"
                    + " fixture.inherited.Enemy.mend(int), which a reload added; calls through Enemy reach it)");
            assertEquals(List.of(before.apply(2) + "enemy1 boss(enemy2) boss(enemy3) enemy4" + cheered),
                    child.call("step"), child::transcript);
            // The reverse order with Enemy's method dispatching already: Entity adds mend(int), and Enemy's dispatch,
            // with Boss's override and its super call, moves into Entity's. Calls through Entity, Enemy and Boss
            // reach each object's version; a lambda made now calls through Entity after the undo below.
            assertContains(child.install("v23"), "[reload] 2 classes in ", "method added: String mend(int)");
            assertEquals(List.of(before.apply(3) + "enemy1 boss(enemy2) boss(enemy3) enemy4 | entity5 enemy6"
                    + " boss(enemy7) enemy8 | entity9/boss(enemy9)" + cheered), child.call("step"), child::transcript);
            // A second edit of all three, Enemy's now calling Entity's; Brute, new, loads after and overrides it.
            // Entity adds cheer() in the same save as Enemy's, dispatching already, turns into its override.
            cheered = " | cheer enemy+entity! boss+enemy+entity! boss+enemy+entity! enemy+entity! entity!"
                    + " boss+enemy+entity! enemy+entity! enemy+entity!";
            assertContains(child.install("v24"), "[reload] 4 classes in ", "method added: String cheer()");
            assertEquals(List.of(before.apply(4) + "enemy(entity10) boss[enemy(entity20)] boss[enemy(entity30)]"
                    + " enemy(entity40) | entity50 enemy(entity60) boss[enemy(entity70)] enemy(entity80)"
                    + " | entity90/boss[enemy(entity90)] | brute/enemy(entity100) brute/enemy(entity110)" + cheered),
                    child.call("step"), child::transcript);
            // Undone: Entity's mend(int) removed, Enemy's edited again: the lambda made before runs Entity's last
            // body for an Entity; calls through Enemy and Boss reach the new versions.
            assertContains(child.install("v25"), "[reload] 3 classes in ", "method removed: String mend(int); code"
                    + " from before that still calls it runs its last version");
            assertEquals(List.of(before.apply(5) + "enemy{1} boss[enemy{2}] boss[enemy{3}] enemy{4}"
                    + " | entity90/boss[enemy{9}] | brute/enemy{10}" + cheered), child.call("step"), child::transcript);
        }
    }

    /**
     * The shapes above with generic supertypes, where an implementation or an override comes with the bridge the
     * compiler adds for the erasure ({@code Object pick(Object)} beside {@code String pick(String)}), which javac
     * also gives a subclass overriding again and ECJ does not.
     */
    private static void genericSupertypesGainImplementationsAndOverridesThroughBridges(StructuralChild child,
                                                                                       CompilerKind compiler,
                                                                                       String unchanged) {
        // Abstract Knave extends Pawn<String> implements Painted<String> and implements nothing; Orc has its own.
        assertContains(child.install("v17"), "[reload] 1 class in ", "fixture.inherited.Main (step)");
        assertEquals(List.of(earlier(1, unchanged) + "show(orc a) orc p Otoc | vessel"), child.call("step"),
                child::transcript);

        // Knave gains pick(String), tint(String) and their bridges, which implement Pawn's and Painted's erasures,
        // and overrides Painted's default methods; Wisp, loaded after the edit, has none of them and is named
        // through Wisp in the edit's own new code, and in Herald's, which loads before Wisp. Vessel<T> gains
        // fill(T), which Cup overrides in the same save.
        // ECJ compiles Orc again without its bridges, which Knave has now: they keep calling Orc's own methods.
        String v18 = child.install("v18");
        assertContains(v18, compiler == CompilerKind.ECJ ? "fixture.inherited.Orc (method removed: Object"
                + " pick(Object) (a bridge the compiler generates)" : "[reload] 4 classes in ");
        assertContains(v18, "method added: Object pick(Object) (a bridge"
                + " the compiler generates) (implements fixture.inherited.Pawn.pick(Object); classes loaded later"
                + " without their own run it)", "method added: Object fill(Object)");
        assertEquals(List.of(earlier(2, unchanged) + "show(orc a),orc p,Ot[knave o]knave-c,orc kOg show(knave a),"
                + "knave p,Kt[knave o]knave-c,knave kKg knave w knave h | vessel 2 5 j 4 9"), child.call("step"),
                child::transcript);

        // A second edit of each; Orc calls super.pick(s); Sprite, loaded after it, declares pick(String) itself
        // (with a bridge from javac only). Jar overrides Vessel's fill(T) with fill(String), Mug, a grandchild,
        // Cup's fill(Integer), both added by an earlier reload.
        assertContains(child.install("v19"), "[reload] 6 classes in ", "method added: Integer fill(Integer)"
                + " (overrides fixture.inherited.Cup.fill(Integer), which a reload added; calls through Cup reach it)");
        assertEquals(List.of(earlier(3, unchanged) + "show(orc on beast a),orc on beast p,Ot[beast o]beast-c,orc on"
                + " beast kOg show(beast a),beast p,Bt[beast o]beast-c,beast kBg show(sprite on beast a),sprite on"
                + " beast p,Bt[beast o]beast-c,sprite on beast kBg beast w sprite on beast s beast h | vessel 25 55"
                + " jar j 49000 99000"), child.call("step"), child::transcript);

        // Undone, Wisp, Sprite and Herald gone from the build: their objects made before run Knave's last bodies, and
        // Painted's default methods again.
        assertContains(child.installReplacing("v20"), "[reload] 7 classes in ", "method removed: Object pick(Object)"
                + " (a bridge the compiler generates); code from before that still calls it runs its last version");
        assertEquals(List.of(earlier(4, unchanged) + "show(orc a),orc p,Otoc show(beast a),beast p,Btoc"
                + " show(sprite on beast a),sprite on beast p,Btoc | vessel vessel"), child.call("step"),
                child::transcript);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jdksAndCompilers")
    void addedSynchronizedMethodsHoldTheMonitorTheirModifierMeans(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "structural-synchronized",
                "fixture.synced.Main")) {
            assertEquals(List.of("v1 1"), child.call("step"), child::transcript);
            assertContains(child.install("v2"), "[reload] 1 class in ", "fixture.synced.Counter (step, ",
                    "method added: boolean locked()", "method added: static String classLocked(int, long)",
                    "method added: void failing(int)");
            assertEquals(List.of("v2 2 held=true/true:4 threw 2 after=false/false"), child.call("step"),
                    child::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void methodModifiersChangedReloadAndCallsFromOtherClassesLink(Path jdk) {
        // clinit=none keeps v1's lambda in STALE_SCALE, whose initializer v2 changes, to call the old scale().
        try (StructuralChild child = StructuralChild.start(jdk, work, "modifiers-changed", "fixture.modifiers.Main",
                "clinit=none")) {
            assertEquals(List.of("hud 1 x2 t title"), child.call("step"), child::transcript);

            // label() turns public for Main, scale() turns instance, tag() narrows, title() loses final, draw()
            // turns synchronized.
            assertContains(child.install("v2"), "[reload] 2 classes in ",
                    "method modifiers changed: label(): private → public",
                    "method modifiers changed: scale(): public static → public",
                    "method modifiers changed: draw(): public → public synchronized");
            assertEquals(List.of("HUD 2 x5 T Title held true | HUD 2"), child.call("step"), child::transcript);
            // A lambda made by v1 still calls scale() as the static method it was: its last body runs.
            assertEquals(List.of("stale scale 2"), child.call("stale"), child::transcript);

            // Edited again; scale() turns static again and takes its running declaration back.
            assertContains(child.install("v3"), "[reload] 1 class in ");
            assertEquals(List.of("Hud 3 x4 t3 Title3 held true | Hud 3"), child.call("step"), child::transcript);
            assertEquals(List.of("stale scale 4"), child.call("stale"), child::transcript);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jdksAndShapes")
    void aProtectedOrPackageMethodMadePublicIsCalledFromAnotherPackageAndReachesOverrides(Path jdk,
                                                                                         CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "method-widened",
                "fixture.widened.Main")) {
            // Minion, in another package, declares bonus() too, which Entity's package access keeps from overriding.
            assertEquals(List.of("entity 1 entity 10 entity 1 bonus 1 bonus 1"), child.call("step"), child::transcript);

            // Entity.score() and Boss's override turn public; Main, in another package, calls them on objects made
            // before, through Entity and through the subclass Enemy, and so does Scores, which loads afterwards.
            // Entity.bonus() turns public from package access: Minion's, made before, now overrides it and calls
            // super.bonus(), and so does Elite's, a class new in this version, which Main's new code names, so it
            // loads while the JVM checks that code; Entity's own calls reach them.
            String widened = child.install("v2");
            assertContains(widened, "[reload] ", "method modifiers changed: score(): protected → public",
                    "method modifiers changed: bonus(): package-private → public");
            assertEquals(List.of("2 20 2 entity 20 total 24", "bonus 3 bonus 23 bonus 103 23 3 bonus 3"),
                    child.call("step"), child::transcript);

            // Grunt, in another package, gains bonus(), which its reload adds: an override of the widened one.
            assertContains(child.install("v3"), "[reload] ");
            assertEquals(List.of("3 30 3 entity 30 total 36", "bonus 4 bonus 24 bonus 104 24 4 bonus 54"),
                    child.call("step"), child::transcript);

            // bonus() made static: a removal and an addition; the overrides go, the instance method stays for code
            // from before: a lambda v3 made, which calls it as an instance method, first called now, links to its
            // last body (Minion's, in another package, overrides the package-access method as it runs no more).
            assertContains(child.install("v4"), "[reload] ");
            assertEquals(List.of("3 30 3 entity 30 total 36", "bonus 9 bonus 9 bonus 9 9 bonus 9 later 4 4"),
                    child.call("step"), child::transcript);

            // Undone: protected and package access again, which is what the running declarations kept; Minion's
            // bonus() overrides nothing again, nor does Grunt's, added by a reload and dropped while bonus() was
            // static. The lambda's call, of an instance method again, reaches its new body.
            assertContains(child.install("v5"), "[reload] ");
            assertEquals(List.of("entity 1 entity 10 entity 1 bonus 1 bonus 1", "later 1 1"), child.call("step"),
                    child::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void refusedEditsNameClassMemberAndReasonTheOldCodeKeepsRunningAndTheNextGoodEditApplies(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, "structural-refusals", "fixture.refusals.Main")) {
            assertEquals(List.of("score 0"), child.call("step"), child::transcript);
            assertEquals("[reload] refused, nothing was changed: fixture.refusals.Player: field int score — its"
                    + " modifiers changed; restart to apply", child.install("v2"));
            assertEquals(List.of("score 0"), child.call("step"), child::transcript);

            assertEquals("[reload] refused, nothing was changed: fixture.refusals.Player: method added: toString() — it"
                    + " overrides java.lang.Object.toString(), declared in a class the agent does not watch (the JDK's"
                    + " or a library's), whose calls cannot be made to reach a method added on a running JVM; restart"
                    + " to apply", child.install("v3"));
            assertEquals(List.of("score 0"), child.call("step"), child::transcript);
            assertEquals("[reload] refused, nothing was changed: fixture.refusals.Player: constructor Player() — it"
                    + " calls the constructor Player(int) that a reload added on an object under construction (this(...)"
                    + " or super(...)), which the JVM allows only for constructors the class had when it loaded;"
                    + " restart to apply", child.install("v4"));
            assertEquals(List.of("score 0"), child.call("step"), child::transcript);

            assertTrue(child.install("v5").startsWith("[reload] 1 class in "), child::transcript);
            assertEquals(List.of("score 5"), child.call("step"), child::transcript);
        }
    }

    /**
     * {@return every test JDK with every compiler}: the compilers name lambdas and keep enum switch
     * tables differently, and the agent must follow each.
     */
    static Stream<Arguments> jdksAndCompilers() {
        return Jdks.stream().flatMap(jdk -> CompilerKind.forJava().stream()
                .map(compiler -> Arguments.of(Named.of(Jdks.label(jdk), jdk), compiler)));
    }

    /**
     * {@return each JDK with javac 17 and ECJ}: the two class-file shapes an edit's mechanism depends on, for the
     * tests whose subject does not depend on how javac 25 names lambdas (the cases here run javac 25 too); keeps
     * the whole test run short
     */
    static Stream<Arguments> jdksAndShapes() {
        return Jdks.stream().flatMap(jdk -> Stream.of(CompilerKind.JAVAC, CompilerKind.ECJ)
                .map(compiler -> Arguments.of(Named.of(Jdks.label(jdk), jdk), compiler)));
    }

    /**
     * {@return the start of Main's line at the n-th version after v16, where the hierarchies before the generic
     * ones go on as v16 left them: each step acts twice and heals through Entity}
     */
    private static String earlier(int versionsAfter16, String unchanged) {
        int healed = 117 + 6 * versionsAfter16;
        int kind = 29 + 2 * versionsAfter16;
        return "enemy 0 healed to " + healed + " kind" + kind + " | enemy 0 healed to " + (healed + 1) + " kind"
                + (kind + 1) + " | minion 2/2 | through Entity " + (healed + 1) + " " + (healed + 2) + " 1000"
                + unchanged;
    }

    static void assertContains(String line, String... parts) {
        for (String part : parts) {
            assertTrue(line.contains(part), "expected «" + part + "» in: " + line);
        }
    }
}
