package dev.reload.patcher.diff;

import dev.reload.fixtures.harness.CompilerKind;

/**
 * Prints what the diff says about fixture cases under each compiler, to review before writing an
 * {@code expected.txt}: {@code java ... FixtureDump CASE...}. Not a test.
 */
final class FixtureDump {
    private FixtureDump() {
    }

    public static void main(String[] args) throws Exception {
        for (String fixtureCase : args) {
            for (CompilerKind compiler : CompilerKind.forJava()) {
                if (compiler.unavailableBecause().isEmpty()) {
                    System.out.println("== " + fixtureCase + " (" + compiler.label() + ")");
                    System.out.print(FixtureVerdictTest.judge(fixtureCase, compiler));
                }
            }
        }
    }
}
