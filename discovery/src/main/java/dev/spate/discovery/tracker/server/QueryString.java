package dev.spate.discovery.tracker.server;

import dev.spate.discovery.tracker.wire.PercentEncoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a URL query as raw bytes (an {@code info_hash} is not text), with a cap on
 * their number. {@code %XX} and {@code +} are decoded; keys are compared as Latin-1 text.
 */
final class QueryString {
    private final Map<String, List<byte[]>> params;

    private QueryString(Map<String, List<byte[]>> params) {
        this.params = params;
    }

    /**
     * @throws IllegalArgumentException on a bad {@code %} escape or more than {@code maxParams} parameters
     */
    static QueryString parse(String rawQuery, int maxParams) {
        Map<String, List<byte[]>> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryString(params);
        }
        int count = 0;
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                if (++count > maxParams) {
                    throw new IllegalArgumentException("more than " + maxParams + " query parameters");
                }
                int eq = rawQuery.indexOf('=', start);
                int keyEnd = eq < 0 || eq > end ? end : eq;
                String key = new String(PercentEncoding.decode(rawQuery, start, keyEnd), StandardCharsets.ISO_8859_1);
                byte[] value = keyEnd == end ? new byte[0] : PercentEncoding.decode(rawQuery, keyEnd + 1, end);
                params.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        return new QueryString(params);
    }

    /** Every value of {@code key}, in order; empty if absent. */
    List<byte[]> all(String key) {
        return params.getOrDefault(key, List.of());
    }

    /** The first value of {@code key}, or null. */
    byte[] first(String key) {
        List<byte[]> values = params.get(key);
        return values == null ? null : values.get(0);
    }

    /** The first value of {@code key} as (Latin-1) text, or null. */
    String text(String key) {
        byte[] v = first(key);
        return v == null ? null : new String(v, StandardCharsets.ISO_8859_1);
    }
}
