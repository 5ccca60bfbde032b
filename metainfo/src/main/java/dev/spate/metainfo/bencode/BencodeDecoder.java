package dev.spate.metainfo.bencode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes bencode from a byte array with hard limits, so hostile input costs bounded memory and
 * time:
 * <ul>
 *   <li>nesting depth is capped ({@link #DEFAULT_MAX_DEPTH} unless configured);</li>
 *   <li>a string's declared length is checked against the bytes that remain before anything is
 *       done with it, and strings are views of the input (never copied);</li>
 *   <li>integers must be canonical ({@code i0e}, no {@code i-0e}, no leading zeros) and fit in 64
 *       bits;</li>
 *   <li>dictionary keys must be sorted and unique (strict), or in lenient mode the violation is
 *       recorded, keys are sorted, and the first of duplicate keys is kept;</li>
 *   <li>bytes after the root value are rejected (lenient mode records them: a newline after a
 *       .torrent is common, and libtorrent and Transmission load such files).</li>
 * </ul>
 * Children of every list and dictionary are collected on one scratch stack and copied out once
 * into an exactly sized array, so allocation stays a small multiple of the input size.
 *
 * <p>Instances are cheap and not thread-safe; use one per decode.
 */
public final class BencodeDecoder {
    public static final int DEFAULT_MAX_DEPTH = 256;

    /**
     * What lenient mode tolerated: the kind, and the offset of the key concerned. Each dictionary
     * records at most one violation of each kind (its first offending key), so a hostile input
     * cannot make the list grow faster than its dictionaries.
     */
    public record Violation(Kind kind, int offset) {
        public enum Kind { UNSORTED_KEYS, DUPLICATE_KEY, NON_CANONICAL_STRING_LENGTH, TRAILING_BYTES }

        @Override
        public String toString() {
            return kind.name().toLowerCase().replace('_', ' ') + " at byte " + offset;
        }
    }

    /** A decoded root value and, in lenient mode, what it tolerated. */
    public record Result(BValue value, List<Violation> violations) {
    }

    private final boolean strict;
    private final int maxDepth;

    private byte[] in;
    private int pos;
    private int limit;
    private BValue[] stack = new BValue[64];
    private int stackSize;
    private List<Violation> violations;

    private BencodeDecoder(boolean strict, int maxDepth) {
        this.strict = strict;
        this.maxDepth = maxDepth;
    }

    public static BencodeDecoder strict() {
        return new BencodeDecoder(true, DEFAULT_MAX_DEPTH);
    }

    public static BencodeDecoder lenient() {
        return new BencodeDecoder(false, DEFAULT_MAX_DEPTH);
    }

    public BencodeDecoder withMaxDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be positive: " + depth);
        }
        return new BencodeDecoder(strict, depth);
    }

    /** Decodes exactly one value that fills the whole array. */
    public BValue decode(byte[] input) {
        return decodeWithViolations(input).value();
    }

    /** Decodes exactly one value that fills the whole array, with what lenient mode tolerated. */
    public Result decodeWithViolations(byte[] input) {
        return decode(input, 0, input.length);
    }

    /** Decodes exactly one value filling {@code input[from, to)}; spans are offsets in {@code input}. */
    public Result decode(byte[] input, int from, int to) {
        if (from < 0 || to > input.length || from > to) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + input.length);
        }
        in = input;
        pos = from;
        limit = to;
        stackSize = 0;
        violations = new ArrayList<>(0);
        try {
            if (pos >= limit) {
                throw error(pos, "empty input");
            }
            BValue root = value(0);
            if (pos != limit) {
                if (strict) {
                    throw error(pos, (limit - pos) + " bytes after the end of the root value");
                }
                violations.add(new Violation(Violation.Kind.TRAILING_BYTES, pos));
            }
            return new Result(root, violations.isEmpty() ? List.of() : List.copyOf(violations));
        } finally {
            in = null;
            Arrays.fill(stack, 0, stackSize, null);
        }
    }

    private BValue value(int depth) {
        byte b = in[pos];
        if (b >= '0' && b <= '9') {
            return string();
        }
        if (b == 'i') {
            return integer();
        }
        if (b == 'l' || b == 'd') {
            if (depth >= maxDepth) {
                throw error(pos, "nesting deeper than " + maxDepth + " levels");
            }
            return b == 'l' ? list(depth) : dict(depth);
        }
        throw error(pos, "unexpected byte " + describe(b) + " where a value should start");
    }

    private BString string() {
        int start = pos;
        // Digits beyond what could fit in the input only matter for the message: keep scanning
        // (linear time, no overflow) but stop accumulating once the length is hopeless.
        long length = 0;
        boolean huge = false;
        while (true) {
            if (pos >= limit) {
                throw error(pos, "input ends inside a string length");
            }
            byte b = in[pos];
            if (b == ':') {
                break;
            }
            if (b < '0' || b > '9') {
                throw error(pos, "unexpected byte " + describe(b) + " in a string length");
            }
            if (!huge) {
                length = length * 10 + (b - '0');
                huge = length > Integer.MAX_VALUE;
            }
            pos++;
        }
        int digits = pos - start;
        if (digits == 0) {
            throw error(pos, "string length has no digits");
        }
        pos++; // ':'
        if (huge || length > limit - pos) {
            String declared = huge && digits > 18 ? "with " + digits + " digits" : Long.toString(length);
            throw error(start, "string length " + declared + " exceeds the " + (limit - pos) + " bytes that remain");
        }
        if (digits > 1 && in[start] == '0') {
            if (strict) {
                throw error(start, "string length has a leading zero");
            }
            violations.add(new Violation(Violation.Kind.NON_CANONICAL_STRING_LENGTH, start));
        }
        int off = pos;
        pos += (int) length;
        return new BString(in, off, (int) length, start, pos);
    }

    private BInteger integer() {
        int start = pos++;
        boolean negative = false;
        if (pos < limit && in[pos] == '-') {
            negative = true;
            pos++;
        }
        int firstDigit = pos;
        long value = 0;
        while (true) {
            if (pos >= limit) {
                throw error(start, "input ends inside an integer");
            }
            byte b = in[pos];
            if (b == 'e') {
                break;
            }
            if (b < '0' || b > '9') {
                throw error(pos, "unexpected byte " + describe(b) + " in an integer");
            }
            int digit = b - '0';
            // Accumulate as a negative number so that Long.MIN_VALUE fits.
            if (value < (Long.MIN_VALUE + digit) / 10) {
                throw error(start, "integer does not fit in 64 bits");
            }
            value = value * 10 - digit;
            pos++;
        }
        int digits = pos - firstDigit;
        if (digits == 0) {
            throw error(start, "integer has no digits");
        }
        if (in[firstDigit] == '0' && (digits > 1 || negative)) {
            throw error(start, negative ? "negative zero is not canonical" : "integer has a leading zero");
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw error(start, "integer does not fit in 64 bits");
            }
            value = -value;
        }
        pos++; // 'e'
        return new BInteger(value, start, pos);
    }

    private BList list(int depth) {
        int start = pos++;
        int base = stackSize;
        while (true) {
            if (pos >= limit) {
                throw error(start, "input ends inside a list that starts here");
            }
            if (in[pos] == 'e') {
                break;
            }
            push(value(depth + 1));
        }
        pos++;
        BValue[] items = popTo(base);
        return new BList(items, start, pos);
    }

    private BDict dict(int depth) {
        int start = pos++;
        int base = stackSize;
        boolean sorted = true;
        BString previous = null;
        while (true) {
            if (pos >= limit) {
                throw error(start, "input ends inside a dictionary that starts here");
            }
            byte b = in[pos];
            if (b == 'e') {
                break;
            }
            if (b < '0' || b > '9') {
                throw error(pos, "dictionary key must be a string, found " + describe(b));
            }
            BString key = string();
            if (previous != null) {
                int cmp = previous.compareTo(key);
                if (cmp >= 0) {
                    if (strict) {
                        throw error(key.start(), cmp == 0 ? "duplicate dictionary key " + key
                                : "dictionary key " + key + " is out of order");
                    }
                    if (cmp > 0 && sorted) {
                        violations.add(new Violation(Violation.Kind.UNSORTED_KEYS, key.start()));
                    }
                    sorted = false; // sortedDict records duplicates, adjacent or not
                }
            }
            previous = key;
            if (pos >= limit) {
                throw error(pos, "input ends after dictionary key " + key);
            }
            push(key);
            push(value(depth + 1));
        }
        pos++;
        int n = (stackSize - base) / 2;
        BString[] keys = n == 0 ? BDict.NO_KEYS : new BString[n];
        BValue[] values = n == 0 ? BList.NO_VALUES : new BValue[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (BString) stack[base + 2 * i];
            values[i] = stack[base + 2 * i + 1];
        }
        Arrays.fill(stack, base, stackSize, null);
        stackSize = base;
        if (!sorted) {
            return sortedDict(keys, values, start);
        }
        return new BDict(keys, values, start, pos);
    }

    /**
     * Lenient mode: orders the entries by key (stable, so the first of duplicate keys comes first),
     * drops the later duplicates and records the first of them, wherever it stood in the input.
     */
    private BDict sortedDict(BString[] keys, BValue[] values, int start) {
        int[] order = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        mergeSort(order, new int[order.length], 0, order.length, keys);
        int n = 0;
        int firstDuplicate = Integer.MAX_VALUE;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (n > 0 && keys[order[n - 1]].equals(keys[i])) {
                firstDuplicate = Math.min(firstDuplicate, keys[i].start());
                continue;
            }
            order[n++] = i;
        }
        if (firstDuplicate != Integer.MAX_VALUE) {
            violations.add(new Violation(Violation.Kind.DUPLICATE_KEY, firstDuplicate));
        }
        BString[] sortedKeys = new BString[n];
        BValue[] sortedValues = new BValue[n];
        for (int k = 0; k < n; k++) {
            sortedKeys[k] = keys[order[k]];
            sortedValues[k] = values[order[k]];
        }
        return new BDict(sortedKeys, sortedValues, start, pos);
    }

    /** A stable merge sort of entry indexes by key; no boxing, so allocation stays linear. */
    private static void mergeSort(int[] a, int[] tmp, int from, int to, BString[] keys) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, keys);
        mergeSort(a, tmp, mid, to, keys);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            tmp[k++] = keys[a[j]].compareTo(keys[a[i]]) < 0 ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
    }

    private void push(BValue value) {
        if (stackSize == stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[stackSize++] = value;
    }

    private BValue[] popTo(int base) {
        int n = stackSize - base;
        if (n == 0) {
            return BList.NO_VALUES;
        }
        BValue[] out = Arrays.copyOfRange(stack, base, stackSize);
        Arrays.fill(stack, base, stackSize, null);
        stackSize = base;
        return out;
    }

    private static String describe(byte b) {
        return b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b & 0xff);
    }

    private static BencodeException error(int offset, String reason) {
        return new BencodeException(offset, reason);
    }
}
