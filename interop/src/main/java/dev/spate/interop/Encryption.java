package dev.spate.interop;

/** How a real client treats BEP 8 message stream encryption (MSE/PE) with its peers. */
public enum Encryption {
    /** Plaintext only: encrypted connections are neither made nor accepted where the client allows it. */
    PLAIN,
    /** Encryption tried or preferred, plaintext accepted: what most clients do by default. */
    PREFER,
    /** Encrypted connections only. */
    REQUIRE
}
