package dev.reload.agent.index;

import java.util.ArrayList;
import java.util.List;

/**
 * One class loader's captured classes, found by internal name: an open-addressing table of the classes themselves,
 * which know their names, so that no map entry and no name is kept for each beside what the class keeps. A program
 * has thousands of classes and looks few of them up, mostly at a save. Thread-safe: class loading threads add, the
 * reload thread reads.
 */
final class CapturedClasses {
    private CapturedClass[] slots = new CapturedClass[16];
    private int size;

    /** Adds a class, or replaces the one of the same name. */
    synchronized void put(CapturedClass captured) {
        String name = captured.internalName();
        int slot = slotOf(slots, captured.nameHash());
        for (CapturedClass there; (there = slots[slot]) != null; slot = next(slots, slot)) {
            if (there.hasName(name)) {
                slots[slot] = captured;
                return;
            }
        }
        slots[slot] = captured;
        if (++size * 4 > slots.length * 3) {
            grow();
        }
    }

    /** {@return the class of that internal name, or null} */
    synchronized CapturedClass get(String internalName) {
        for (int slot = slotOf(slots, internalName.hashCode()); slots[slot] != null; slot = next(slots, slot)) {
            if (slots[slot].hasName(internalName)) {
                return slots[slot];
            }
        }
        return null;
    }

    /** {@return every class, in no order, a copy} */
    synchronized List<CapturedClass> all() {
        List<CapturedClass> all = new ArrayList<>(size);
        for (CapturedClass captured : slots) {
            if (captured != null) {
                all.add(captured);
            }
        }
        return all;
    }

    synchronized int size() {
        return size;
    }

    private void grow() {
        CapturedClass[] grown = new CapturedClass[slots.length * 2];
        for (CapturedClass captured : slots) {
            if (captured != null) {
                int slot = slotOf(grown, captured.nameHash());
                while (grown[slot] != null) {
                    slot = next(grown, slot);
                }
                grown[slot] = captured;
            }
        }
        slots = grown;
    }

    private static int slotOf(CapturedClass[] slots, int hash) {
        return (hash ^ (hash >>> 16)) & (slots.length - 1);
    }

    private static int next(CapturedClass[] slots, int slot) {
        return (slot + 1) & (slots.length - 1);
    }
}
