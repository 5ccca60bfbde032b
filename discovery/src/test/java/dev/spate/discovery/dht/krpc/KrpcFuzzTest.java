package dev.spate.discovery.dht.krpc;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The KRPC decoder's fuzz target. In {@code ./mvnw verify} Jazzer replays the committed seeds under
 * {@code src/test/resources/dev/spate/discovery/dht/krpc/KrpcFuzzTestInputs/decode/} as a regression
 * test; {@code JAZZER_FUZZ=1 ./mvnw -pl discovery test -Dtest=KrpcFuzzTest} fuzzes for real. The
 * contract: no exception but {@link KrpcException} escapes, and what decodes encodes to bytes that
 * decode to the same message.
 */
class KrpcFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        KrpcMessage m;
        try {
            m = KrpcCodec.decode(data);
        } catch (KrpcException expected) {
            return; // bad input is expected; anything else escaping is a bug
        }
        KrpcMessage again = KrpcCodec.decode(KrpcCodec.encode(m));
        if (!again.equals(m)) {
            throw new AssertionError("decoded " + m + " but its encoding decodes to " + again);
        }
    }
}
