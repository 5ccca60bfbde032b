package dev.spate.metainfo.bencode;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Decoding n bytes of adversarial input allocates at most a small multiple of n. The worst
 * inputs are runs of the smallest values ({@code 0:}, {@code le}, {@code i0e}): each costs an
 * object of 24 to 32 bytes for 2 or 3 bytes of input, plus a slot in its parent's array.
 */
class BencodeAllocationTest {
    /** Bytes allocated per input byte that no input may exceed (the worst measured is 24). */
    static final int MAX_FACTOR = 32;
    static final int N = 1 << 20;

    static byte[] repeat(String open, String unit, String close) {
        int count = (N - open.length() - close.length()) / unit.length();
        return (open + unit.repeat(count) + close).getBytes(StandardCharsets.ISO_8859_1);
    }

    static Map<String, byte[]> adversarialInputs() {
        Map<String, byte[]> in = new LinkedHashMap<>();
        in.put("empty strings", repeat("l", "0:", "e"));
        in.put("empty lists", repeat("l", "le", "e"));
        in.put("empty dictionaries", repeat("l", "de", "e"));
        in.put("zeros", repeat("l", "i0e", "e"));
        in.put("lists of one empty list", repeat("l", "llee", "e"));
        in.put("repeated keys (lenient)", repeat("d", "0:0:", "e"));
        in.put("keys in reverse order (lenient)", reverseKeys());
        in.put("one large string", ("1048000:" + "x".repeat(1_048_000)).getBytes(StandardCharsets.ISO_8859_1));
        in.put("declared length beyond the input", ("l2000000000:" + "x".repeat(N - 20) + "e").getBytes(StandardCharsets.ISO_8859_1));
        in.put("deep nesting", ("l".repeat(256) + "e".repeat(256)).getBytes(StandardCharsets.ISO_8859_1));
        return in;
    }

    private static byte[] reverseKeys() {
        StringBuilder sb = new StringBuilder("d");
        for (int k = 99_999; sb.length() < N - 20; k--) {
            sb.append("5:").append(String.format("%05d", k)).append("0:");
        }
        return sb.append('e').toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodingAllocatesAtMostASmallMultipleOfTheInput() {
        var threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes per thread");
        var counter = (com.sun.management.ThreadMXBean) threads;
        Assumptions.assumeTrue(counter.isThreadAllocatedMemorySupported(), "per-thread allocation counting unsupported");
        counter.setThreadAllocatedMemoryEnabled(true);
        long me = Thread.currentThread().getId();

        for (Map.Entry<String, byte[]> e : adversarialInputs().entrySet()) {
            byte[] input = e.getValue();
            decodeQuietly(input); // warm up: class loading and the first JIT passes allocate too
            long before = counter.getThreadAllocatedBytes(me);
            decodeQuietly(input);
            long allocated = counter.getThreadAllocatedBytes(me) - before;
            double factor = (double) allocated / input.length;
            System.out.printf("allocation: %-34s %9d bytes in, %10d allocated, %5.1fx%n",
                    e.getKey(), input.length, allocated, factor);
            assertThat(allocated).as(e.getKey()).isLessThanOrEqualTo((long) MAX_FACTOR * input.length + 4096);
        }
    }

    private static void decodeQuietly(byte[] input) {
        try {
            BencodeDecoder.lenient().decode(input);
        } catch (BencodeException expected) {
            // an adversarial input may be rejected; what it cost is what is measured
        }
    }
}
