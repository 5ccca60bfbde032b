package dev.spate.cli;

/**
 * A small JSON writer for {@code --json} output: objects, arrays, strings, numbers, booleans and
 * null, indented two spaces (or on one line: {@link #oneLine()}). Strings are escaped to ASCII
 * ({@code \u00e9}), so the output is valid whatever the terminal's encoding. Not a
 * general-purpose library: the caller keeps the nesting straight.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;
    private boolean afterName;
    private boolean compact;

    /** Everything on one line, for JSON lines: one event per line. */
    static JsonWriter oneLine() {
        JsonWriter w = new JsonWriter();
        w.compact = true;
        return w;
    }

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separator();
        string(name);
        out.append(compact ? ":" : ": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        separator();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    JsonWriter value(long n) {
        separator();
        out.append(n);
        return this;
    }

    JsonWriter value(double d) {
        separator();
        out.append(Double.isFinite(d) ? Double.toString(d) : "null");
        return this;
    }

    JsonWriter value(boolean b) {
        separator();
        out.append(b);
        return this;
    }

    JsonWriter nullValue() {
        separator();
        out.append("null");
        return this;
    }

    /** The document, ending in a newline. */
    @Override
    public String toString() {
        return out + "\n";
    }

    private JsonWriter open(char c) {
        separator();
        out.append(c);
        depth++;
        first = true;
        return this;
    }

    private JsonWriter close(char c) {
        depth--;
        if (!first) {
            newline();
        }
        out.append(c);
        first = false;
        return this;
    }

    private void separator() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (!first) {
                out.append(',');
            }
            newline();
        }
        first = false;
    }

    private void newline() {
        if (compact) {
            return;
        }
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
