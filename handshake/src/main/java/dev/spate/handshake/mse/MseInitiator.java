package dev.spate.handshake.mse;

import dev.spate.handshake.Encryption;
import dev.spate.handshake.EncryptionPolicy;
import dev.spate.handshake.HandshakeException;
import dev.spate.handshake.HandshakeFailure;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.random.RandomGenerator;

/**
 * The MSE handshake of a connection we dialed (peer A of the specification):
 * <ol>
 *   <li>send Ya and PadA;</li>
 *   <li>on Yb: send HASH('req1', S), HASH('req2', SKEY) xor HASH('req3', S), and encrypted VC,
 *       crypto_provide, an empty PadC and the initial payload: the BitTorrent handshake the next
 *       handler has written meanwhile;</li>
 *   <li>find B's encrypted VC within 512 bytes of PadB, then read crypto_select and PadD.</li>
 * </ol>
 * Writes made after the initial payload wait until crypto_select says how to send them.
 */
public final class MseInitiator extends MseHandler {
    /** The largest initial payload the two length bytes can announce. */
    static final int MAX_INITIAL_PAYLOAD = 0xffff;

    private enum Step { PUBLIC_KEY, VERIFICATION, SELECT, PAD_D }

    private final byte[] infoHash;
    private final int provided;
    private Step step = Step.PUBLIC_KEY;
    private DhKey key;
    private Rc4 encrypt;
    private Rc4 decrypt;
    private byte[] encryptedVc;
    private int selected;
    private int padDLength;

    /**
     * @param infoHash the torrent's wire id (SKEY)
     * @param policy {@link EncryptionPolicy#PREFER} (offer RC4 and plaintext) or
     *     {@link EncryptionPolicy#REQUIRE} (RC4 only)
     */
    public MseInitiator(byte[] infoHash, EncryptionPolicy policy, RandomGenerator random) {
        super(random);
        if (infoHash.length != 20) {
            throw new IllegalArgumentException("an info hash on the wire has 20 bytes, not " + infoHash.length);
        }
        this.provided = CryptoMethods.provided(policy);
        if (provided == 0) {
            throw new IllegalArgumentException("policy " + policy + " dials without MSE");
        }
        this.infoHash = infoHash.clone();
    }

    @Override
    void start(ChannelHandlerContext ctx) {
        key = DhKey.generate(random);
        sendPublicKey(ctx, key);
    }

    @Override
    String step() {
        return switch (step) {
            case PUBLIC_KEY -> "waiting for the peer's public key";
            case VERIFICATION -> "looking for the peer's verification constant";
            case SELECT -> "reading crypto_select";
            case PAD_D -> "reading PadD";
        };
    }

    @Override
    void process(ChannelHandlerContext ctx, ByteBuf in) throws HandshakeException {
        if (step == Step.PUBLIC_KEY) {
            byte[] peerKey = readPublicKey(in);
            if (peerKey == null) {
                return;
            }
            byte[] secret = secret(key, peerKey);
            key = null;
            encrypt = new Rc4(MseHashes.keyA(secret, infoHash));
            decrypt = new Rc4(MseHashes.keyB(secret, infoHash));
            encryptedVc = decrypt.keystream(VC_LENGTH); // B's VC is zeros: the keystream itself
            sendRequest(ctx, secret);
            step = Step.VERIFICATION;
        }
        if (step == Step.VERIFICATION) {
            if (!skipPast(in, encryptedVc, "verification constant")) {
                return;
            }
            step = Step.SELECT;
        }
        if (step == Step.SELECT) {
            if (in.readableBytes() < 6) {
                return;
            }
            byte[] fields = new byte[6];
            in.readBytes(fields);
            decrypt.crypt(fields, 0, fields.length);
            selected = ((fields[0] & 0xff) << 24 | (fields[1] & 0xff) << 16 | (fields[2] & 0xff) << 8
                    | (fields[3] & 0xff)) & CryptoMethods.KNOWN;
            padDLength = (fields[4] & 0xff) << 8 | (fields[5] & 0xff);
            if (Integer.bitCount(selected) != 1 || (selected & provided) == 0) {
                throw failure(HandshakeFailure.ENCRYPTION_FAILED, "the peer selected "
                        + CryptoMethods.describe(selected) + ", we offered " + CryptoMethods.describe(provided));
            }
            if (padDLength > MAX_PADDING) {
                throw failure(HandshakeFailure.ENCRYPTION_FAILED, "PadD of " + padDLength + " bytes (at most "
                        + MAX_PADDING + ")");
            }
            step = Step.PAD_D;
        }
        if (in.readableBytes() < padDLength) {
            return;
        }
        decrypt.crypt(new byte[padDLength], 0, padDLength);
        in.skipBytes(padDLength);
        if (selected == CryptoMethods.RC4) {
            finish(ctx, Encryption.RC4, null, encrypt, new Rc4Codec(decrypt, encrypt));
        } else {
            finish(ctx, Encryption.MSE_PLAINTEXT, null, null, null);
        }
    }

    /** Step 3: the two hashes in the clear, then VC, crypto_provide, PadC and IA under RC4. */
    private void sendRequest(ChannelHandlerContext ctx, byte[] secret) {
        int initialPayload = heldLength(MAX_INITIAL_PAYLOAD);
        int encryptedLength = VC_LENGTH + 4 + 2 + 2 + initialPayload;
        ByteBuf out = ctx.alloc().buffer(2 * MseHashes.LENGTH + encryptedLength);
        out.writeBytes(MseHashes.req1(secret));
        out.writeBytes(MseHashes.xor(MseHashes.req2(infoHash), MseHashes.req3(secret)));
        int encryptFrom = out.writerIndex();
        out.writeZero(VC_LENGTH);
        out.writeInt(provided);
        out.writeShort(0); // PadC: empty, as the spec allows
        out.writeShort(initialPayload);
        ChannelPromise written = ctx.newPromise();
        takeHeld(out, initialPayload, written);
        encrypt.crypt(out, encryptFrom, out, encryptFrom, out.writerIndex() - encryptFrom);
        ctx.writeAndFlush(out, written);
        written.addListener(io.netty.channel.ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }
}
