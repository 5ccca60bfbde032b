package dev.spate.handshake.mse;

import dev.spate.handshake.Encryption;
import dev.spate.handshake.EncryptionNegotiated;
import dev.spate.handshake.HandshakeException;
import dev.spate.handshake.HandshakeFailure;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.random.RandomGenerator;

/**
 * What both sides of an MSE handshake share: collecting the peer's bytes until a step is
 * complete, holding back what the BitTorrent handshake handler writes until a method is agreed,
 * failing with a reason, and handing the channel on. It sits just before the BitTorrent
 * {@code HandshakeHandler} (whose timeout bounds the whole exchange) and leaves the pipeline when
 * done: replaced by an {@link Rc4Codec} (RC4), or by nothing (plaintext; the responder may leave
 * an {@link InitialPayloadDecryptor} for the rest of the encrypted initial payload).
 *
 * <p>Memory stays bounded: every step reads at most a fixed number of bytes (a key, at most 512
 * bytes of padding, a marker) before it either advances or fails.
 */
abstract class MseHandler extends ChannelDuplexHandler {
    /** The longest PadA, PadB, PadC or PadD the spec allows. */
    static final int MAX_PADDING = 512;
    /** The verification constant: 8 zero bytes. */
    static final int VC_LENGTH = 8;
    /** The pipeline name of what replaces the handshake: the stream cipher. */
    public static final String CIPHER = "cipher";

    final RandomGenerator random;
    private ByteBuf received;
    private final ArrayDeque<PendingWrite> held = new ArrayDeque<>();
    private long totalReceived;
    private boolean started;
    private boolean done;
    private boolean failed;

    private record PendingWrite(ByteBuf bytes, ChannelPromise promise) {
    }

    MseHandler(RandomGenerator random) {
        this.random = random;
    }

    /** Runs once, when the channel is active: the initiator sends its key here. */
    abstract void start(ChannelHandlerContext ctx);

    /**
     * Reads what it can from {@code in}; returns when it needs more bytes, or after calling
     * {@link #finish}.
     *
     * @throws HandshakeException to drop the connection
     */
    abstract void process(ChannelHandlerContext ctx, ByteBuf in) throws HandshakeException;

    /** For failure messages: which step the handshake is in. */
    abstract String step();

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            begin(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        // The handshake handler first: its timeout is armed and its address known before anything
        // here can fail (what it writes meanwhile is held back).
        super.channelActive(ctx);
        begin(ctx);
    }

    private void begin(ChannelHandlerContext ctx) {
        if (!started) {
            started = true;
            start(ctx);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (failed) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (done || !(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        totalReceived += buf.readableBytes();
        received = received == null ? buf : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), received, buf);
        try {
            process(ctx, received);
        } catch (HandshakeException e) {
            fail(ctx, e);
        }
        if (received != null && !received.isReadable()) {
            received.release();
            received = null;
        }
    }

    /** Holds what the next handler writes until the method is agreed; flushes wait with it. */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (done) {
            ctx.write(msg, promise);
        } else if (msg instanceof ByteBuf buf) {
            held.add(new PendingWrite(buf, promise));
        } else {
            ReferenceCountUtil.release(msg);
            promise.setFailure(new IllegalStateException("only bytes can be written during the MSE handshake, not "
                    + msg.getClass().getSimpleName()));
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (done) {
            ctx.flush();
        }
    }

    /**
     * Moves the whole writes held so far, at most {@code max} bytes of them, into {@code out};
     * their promises complete with {@code whenWritten}.
     */
    final void takeHeld(ByteBuf out, int max, ChannelPromise whenWritten) {
        int room = max;
        while (!held.isEmpty() && held.peek().bytes().readableBytes() <= room) {
            PendingWrite w = held.poll();
            room -= w.bytes().readableBytes();
            out.writeBytes(w.bytes());
            w.bytes().release();
            if (!w.promise().isVoid()) {
                whenWritten.addListener(f -> {
                    if (f.isSuccess()) {
                        w.promise().trySuccess();
                    } else {
                        w.promise().tryFailure(f.cause());
                    }
                });
            }
        }
    }

    /** Length of the bytes {@link #takeHeld} would move, at most {@code max}. */
    final int heldLength(int max) {
        int n = 0;
        for (PendingWrite w : held) {
            if (n + w.bytes().readableBytes() > max) {
                break;
            }
            n += w.bytes().readableBytes();
        }
        return n;
    }

    /**
     * The method is agreed: tells the next handlers, sends what was held back (through
     * {@code encrypt} if not null), puts {@code successor} (if any) in this handler's place and
     * passes it the bytes that followed the handshake.
     */
    final void finish(ChannelHandlerContext ctx, Encryption encryption, byte[] infoHash, Rc4 encrypt,
                      ChannelHandler successor) {
        done = true;
        ctx.fireUserEventTriggered(new EncryptionNegotiated(encryption, infoHash));
        boolean wrote = !held.isEmpty();
        for (PendingWrite w; (w = held.poll()) != null; ) {
            ctx.write(encrypt == null ? w.bytes() : Rc4Codec.encrypted(ctx.alloc(), encrypt, w.bytes()), w.promise());
        }
        if (wrote) {
            ctx.flush();
        }
        ByteBuf rest = received;
        received = null;
        if (successor != null) {
            // replace() points this context's next at the successor, so the rest goes through it.
            ctx.pipeline().replace(this, CIPHER, successor);
        } else {
            ctx.pipeline().remove(this);
        }
        if (rest != null && rest.isReadable()) {
            ctx.fireChannelRead(rest);
        } else if (rest != null) {
            rest.release();
        }
    }

    /** Gives up: the next handler hears why (as a {@link HandshakeException}) and the channel closes. */
    final void fail(ChannelHandlerContext ctx, HandshakeException e) {
        if (done) {
            return;
        }
        done = true;
        failed = true;
        ctx.fireExceptionCaught(e);
        ctx.close();
    }

    final HandshakeException failure(HandshakeFailure reason, String detail) {
        return new HandshakeException(reason, "MSE " + step() + ": " + detail);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail(ctx, failure(HandshakeFailure.ENCRYPTION_FAILED, "the connection closed after " + totalReceived
                + " bytes of the peer's encrypted handshake"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (done) {
            ctx.fireExceptionCaught(cause);
        } else {
            fail(ctx, failure(HandshakeFailure.ENCRYPTION_FAILED, String.valueOf(cause)));
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (received != null) {
            received.release();
            received = null;
        }
        ClosedChannelException closed = null;
        for (PendingWrite w; (w = held.poll()) != null; ) {
            w.bytes().release();
            w.promise().tryFailure(closed == null ? closed = new ClosedChannelException() : closed);
        }
    }

    /** Sends {@code bytes} (which become the channel's) and flushes. */
    static void send(ChannelHandlerContext ctx, ByteBuf bytes) {
        ctx.writeAndFlush(bytes).addListener(io.netty.channel.ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }

    /** Step 1 or 2: our public key, then 0 to 512 bytes of random padding (random length). */
    final void sendPublicKey(ChannelHandlerContext ctx, DhKey key) {
        byte[] pad = new byte[random.nextInt(MAX_PADDING + 1)];
        random.nextBytes(pad);
        ByteBuf out = ctx.alloc().buffer(DhKey.LENGTH + pad.length);
        out.writeBytes(key.publicKey());
        out.writeBytes(pad);
        send(ctx, out);
    }

    /** The peer's 96-byte public key, once it has all arrived (null until then). */
    static byte[] readPublicKey(ByteBuf in) {
        if (in.readableBytes() < DhKey.LENGTH) {
            return null;
        }
        byte[] peerKey = new byte[DhKey.LENGTH];
        in.readBytes(peerKey);
        return peerKey;
    }

    /** The shared secret S; a peer key out of range drops the connection. */
    final byte[] secret(DhKey key, byte[] peerKey) throws HandshakeException {
        byte[] secret = key.secret(peerKey);
        if (secret == null) {
            throw failure(HandshakeFailure.ENCRYPTION_FAILED, "the peer's public key is out of range");
        }
        return secret;
    }

    /**
     * Skips the peer's padding and {@code marker} after it, once the marker has arrived; false
     * while it may still come. The padding is at most 512 bytes, so the search ends there.
     */
    final boolean skipPast(ByteBuf in, byte[] marker, String what) throws HandshakeException {
        int at = indexOf(in, marker, MAX_PADDING);
        if (at >= 0) {
            in.skipBytes(at + marker.length);
            return true;
        }
        if (in.readableBytes() >= MAX_PADDING + marker.length) {
            throw failure(HandshakeFailure.ENCRYPTION_FAILED, "no " + what + " within " + MAX_PADDING
                    + " bytes of padding");
        }
        return false;
    }

    /**
     * Where {@code marker} starts in {@code in}'s readable bytes if it starts within the first
     * {@code maxSkip + 1} positions; -1 if not seen yet.
     */
    static int indexOf(ByteBuf in, byte[] marker, int maxSkip) {
        int start = in.readerIndex();
        int lastStart = Math.min(maxSkip, in.readableBytes() - marker.length);
        outer:
        for (int at = 0; at <= lastStart; at++) {
            for (int k = 0; k < marker.length; k++) {
                if (in.getByte(start + at + k) != marker[k]) {
                    continue outer;
                }
            }
            return at;
        }
        return -1;
    }
}
