package dev.spate.protocol.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutstandingRequestsTest {

    private record Target(long key) implements BlockTarget {
        @Override
        public void deliver(int piece, int offset, ByteBuf data, int peerId) {
        }

        @Override
        public void release() {
        }
    }

    @Test
    void behavesLikeAMapUnderRandomPutsAndRemovesOfClusteredKeys() {
        OutstandingRequests map = new OutstandingRequests(4);
        Map<Long, BlockTarget> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int step = 0; step < 200_000; step++) {
            // Keys of a few pieces, as a peer sees them: many blocks of each piece.
            long key = Blocks.pack(random.nextInt(8), random.nextInt(64) * Blocks.SIZE);
            if (random.nextInt(3) == 0) {
                assertThat(map.remove(key)).isEqualTo(model.remove(key));
            } else {
                Target t = new Target(key);
                map.put(key, t);
                model.put(key, t);
            }
            assertThat(map.size()).isEqualTo(model.size());
        }
        for (Map.Entry<Long, BlockTarget> e : model.entrySet()) {
            assertThat(map.contains(e.getKey())).isTrue();
        }
        Map<Long, BlockTarget> drained = new HashMap<>();
        map.drain(drained::put);
        assertThat(drained).isEqualTo(model);
        assertThat(map.size()).isZero();
    }
}
