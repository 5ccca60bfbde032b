package dev.spate.handshake.mse;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.Random;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/** spate's RC4 against the JDK's ARCFOUR, with MSE's 1024 discarded bytes, over every kind of buffer. */
class Rc4Test {
    static final byte[] KEY = Reference.sha1("keyA", new byte[96], new byte[20]);

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void theKeystreamIsTheJdksAfterDiscarding1024Bytes() throws Exception {
        Cipher jdk = Cipher.getInstance("ARCFOUR");
        jdk.init(Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(KEY, "ARCFOUR"));
        byte[] skipped = jdk.update(new byte[1024]);
        assertThat(skipped).hasSize(1024);
        assertThat(new Rc4(KEY).keystream(5000)).isEqualTo(jdk.update(new byte[5000]));
    }

    @Test
    void chunksOfAnySizeContinueOneStream() {
        byte[] plain = random(70_000, 1);
        byte[] expected = Reference.update(Reference.rc4("keyA", new byte[96], new byte[20]), plain);
        Rc4 rc4 = new Rc4(KEY);
        byte[] out = plain.clone();
        Random sizes = new Random(2);
        for (int at = 0; at < out.length; ) {
            int n = Math.min(out.length - at, sizes.nextInt(3000));
            rc4.crypt(out, at, n);
            at += n;
        }
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void directHeapAndCompositeBuffersInPlaceAndIntoAnother() {
        byte[] plain = random(20_000, 3);
        byte[] expected = Reference.update(Reference.rc4("keyA", new byte[96], new byte[20]), plain);
        Rc4 rc4 = new Rc4(KEY);

        ByteBuf direct = PooledByteBufAllocator.DEFAULT.directBuffer(8000).writeBytes(plain, 0, 8000);
        rc4.crypt(direct);
        ByteBuf heapSrc = Unpooled.wrappedBuffer(plain, 8000, 6000);
        ByteBuf heapDst = Unpooled.buffer(6010);
        rc4.crypt(heapSrc, heapSrc.readerIndex(), heapDst, 10, 6000);
        CompositeByteBuf composite = Unpooled.compositeBuffer();
        composite.addComponent(true, Unpooled.wrappedBuffer(plain, 14_000, 1000).copy());
        composite.addComponent(true, Unpooled.directBuffer(5000).writeBytes(plain, 15_000, 5000));
        rc4.crypt(composite);
        try {
            assertThat(ByteBufUtil.getBytes(direct)).isEqualTo(java.util.Arrays.copyOfRange(expected, 0, 8000));
            assertThat(ByteBufUtil.getBytes(heapDst, 10, 6000))
                    .isEqualTo(java.util.Arrays.copyOfRange(expected, 8000, 14_000));
            assertThat(ByteBufUtil.getBytes(composite))
                    .isEqualTo(java.util.Arrays.copyOfRange(expected, 14_000, 20_000));
            assertThat(ByteBufUtil.getBytes(heapSrc)).as("the source is left alone")
                    .isEqualTo(java.util.Arrays.copyOfRange(plain, 8000, 14_000));
        } finally {
            direct.release();
            heapDst.release();
            composite.release();
        }
    }
}
