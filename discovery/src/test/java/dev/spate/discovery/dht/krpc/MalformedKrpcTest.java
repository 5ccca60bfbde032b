package dev.spate.discovery.dht.krpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad datagrams: each gives a {@link KrpcException} naming what is wrong (never another exception),
 * keeps its transaction id when it has one so a query can be answered with error 203, and costs
 * bounded memory however it lies about its lengths.
 */
class MalformedKrpcTest {
    static final List<String> VALID = List.of(
            "d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe",
            "d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz123456e1:q9:get_peers1:t2:aa1:y1:qe",
            "d1:ad2:id20:abcdefghij012345678912:implied_porti1e9:info_hash20:mnopqrstuvwxyz1234564:"
                    + "porti6881e5:token8:aoeusnthe1:q13:announce_peer1:t2:aa1:y1:qe",
            "d1:rd2:id20:abcdefghij01234567895:token8:aoeusnth6:valuesl6:axje.u6:idhtnmee1:t2:aa1:y1:re",
            "d1:eli201e23:A Generic Error Ocurrede1:t2:aa1:y1:ee");

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static KrpcException rejected(String wire) {
        KrpcException e = catchThrowableOfType(() -> KrpcCodec.decode(ascii(wire)), KrpcException.class);
        assertThat(e).as("%s is rejected", wire).isNotNull();
        return e;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            i42e                                                                         | a KRPC message is a dictionary
            d1:y1:qe                                                                     | message has no t
            d1:ti7e1:y1:qe                                                               | message.t must be a string, not an integer
            d1:t2:aa1:y1:xe                                                              | unknown message type
            d1:t2:aa1:y1:qe                                                              | query has no q
            d1:q4:ping1:t2:aa1:y1:qe                                                     | query has no a
            d1:ali1ee1:q4:ping1:t2:aa1:y1:qe                                             | query.a must be a dictionary, not a list
            d1:ad2:idi5ee1:q4:ping1:t2:aa1:y1:qe                                         | arguments.id must be a string, not an integer
            d1:ad2:id3:abce1:q4:ping1:t2:aa1:y1:qe                                       | arguments.id has 3 bytes, not 20
            d1:ad2:id20:abcdefghij01234567896:targeti1ee1:q9:find_node1:t2:aa1:y1:qe     | arguments.target must be a string
            d1:ad2:id20:abcdefghij01234567894:want2:n4e1:q9:find_node1:t2:aa1:y1:qe      | arguments has no target
            d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz1234564:porti0e5:token1:xe1:q13:announce_peer1:t2:aa1:y1:qe | port 0 is not between 1 and 65535
            d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz1234564:port4:68815:token1:xe1:q13:announce_peer1:t2:aa1:y1:qe | arguments.port must be an integer
            d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz1234564:porti1ee1:q13:announce_peer1:t2:aa1:y1:qe | arguments has no token
            d1:rd2:id20:abcdefghij01234567896:values6:axje.ue1:t2:aa1:y1:re              | response.values must be a list, not a string
            d1:rd2:id20:abcdefghij01234567896:valuesli1eee1:t2:aa1:y1:re                 | response.values[0] must be a string
            d1:rd2:id20:abcdefghij01234567895:nodes27:abcdefghij0123456789abcdefge1:t2:aa1:y1:re | 27 bytes is not a whole number of 26-byte node entries
            d1:rle1:t2:aa1:y1:re                                                         | response.r must be a dictionary
            d1:eli201ee1:t2:aa1:y1:re                                                    | response has no r
            d1:e3:bad1:t2:aa1:y1:ee                                                      | an error message needs e = [code, message]
            d1:t17:0123456789abcdefg1:y1:qe                                              | transaction id of 17 bytes is over 16
            d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz1234564:porti1e5:token65:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxe1:q13:announce_peer1:t2:aa1:y1:qe | token of 65 bytes is over 64
            d1:t2:aa1:y1:q                                                               | not bencode
            """)
    void badMessagesNameTheirFault(String wire, String reason) {
        assertThat(rejected(wire.strip())).hasMessageContaining(reason);
    }

    @Test
    void aBadQueryKeepsItsTransactionForAnError203() {
        KrpcException e = rejected("d1:ad2:id3:abce1:q4:ping1:t2:xy1:y1:qe");
        assertThat(e.isQuery()).isTrue();
        assertThat(e.transaction()).hasValueSatisfying(t -> assertThat(t.asUtf8()).isEqualTo("xy"));
        KrpcException response = rejected("d1:rd2:id3:abce1:t2:xy1:y1:re");
        assertThat(response.isQuery()).isFalse();
    }

    @Test
    void everyTruncationIsRejected() {
        for (String wire : VALID) {
            byte[] full = ascii(wire);
            assertThat(KrpcCodec.decode(full)).isNotNull();
            for (int n = 0; n < full.length; n++) {
                int length = n;
                assertThatThrownBy(() -> KrpcCodec.decode(full, 0, length)).as("%d bytes of %s", n, wire)
                        .isInstanceOf(KrpcException.class);
            }
        }
    }

    @Test
    void randomByteDamageGivesAMessageOrAKrpcExceptionOnly() {
        Random random = new Random(5);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = ascii(VALID.get(round % VALID.size()));
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                KrpcCodec.decode(bytes);
            } catch (KrpcException expected) {
                // fine: anything else escaping fails the test
            }
        }
    }

    @Test
    void aDatagramOverTheLimitIsRefusedUnread() {
        byte[] huge = new byte[KrpcCodec.MAX_MESSAGE_BYTES + 1];
        assertThatThrownBy(() -> KrpcCodec.decode(huge)).isInstanceOf(KrpcException.class)
                .hasMessageContaining("over the 4096-byte limit");
    }

    @Test
    void valuesBeyondTheCapAreIgnored() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            values.append("6:").append((char) 10).append((char) 0).append((char) (i >> 8)).append((char) i)
                    .append("\u0000\u0001");
        }
        byte[] wire = ascii("d1:rd2:id20:abcdefghij01234567896:valuesl" + values + "ee1:t2:aa1:y1:re");
        assertThat(wire.length).isLessThan(KrpcCodec.MAX_MESSAGE_BYTES);
        assertThat(((KrpcResponse) KrpcCodec.decode(wire)).values()).hasSize(KrpcCodec.MAX_VALUES);
    }

    /** Datagrams of the limit's size made of the smallest values, the costliest per byte. */
    static Map<String, byte[]> hostile() {
        int n = KrpcCodec.MAX_MESSAGE_BYTES;
        String head = "d1:rd2:id20:abcdefghij01234567896:valuesl";
        String tail = "ee1:t2:aa1:y1:re";
        Map<String, byte[]> in = new LinkedHashMap<>();
        in.put("values of empty strings", ascii(head + "0:".repeat((n - head.length() - tail.length()) / 2) + tail));
        in.put("values of empty lists", ascii(head + "le".repeat((n - head.length() - tail.length()) / 2) + tail));
        in.put("values of zeros", ascii(head + "i0e".repeat((n - head.length() - tail.length()) / 3) + tail));
        in.put("nesting to the cap", ascii("d1:al" + "l".repeat(KrpcCodec.MAX_DEPTH) + "e".repeat(KrpcCodec.MAX_DEPTH)
                + "e1:q4:ping1:t2:aa1:y1:qe"));
        in.put("a string longer than the datagram", ascii("d1:t2000000000:" + "x".repeat(n - 30) + "e"));
        in.put("a megabyte", new byte[1 << 20]);
        return in;
    }

    @Test
    void aHostileDatagramCostsBoundedMemory() {
        var threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "cannot count allocated bytes");
        var counter = (com.sun.management.ThreadMXBean) threads;
        Assumptions.assumeTrue(counter.isThreadAllocatedMemorySupported(), "cannot count allocated bytes");
        counter.setThreadAllocatedMemoryEnabled(true);
        long me = Thread.currentThread().getId();
        for (Map.Entry<String, byte[]> e : hostile().entrySet()) {
            decodeQuietly(e.getValue()); // warm up
            long before = counter.getThreadAllocatedBytes(me);
            decodeQuietly(e.getValue());
            long allocated = counter.getThreadAllocatedBytes(me) - before;
            System.out.printf("krpc allocation: %-36s %8d bytes in, %8d allocated%n", e.getKey(),
                    e.getValue().length, allocated);
            // 32 bytes per input byte is the bencode decoder's own bound; a datagram is at most 4 KiB.
            assertThat(allocated).as(e.getKey()).isLessThanOrEqualTo(32L * KrpcCodec.MAX_MESSAGE_BYTES + 16_384);
        }
    }

    private static void decodeQuietly(byte[] input) {
        try {
            KrpcCodec.decode(input);
        } catch (KrpcException expected) {
            // what it cost is what is measured
        }
    }
}
