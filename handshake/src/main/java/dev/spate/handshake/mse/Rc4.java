package dev.spate.handshake.mse;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * RC4 as MSE uses it: keyed with a 20-byte hash, the first 1024 bytes of keystream discarded.
 * One instance per direction of one connection; not thread-safe (its event loop owns it).
 * Encrypting and decrypting are the same operation.
 */
final class Rc4 {
    static final int DISCARD = 1024;
    private static final int CHUNK = 4096;

    private final int[] s = new int[256];
    private int i;
    private int j;

    Rc4(byte[] key) {
        for (int k = 0; k < 256; k++) {
            s[k] = k;
        }
        int jj = 0;
        for (int k = 0; k < 256; k++) {
            jj = (jj + s[k] + (key[k % key.length] & 0xff)) & 0xff;
            int t = s[k];
            s[k] = s[jj];
            s[jj] = t;
        }
        crypt(new byte[DISCARD], 0, DISCARD);
    }

    /** XORs {@code length} bytes of {@code bytes} from {@code offset} with the keystream, in place. */
    void crypt(byte[] bytes, int offset, int length) {
        ByteBuffer view = ByteBuffer.wrap(bytes, offset, length).slice();
        crypt(view, view, length);
    }

    /** The next {@code length} bytes of keystream (what a run of zeros encrypts to). */
    byte[] keystream(int length) {
        byte[] out = new byte[length];
        crypt(out, 0, length);
        return out;
    }

    /** Transforms the readable bytes of {@code buf} in place; indexes are unchanged. */
    void crypt(ByteBuf buf) {
        crypt(buf, buf.readerIndex(), buf, buf.readerIndex(), buf.readableBytes());
    }

    /**
     * Transforms {@code length} bytes of {@code src} from {@code srcIndex} into {@code dst} at
     * {@code dstIndex} (the same buffer and index for in place); no reader or writer index moves.
     */
    void crypt(ByteBuf src, int srcIndex, ByteBuf dst, int dstIndex, int length) {
        if (length == 0) {
            return;
        }
        if (src.nioBufferCount() == 1 && dst.nioBufferCount() == 1) {
            crypt(src.nioBuffer(srcIndex, length), dst.nioBuffer(dstIndex, length), length);
            return;
        }
        // Composite buffers: through a small array, a chunk at a time.
        byte[] chunk = new byte[Math.min(CHUNK, length)];
        for (int done = 0; done < length; done += chunk.length) {
            int n = Math.min(chunk.length, length - done);
            src.getBytes(srcIndex + done, chunk, 0, n);
            crypt(chunk, 0, n);
            dst.setBytes(dstIndex + done, chunk, 0, n);
        }
    }

    /** Both buffers start at position 0 (fresh views) and have {@code length} bytes left. */
    private void crypt(ByteBuffer in, ByteBuffer out, int length) {
        int[] state = s;
        int x = i;
        int y = j;
        for (int k = 0; k < length; k++) {
            x = (x + 1) & 0xff;
            int sx = state[x];
            y = (y + sx) & 0xff;
            int sy = state[y];
            state[x] = sy;
            state[y] = sx;
            out.put(k, (byte) (in.get(k) ^ state[(sx + sy) & 0xff]));
        }
        i = x;
        j = y;
    }
}
