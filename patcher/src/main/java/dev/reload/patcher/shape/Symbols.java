package dev.reload.patcher.shape;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

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
 *
 * <p>A descriptor stores each class it names as the id of that class's name ({@code (Lgame/world/Tile;I)V} keeps
 * {@code (}, a token, {@code I)V}): in a real program's classes descriptors are most of the characters, made mostly
 * of the same few hundred class names, which the table holds anyway (measured on kotlin-stdlib and ECJ: four fifths
 * of the descriptors' bytes went).
 *
 * <p>An id is where its string starts in the pages, in units of {@value #GRAIN} bytes, and each string begins with
 * its length and flags: so the table keeps no array of entries beside the text, which in a program of large classes
 * (ECJ's: 20 new names a class) cost as much as a third of what the text did.
 */
final class Symbols {
    /** The table every shape uses. */
    static final Symbols TABLE = new Symbols();

    /**
     * Strings start at multiples of this many bytes: a token's id of 24 bits reaches 32 MB of text, a numbered name's
     * prefix 16 MB (ECJ's 768 classes take 0.3 MB), and a string wastes half a byte on average.
     */
    private static final int GRAIN = 2;
    private static final int GRAIN_SHIFT = 1;
    private static final int PAGE_BITS = 14;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    /** An id's bits below these say where in its page the string starts, the bits above which page. */
    private static final int ID_OFFSET_BITS = PAGE_BITS - GRAIN_SHIFT;
    private static final int ID_OFFSET_MASK = (1 << ID_OFFSET_BITS) - 1;
    private static final int OFFSET_BITS = 17;
    private static final int LENGTH_BITS = 17;
    private static final long FIELD_MASK = (1L << 17) - 1;
    /** An entry's lowest bits: its bytes are UTF-16, or they hold class-name tokens. */
    private static final long UTF_16 = 1;
    private static final long TOKENS = 2;
    private static final int LENGTH_SHIFT = 2;
    private static final int OFFSET_SHIFT = LENGTH_SHIFT + LENGTH_BITS;
    private static final int PAGE_SHIFT = OFFSET_SHIFT + OFFSET_BITS;
    /**
     * In a descriptor's bytes, stands for {@code L}, the class name whose id the next three bytes hold, and
     * {@code ;}. Never a character of a tokenized descriptor, whose characters are all printable ASCII.
     */
    private static final byte TOKEN = 1;
    private static final int TOKEN_LENGTH = 4;
    private static final int MAX_TOKEN_ID = (1 << 24) - 1;
    /** Ids from here on are numbered names: the number above {@link #PREFIX_BITS}, the prefix's id below. */
    private static final int NUMBERED = 1 << 30;
    private static final int PREFIX_BITS = 23;
    private static final int MAX_PREFIX_ID = (1 << PREFIX_BITS) - 1;
    private static final int MAX_NUMBER = 127;

    /**
     * Pages of strings, each its length and flags as a varint, then its bytes (Latin-1, UTF-16 for strings that need
     * it, or a tokenized descriptor); never moved once written. A string longer than a page has a page of its own.
     */
    private volatile byte[][] pages = new byte[4][];
    private int pageCount;
    private int pageUsed = PAGE_SIZE;
    /** The bytes every string stored takes in the pages, not counting its length, flags and alignment. */
    private long storedBytes;
    /** How many strings are stored. */
    private int size;
    /**
     * Open-addressing table of id + 1 (0 = free slot). It grows by half when three quarters full, so that between
     * growths it is half to three quarters full (doubling would leave it a third to three quarters).
     */
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

    /** {@return the id of a new string, stored and put in the free slot {@code slot}, or where it is now} */
    private int added(int slot, String text) {
        byte[] tokens = tokens(text);
        int id;
        if (tokens == null) {
            id = add(text);
        } else {
            slot = slotOf(text); // interning the names the descriptor holds may have grown the slots
            id = addBytes(tokens, TOKENS);
        }
        slots[slot] = id + 1;
        if (size * 4L > slots.length * 3L) {
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
        for (int slot = firstSlot(hash, slots.length); ; slot = nextSlot(slot, slots.length)) {
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
        for (int slot = firstSlot(text.hashCode(), slots.length); ; slot = nextSlot(slot, slots.length)) {
            int id = slots[slot] - 1;
            if (id < 0 || matches(id, text)) {
                return slot;
            }
        }
    }

    /** {@return the bytes the stored strings take, page space left over not counted} */
    synchronized long storedBytes() {
        return storedBytes;
    }

    /** {@return the string of an id that {@link #intern} returned} */
    String string(int id) {
        if (id >= NUMBERED) {
            return string(id & MAX_PREFIX_ID) + '$' + ((id >>> PREFIX_BITS) & MAX_NUMBER);
        }
        long entry = entry(id);
        byte[] page = pages[pageOf(entry)];
        int offset = offsetOf(entry);
        int length = lengthOf(entry);
        if ((entry & TOKENS) != 0) {
            return expanded(page, offset, length);
        }
        if ((entry & UTF_16) == 0) {
            return new String(page, offset, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((page[offset + 2 * i] & 0xFF) << 8 | (page[offset + 2 * i + 1] & 0xFF));
        }
        return new String(chars);
    }

    /** {@return a tokenized descriptor's text, each token replaced by the class name it stands for} */
    private String expanded(byte[] page, int offset, int length) {
        StringBuilder text = new StringBuilder(2 * length);
        for (int at = offset; at < offset + length; at++) {
            if (page[at] == TOKEN) {
                text.append('L').append(string(tokenId(page, at))).append(';');
                at += TOKEN_LENGTH - 1;
            } else {
                text.append((char) page[at]);
            }
        }
        return text.toString();
    }

    private static int tokenId(byte[] page, int at) {
        return (page[at + 1] & 0xFF) << 16 | (page[at + 2] & 0xFF) << 8 | (page[at + 3] & 0xFF);
    }

    /**
     * {@return the bytes that store a descriptor with the class names it holds as tokens, those names interned; null
     * when the text is stored as it is}: it is not a field or method descriptor of printable ASCII, or names no class
     * whose token is shorter than its name
     */
    private byte[] tokens(String text) {
        if (text.indexOf(';') < 0 || !isPrintableAscii(text)) {
            return null;
        }
        List<int[]> names = DescriptorNames.of(text);
        if (names == null) {
            return null;
        }
        byte[] bytes = new byte[text.length()];
        int written = 0;
        int copied = 0;
        for (int[] name : names) {
            int start = name[0];
            int end = name[1];
            int id = intern(text.substring(start, end));
            if (id > MAX_TOKEN_ID || end - start + 2 <= TOKEN_LENGTH) {
                continue; // numbered names and short ones stay as they are
            }
            written = copyAscii(text, copied, start - 1, bytes, written);
            bytes[written] = TOKEN;
            bytes[written + 1] = (byte) (id >>> 16);
            bytes[written + 2] = (byte) (id >>> 8);
            bytes[written + 3] = (byte) id;
            written += TOKEN_LENGTH;
            copied = end + 1;
        }
        if (copied == 0) {
            return null;
        }
        written = copyAscii(text, copied, text.length(), bytes, written);
        return Arrays.copyOf(bytes, written);
    }

    private static int copyAscii(String text, int from, int to, byte[] bytes, int written) {
        for (int i = from; i < to; i++) {
            bytes[written++] = (byte) text.charAt(i);
        }
        return written;
    }

    private int add(String text) {
        if (isLatin1(text)) {
            return addBytes(text.getBytes(StandardCharsets.ISO_8859_1), 0);
        }
        // Char by char, not through a charset: a field's string constant may hold a lone surrogate, which UTF-16BE
        // would replace.
        byte[] bytes = new byte[2 * text.length()];
        for (int i = 0; i < text.length(); i++) {
            bytes[2 * i] = (byte) (text.charAt(i) >>> 8);
            bytes[2 * i + 1] = (byte) text.charAt(i);
        }
        return addBytes(bytes, UTF_16);
    }

    /** {@return the id of new stored bytes, with the entry flags given} */
    private int addBytes(byte[] bytes, long flags) {
        int header = bytes.length << LENGTH_SHIFT | (int) flags;
        int headerLength = header < 1 << 7 ? 1 : header < 1 << 14 ? 2 : 3;
        int page = place(headerLength + bytes.length);
        byte[] to = pages[page];
        int at = pageUsed;
        for (int i = 0; i < headerLength - 1; i++, header >>>= 7) {
            to[at++] = (byte) ((header & 0x7F) | 0x80);
        }
        to[at++] = (byte) header;
        System.arraycopy(bytes, 0, to, at, bytes.length);
        int id = page << ID_OFFSET_BITS | pageUsed >>> GRAIN_SHIFT;
        pageUsed = (at + bytes.length + GRAIN - 1) & -GRAIN;
        storedBytes += bytes.length;
        size++;
        return id;
    }

    /** {@return the page that has room for {@code length} more bytes at {@code pageUsed}, opening one if needed} */
    private int place(int length) {
        if (pageUsed + length <= PAGE_SIZE && pageCount > 0) {
            return pageCount - 1;
        }
        if (pageCount == pages.length) {
            if (pageCount << ID_OFFSET_BITS >= NUMBERED >>> 1) {
                throw new IllegalStateException("the symbol table is full: 1 GB of names and descriptors");
            }
            pages = Arrays.copyOf(pages, pageCount * 2);
        }
        // A class file string is at most 65535 bytes of modified UTF-8, so at most 131070 in UTF-16:
        // such a string gets a page of its own, and the next string a new page.
        byte[][] grown = pages;
        grown[pageCount] = new byte[Math.max(PAGE_SIZE, length)];
        pages = grown;
        pageUsed = 0;
        return pageCount++;
    }

    /**
     * {@return where the string is, as the comparisons read it: page, offset of its bytes, their length and flags}
     *
     * @param id a plain id, no numbered name's
     */
    private long entry(int id) {
        byte[] page = pages[id >>> ID_OFFSET_BITS];
        int at = (id & ID_OFFSET_MASK) << GRAIN_SHIFT;
        int header = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = page[at++];
            header |= (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
        }
        return ((long) (id >>> ID_OFFSET_BITS) << PAGE_SHIFT) | ((long) at << OFFSET_SHIFT)
                | ((long) (header >>> LENGTH_SHIFT) << LENGTH_SHIFT) | (header & (UTF_16 | TOKENS));
    }

    /** Compares without making a string: most probes meet another string, and most differ in length. */
    private boolean matches(int id, String text) {
        long entry = entry(id);
        if ((entry & TOKENS) != 0) {
            return tokensMatch(entry, text);
        }
        return matchesAt(entry, text, 0, text.length());
    }

    /** {@return true when the plain entry's string is the {@code length} characters of text from {@code from}} */
    private boolean matchesAt(long entry, CharSequence text, int from, int length) {
        int stored = lengthOf(entry);
        boolean latin1 = (entry & UTF_16) == 0;
        if (stored != (latin1 ? length : 2 * length)) {
            return false;
        }
        byte[] page = pages[pageOf(entry)];
        int offset = offsetOf(entry);
        for (int i = 0; i < length; i++) {
            char c = latin1 ? (char) (page[offset + i] & 0xFF)
                    : (char) ((page[offset + 2 * i] & 0xFF) << 8 | (page[offset + 2 * i + 1] & 0xFF));
            if (c != text.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Compares a tokenized descriptor with a spelling, a string or ASCII bytes, each token with the class name in its
     * place.
     */
    private boolean tokensMatch(long entry, CharSequence text) {
        byte[] page = pages[pageOf(entry)];
        int at = offsetOf(entry);
        int end = at + lengthOf(entry);
        int position = 0;
        while (at < end) {
            if (page[at] == TOKEN) {
                int semicolon = indexOf(text, ';', position);
                if (semicolon < 0 || text.charAt(position) != 'L'
                        || !matchesAt(entry(tokenId(page, at)), text, position + 1, semicolon - position - 1)) {
                    return false;
                }
                position = semicolon + 1;
                at += TOKEN_LENGTH;
            } else {
                if (position == text.length() || text.charAt(position) != page[at]) {
                    return false;
                }
                position++;
                at++;
            }
        }
        return position == text.length();
    }

    private static int indexOf(CharSequence text, char wanted, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Compares an ASCII spelling without making a string. */
    private boolean matches(int id, byte[] bytes, int start, int length) {
        long entry = entry(id);
        if ((entry & TOKENS) != 0) {
            return tokensMatch(entry, new AsciiSpelling(bytes, start, length));
        }
        return matchesAt(entry, bytes, start, length);
    }

    private boolean matchesAt(long entry, byte[] bytes, int start, int length) {
        if ((entry & UTF_16) != 0 || lengthOf(entry) != length) {
            return false;
        }
        int offset = offsetOf(entry);
        return Arrays.equals(pages[pageOf(entry)], offset, offset + length, bytes, start, start + length);
    }

    /** ASCII bytes read as the characters they spell, for the comparisons strings and bytes share. */
    private record AsciiSpelling(byte[] bytes, int start, int length) implements CharSequence {
        @Override
        public char charAt(int index) {
            return (char) bytes[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new AsciiSpelling(bytes, start + from, to - from);
        }

        @Override
        public String toString() {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
    }

    private static int pageOf(long entry) {
        return (int) (entry >>> PAGE_SHIFT);
    }

    private static int offsetOf(long entry) {
        return (int) ((entry >>> OFFSET_SHIFT) & FIELD_MASK);
    }

    private static int lengthOf(long entry) {
        return (int) ((entry >>> LENGTH_SHIFT) & FIELD_MASK);
    }

    private void rehash() {
        int[] grown = new int[slots.length + slots.length / 2];
        for (int taken : slots) {
            if (taken == 0) {
                continue;
            }
            int slot = firstSlot(string(taken - 1).hashCode(), grown.length);
            while (grown[slot] != 0) {
                slot = nextSlot(slot, grown.length);
            }
            grown[slot] = taken;
        }
        slots = grown;
    }

    private static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** {@return where a hash's probes start in a table of {@code length} slots}, any length, not only powers of 2 */
    private static int firstSlot(int hash, int length) {
        int mixed = hash * 0x9E3779B9; // moves every bit of the hash into the high bits, which pick the slot
        return (int) (((mixed & 0xFFFFFFFFL) * length) >>> 32);
    }

    private static int nextSlot(int slot, int length) {
        return slot + 1 == length ? 0 : slot + 1;
    }
}
