package dev.spate.protocol;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BInteger;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeDecoder;
import dev.spate.metainfo.bencode.BencodeException;

/**
 * Reads the fields of a bencoded dictionary from a peer: every way it can be malformed becomes
 * a {@link ProtocolViolation} naming the message and the field, never another exception.
 */
final class DictReader {
    private final String what;
    private final BDict dict;

    private DictReader(String what, BDict dict) {
        this.what = what;
        this.dict = dict;
    }

    /** Decodes {@code bytes[from, to)}, which must hold exactly one dictionary. Unsorted keys are tolerated. */
    static DictReader decode(String what, byte[] bytes, int from, int to) {
        BValue value;
        try {
            BencodeDecoder.Result result = BencodeDecoder.lenient().decode(bytes, from, to);
            for (BencodeDecoder.Violation v : result.violations()) {
                if (v.kind() == BencodeDecoder.Violation.Kind.TRAILING_BYTES) {
                    throw new BencodeException(v.offset(), (to - v.offset()) + " bytes after the end of the root value");
                }
            }
            value = result.value();
        } catch (BencodeException e) {
            throw new ProtocolViolation(what + ": " + e.getMessage(), e);
        }
        if (!(value instanceof BDict d)) {
            throw new ProtocolViolation(what + ": expected a dictionary, got a " + value.typeName());
        }
        return new DictReader(what, d);
    }

    String what() {
        return what;
    }

    /** The integer under {@code key}, or null if absent; it must lie in {@code [min, max]}. */
    Long integer(String key, long min, long max) {
        BInteger i = get(key, BInteger.class, "an integer");
        if (i == null) {
            return null;
        }
        if (i.value() < min || i.value() > max) {
            throw new ProtocolViolation(what + ": " + key + " is " + i.value() + ", expected " + min + " to " + max);
        }
        return i.value();
    }

    /** Like {@link #integer} but the key must be there. */
    long requireInteger(String key, long min, long max) {
        Long v = integer(key, min, max);
        if (v == null) {
            throw new ProtocolViolation(what + ": " + key + " is missing");
        }
        return v;
    }

    /** The string under {@code key}, or null if absent. */
    BString string(String key) {
        return get(key, BString.class, "a string");
    }

    /** The dictionary under {@code key}, or null if absent. */
    BDict dict(String key) {
        return get(key, BDict.class, "a dictionary");
    }

    private <T extends BValue> T get(String key, Class<T> type, String expected) {
        BValue v = dict.get(key);
        if (v == null) {
            return null;
        }
        if (!type.isInstance(v)) {
            throw wrongType(key, expected, v);
        }
        return type.cast(v);
    }

    private ProtocolViolation wrongType(String key, String expected, BValue got) {
        return new ProtocolViolation(what + ": " + key + " should be " + expected + ", not a " + got.typeName());
    }
}
