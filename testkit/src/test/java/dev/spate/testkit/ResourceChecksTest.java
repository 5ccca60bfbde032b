package dev.spate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The after-test checks must be able to fail: a buffer dropped without release is reported. */
class ResourceChecksTest {

    @Test
    void aBufferDroppedWithoutReleaseIsReported() {
        leak();
        assertThat(ResourceChecks.collectLeaks()).isNotEmpty();
        assertThat(ResourceChecks.collectLeaks()).isEmpty();
    }

    private static void leak() {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buffer.writeLong(42);
    }
}
