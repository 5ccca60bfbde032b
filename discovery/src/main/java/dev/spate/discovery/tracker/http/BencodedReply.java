package dev.spate.discovery.tracker.http;

import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.TrackerException.Kind;
import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BInteger;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeDecoder;
import dev.spate.metainfo.bencode.BencodeException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A tracker's bencoded reply dictionary, with typed getters whose errors name the key. Decoded
 * leniently (trackers often sort keys wrongly); a {@code failure reason} becomes a
 * {@link Kind#REJECTED} error at once.
 */
final class BencodedReply {
    private final URI tracker;
    private final BDict dict;

    private BencodedReply(URI tracker, BDict dict) {
        this.tracker = tracker;
        this.dict = dict;
    }

    static BencodedReply parse(URI tracker, byte[] body) throws TrackerException {
        BValue value;
        // Some trackers end the body with a line break, which bencode does not allow; drop it.
        int end = body.length;
        while (end > 0 && (body[end - 1] == '\n' || body[end - 1] == '\r' || body[end - 1] == ' ')) {
            end--;
        }
        try {
            value = BencodeDecoder.lenient().decode(body, 0, end).value();
        } catch (BencodeException e) {
            throw new TrackerException(tracker, Kind.MALFORMED, "reply is not bencoded (" + e.getMessage()
                    + "); it starts with " + preview(body), e);
        }
        if (!(value instanceof BDict dict)) {
            throw new TrackerException(tracker, Kind.MALFORMED, "reply should be a dictionary, not "
                    + article(value.typeName()));
        }
        BencodedReply reply = new BencodedReply(tracker, dict);
        Optional<String> failure = reply.text("failure reason");
        if (failure.isPresent()) {
            throw new TrackerException(tracker, Kind.REJECTED, failure.get());
        }
        return reply;
    }

    BDict dict() {
        return dict;
    }

    Optional<String> text(String key) throws TrackerException {
        return bytes(key).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    Optional<byte[]> bytes(String key) throws TrackerException {
        BValue v = dict.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof BString s) {
            return Optional.of(s.toByteArray());
        }
        throw wrongType(key, v, "string");
    }

    Optional<Long> integer(String key) throws TrackerException {
        return integer(dict, key, key);
    }

    Optional<Long> integer(BDict d, String key, String path) throws TrackerException {
        BValue v = d.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof BInteger i) {
            return Optional.of(i.value());
        }
        throw wrongType(path, v, "integer");
    }

    TrackerException malformed(String detail) {
        return new TrackerException(tracker, Kind.MALFORMED, detail);
    }

    TrackerException wrongType(String path, BValue v, String expected) {
        return malformed("'" + path + "' should be " + article(expected) + ", not " + article(v.typeName()));
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** The first bytes of a body, printable, for an error message ("<html><head>..." says a lot). */
    static String preview(byte[] body) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < Math.min(body.length, 40); i++) {
            int c = body[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.append(body.length > 40 ? "...\"" : "\"").toString();
    }
}
