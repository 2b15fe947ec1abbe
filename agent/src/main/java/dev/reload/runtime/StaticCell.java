package dev.reload.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.SwitchPoint;

/**
 * One added static field: its value, which keeps its type's variable ({@link FieldValue}), and whether its
 * initializer ran. A field added with an initializer is given it before the reload that adds it applies
 * ({@link #initializeOnFirstAccess}): the first access runs it, as the JVM initializes a class at its first use, so
 * no thread running the new code reads the field before it has its value; a retyped field is given, the same way, the
 * running field's value as it is then ({@link #startFromRunningValue}). Thread-safe.
 */
final class StaticCell {
    final FieldValue value = new FieldValue();
    private boolean initializerClaimed;
    /** The initializer the first access runs, or null; volatile, as linking reads it without the cell's lock. */
    private volatile MethodHandle pending;
    /** Valid while {@link #pending} waits; the accesses linked meanwhile run it first, and go straight once it ran. */
    private volatile SwitchPoint whilePending;
    /** What the initializer threw on a thread of the program, for the agent to report; null when nothing did. */
    private Throwable thrownOnAccess;
    private boolean initializing;
    /** True while {@link #pending} gives a retyped field its running value: no initializer claims the field. */
    private boolean pendingKeepsRunningValue;

    /**
     * {@return true the first time only: the field's initializer runs once, for the reload that adds it} The one the
     * first access was to run no longer waits: whoever claims gives the field its value (a changed static
     * initializer's run, a retyped field's running value), which no later access may overwrite.
     */
    synchronized boolean claimInitializer() {
        if (pendingKeepsRunningValue) {
            return false; // the running value is the field's value, read once the reload applied
        }
        boolean first = !initializerClaimed;
        initializerClaimed = true;
        forgetPending();
        return first;
    }

    /**
     * Makes the first access, or the agent's run of the reload's initializers, give a retyped field the running
     * field's value, read then, in place of the field's initializer; unless the field was given its value already.
     *
     * @param copy {@code ()void}, reading the running field and setting this one
     */
    synchronized void startFromRunningValue(MethodHandle copy) {
        if (initializerClaimed) {
            return;
        }
        forgetPending();
        whilePending = new SwitchPoint();
        pending = copy;
        pendingKeepsRunningValue = true;
    }

    /** {@return true when no initializer or running value waits for the first access: the field holds its value} */
    synchronized boolean holdsItsValue() {
        return pending == null;
    }

    /** Makes the first access run the initializer, unless one ran for this field already or is waiting. */
    synchronized void initializeOnFirstAccess(MethodHandle initializer) {
        if (!initializerClaimed && pending == null) {
            whilePending = new SwitchPoint();
            pending = initializer;
        }
    }

    /** Forgets an initializer waiting for the first access: the reload that would have used it was not applied. */
    synchronized void forgetPending() {
        pendingKeepsRunningValue = false;
        if (pending != null) {
            pending = null;
            SwitchPoint.invalidateAll(new SwitchPoint[] {whilePending});
        }
    }

    /**
     * {@return the guard of the accesses linked while the initializer waits or runs, or null when none does}: not under
     * the cell's lock, which the initializer holds while it runs, and links the accesses of its own code
     */
    SwitchPoint whilePending() {
        SwitchPoint guard = whilePending;
        return pending == null ? null : guard;
    }

    /**
     * Runs the waiting initializer at an access on a thread of the program; what it throws is kept for the agent to
     * report, and never reaches the program: the field keeps its default value, as the agent's own run leaves it.
     */
    void initializeAtAccess() {
        Throwable thrown = runPending();
        if (thrown != null) {
            synchronized (this) {
                thrownOnAccess = thrown;
            }
        }
    }

    /**
     * Runs the field's initializer now unless it ran, for the agent once the reload applied: the one waiting for the
     * first access, else {@code initializer}, the first time only. {@return what it threw, here or at an access
     * before; null when it ran without throwing, or did not run}
     */
    synchronized Throwable initialize(MethodHandle initializer) {
        if (pending == null && !initializerClaimed) {
            pending = initializer;
        }
        Throwable thrown = runPending();
        if (thrown == null && thrownOnAccess != null) {
            thrown = thrownOnAccess;
            thrownOnAccess = null;
        }
        return thrown;
    }

    /**
     * Runs the waiting initializer once, holding the cell: another thread's access waits for its value, as for a
     * class being initialized, and an access from the initializer itself reads the field as it is.
     */
    private synchronized Throwable runPending() {
        if (pending == null || initializing) {
            return null;
        }
        initializerClaimed = true;
        initializing = true;
        try {
            pending.invokeExact();
            return null;
        } catch (Throwable e) {
            return e;
        } finally {
            initializing = false;
            pendingKeepsRunningValue = false;
            pending = null;
            if (whilePending != null) {
                SwitchPoint.invalidateAll(new SwitchPoint[] {whilePending});
            }
        }
    }
}
