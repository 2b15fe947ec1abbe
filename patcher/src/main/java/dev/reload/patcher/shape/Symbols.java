package dev.reload.patcher.shape;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The names and descriptors of every shape, each stored once, as the JVM keeps its own symbols: the
 * characters in shared pages, a string named by an int id. A shape holds ids instead of {@link String}s,
 * which saves the 40 bytes of object headers each string would cost, and makes the strings of every
 * shape in a program cost their characters only once.
 *
 * <p>The table only grows, like the JVM's symbol table: the names a program's classes use are a bounded
 * set, and a new version of a class brings only its new names. Adding is synchronized; reading an id's
 * string needs no lock, since whoever holds an id got it after the string was stored.
 *
 * <p>A name that ends in {@code $} and a small number ({@code Hud$3}: anonymous classes, switch maps, the spare
 * nest members the agent lists for every class it prepares, numbered lambdas) is not stored at all: its id is
 * made from its prefix's id and the number. Every class would otherwise add eight names of its own.
 */
final class Symbols {
    /** The table every shape uses. */
    static final Symbols TABLE = new Symbols();

    private static final int PAGE_SIZE = 1 << 16;
    private static final int OFFSET_BITS = 17;
    private static final int LENGTH_BITS = 17;
    private static final long FIELD_MASK = (1L << 17) - 1;
    /** Ids from here on are numbered names: the number above {@link #PREFIX_BITS}, the prefix's id below. */
    private static final int NUMBERED = 1 << 30;
    private static final int PREFIX_BITS = 21;
    private static final int MAX_PREFIX_ID = (1 << PREFIX_BITS) - 1;
    private static final int MAX_NUMBER = 255;

    /** Pages of string bytes (Latin-1, or UTF-16 for strings that need it); never moved once written. */
    private volatile byte[][] pages = new byte[4][];
    private int pageCount;
    private int pageUsed = PAGE_SIZE;
    /** For each id: page, offset, byte length and a UTF-16 flag, packed. */
    private volatile long[] entries = new long[1024];
    private int size;
    /** Open-addressing table of id + 1 (0 = free slot). */
    private int[] slots = new int[2048];

    /**
     * {@return the id of a string, adding it when it is new}
     *
     * @param text never null
     */
    synchronized int intern(String text) {
        int dollar = numberedSuffixAt(text);
        if (dollar > 0) {
            int prefix = intern(text.substring(0, dollar));
            if (prefix <= MAX_PREFIX_ID) {
                return numberedId(prefix, text, dollar);
            }
        }
        int slot = slotOf(text);
        int id = slots[slot] - 1;
        return id >= 0 ? id : added(slot, text);
    }

    /** {@return the id of a new string, stored and put in the free slot {@code slot}} */
    private int added(int slot, String text) {
        int id = add(text);
        slots[slot] = id + 1;
        if (size * 4 > slots.length * 3) {
            rehash();
        }
        return id;
    }

    /**
     * {@return the id of the string that ASCII bytes spell, adding it when it is new, as {@link #intern(String)} would}:
     * the string is made only when the table does not have it yet, so reading a class whose names the table holds
     * (every class of a program after its first) makes none
     *
     * @param bytes holds the string's bytes, each below 0x80; never null
     * @param start where they start
     * @param length how many there are
     */
    synchronized int internAscii(byte[] bytes, int start, int length) {
        return ascii(bytes, start, length, true);
    }

    /** {@return the id of the string that ASCII bytes spell, or -1 when no shape uses it}, as {@link #find} */
    synchronized int findAscii(byte[] bytes, int start, int length) {
        return ascii(bytes, start, length, false);
    }

    private int ascii(byte[] bytes, int start, int length, boolean adding) {
        int dollar = numberedSuffixAt(bytes, start, length);
        if (dollar > 0) {
            int prefix = ascii(bytes, start, dollar, adding);
            if (prefix < 0) {
                return -1;
            }
            if (prefix <= MAX_PREFIX_ID) {
                int number = 0;
                for (int i = start + dollar + 1; i < start + length; i++) {
                    number = number * 10 + (bytes[i] - '0');
                }
                return NUMBERED | number << PREFIX_BITS | prefix;
            }
        }
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + bytes[i]; // String.hashCode of the Latin-1 string
        }
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (id >= 0 && matches(id, bytes, start, length)) {
                return id;
            }
            if (id < 0) {
                return adding ? added(slot, new String(bytes, start, length, StandardCharsets.ISO_8859_1)) : -1;
            }
        }
    }

    /** {@return where the {@code $} of a numbered name spelled in ASCII bytes is, relative to start, or -1} */
    private static int numberedSuffixAt(byte[] bytes, int start, int length) {
        int dollar = -1;
        for (int i = start + length - 1; i >= start; i--) {
            if (bytes[i] == '$') {
                dollar = i - start;
                break;
            }
        }
        int digits = length - dollar - 1;
        if (dollar <= 0 || digits < 1 || digits > 3 || bytes[start + dollar + 1] == '0') {
            return -1;
        }
        int number = 0;
        for (int i = start + dollar + 1; i < start + length; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return -1;
            }
            number = number * 10 + (bytes[i] - '0');
        }
        return number <= MAX_NUMBER ? dollar : -1;
    }

    /**
     * {@return the id of a string, or -1 when no shape uses it}
     *
     * @param text never null
     */
    synchronized int find(String text) {
        int dollar = numberedSuffixAt(text);
        if (dollar > 0) {
            int prefix = find(text.substring(0, dollar));
            if (prefix < 0) {
                return -1;
            }
            if (prefix <= MAX_PREFIX_ID) {
                return numberedId(prefix, text, dollar);
            }
        }
        return slots[slotOf(text)] - 1;
    }

    /**
     * {@return where the {@code $} of a numbered name is, or -1 when the name is not one}: a prefix, {@code $}, then
     * 1 to {@value #MAX_NUMBER} without a leading zero, so that one string has one spelling
     */
    private static int numberedSuffixAt(String text) {
        int dollar = text.lastIndexOf('$');
        int digits = text.length() - dollar - 1;
        if (dollar <= 0 || digits < 1 || digits > 3 || text.charAt(dollar + 1) == '0') {
            return -1;
        }
        int number = 0;
        for (int i = dollar + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number <= MAX_NUMBER ? dollar : -1;
    }

    private static int numberedId(int prefix, String text, int dollar) {
        return NUMBERED | Integer.parseInt(text, dollar + 1, text.length(), 10) << PREFIX_BITS | prefix;
    }

    /** {@return the slot that holds the string's id, or the free slot where it would go} */
    private int slotOf(String text) {
        int mask = slots.length - 1;
        for (int slot = spread(text.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (id < 0 || matches(id, text)) {
                return slot;
            }
        }
    }

    /** {@return the string of an id that {@link #intern} returned} */
    String string(int id) {
        if (id >= NUMBERED) {
            return string(id & MAX_PREFIX_ID) + '$' + ((id >>> PREFIX_BITS) & MAX_NUMBER);
        }
        long entry = entries[id];
        byte[] page = pages[(int) (entry >>> (OFFSET_BITS + LENGTH_BITS + 1))];
        int offset = (int) ((entry >>> (LENGTH_BITS + 1)) & FIELD_MASK);
        int length = (int) ((entry >>> 1) & FIELD_MASK);
        return new String(page, offset, length,
                (entry & 1) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16BE);
    }

    private int add(String text) {
        boolean latin1 = isLatin1(text);
        byte[] bytes = text.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16BE);
        int page = place(bytes.length);
        System.arraycopy(bytes, 0, pages[page], pageUsed, bytes.length);
        long entry = ((long) page << (OFFSET_BITS + LENGTH_BITS + 1)) | ((long) pageUsed << (LENGTH_BITS + 1))
                | ((long) bytes.length << 1) | (latin1 ? 0 : 1);
        pageUsed += bytes.length;
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        entries[size] = entry;
        return size++;
    }

    /** {@return the page that has room for {@code length} more bytes at {@code pageUsed}, opening one if needed} */
    private int place(int length) {
        if (pageUsed + length <= PAGE_SIZE && pageCount > 0) {
            return pageCount - 1;
        }
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, pageCount * 2);
        }
        // A class file string is at most 65535 bytes of modified UTF-8, so at most 131070 in UTF-16:
        // such a string gets a page of its own.
        byte[][] grown = pages;
        grown[pageCount] = new byte[Math.max(PAGE_SIZE, length)];
        pages = grown;
        pageUsed = 0;
        return pageCount++;
    }

    /** Compares without making a string: most probes meet another string, and most differ in length. */
    private boolean matches(int id, String text) {
        long entry = entries[id];
        int length = (int) ((entry >>> 1) & FIELD_MASK);
        boolean latin1 = (entry & 1) == 0;
        if (length != (latin1 ? text.length() : 2 * text.length())) {
            return false;
        }
        byte[] page = pages[(int) (entry >>> (OFFSET_BITS + LENGTH_BITS + 1))];
        int offset = (int) ((entry >>> (LENGTH_BITS + 1)) & FIELD_MASK);
        for (int i = 0; i < text.length(); i++) {
            char c = latin1 ? (char) (page[offset + i] & 0xFF)
                    : (char) ((page[offset + 2 * i] & 0xFF) << 8 | (page[offset + 2 * i + 1] & 0xFF));
            if (c != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Compares an ASCII spelling without making a string. */
    private boolean matches(int id, byte[] bytes, int start, int length) {
        long entry = entries[id];
        if ((entry & 1) != 0 || (int) ((entry >>> 1) & FIELD_MASK) != length) {
            return false;
        }
        byte[] page = pages[(int) (entry >>> (OFFSET_BITS + LENGTH_BITS + 1))];
        int offset = (int) ((entry >>> (LENGTH_BITS + 1)) & FIELD_MASK);
        return Arrays.equals(page, offset, offset + length, bytes, start, start + length);
    }

    private void rehash() {
        int[] grown = new int[slots.length * 2];
        int mask = grown.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = spread(string(id).hashCode()) & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = id + 1;
        }
        slots = grown;
    }

    private static boolean isLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
