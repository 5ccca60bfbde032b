package dev.spate.client.interop;

/** One row of the interop matrix, {@code docs/interop.md}. */
record MatrixRow(String client, String version, String direction, String feature, String result, String mbps) {

    String markdown() {
        return "| " + String.join(" | ", client, version, direction, feature, result.replace("|", "\\|"), mbps)
                + " |";
    }
}
