package dev.spate.handshake.mse;

import dev.spate.handshake.Encryption;
import dev.spate.handshake.EncryptionPolicy;
import dev.spate.handshake.HandshakeException;
import dev.spate.handshake.HandshakeFailure;
import dev.spate.handshake.InboundTorrents;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The MSE handshake of an accepted connection (peer B of the specification):
 * <ol>
 *   <li>on Ya: send Yb and PadB;</li>
 *   <li>find HASH('req1', S) within 512 bytes of PadA; the next 20 bytes, xor HASH('req3', S),
 *       name the torrent by HASH('req2', SKEY): one we serve, or the connection is dropped;</li>
 *   <li>decrypt VC (must be zeros), crypto_provide, PadC and the initial payload's length;
 *       select a method by the torrent's policy and send VC, crypto_select and an empty PadD
 *       under RC4.</li>
 * </ol>
 * The initial payload and what follows go on to the BitTorrent handshake handler, decrypted.
 */
public final class MseResponder extends MseHandler {
    private enum Step { PUBLIC_KEY, SYNC, TORRENT, PROVIDE, PAD_C, PAYLOAD_LENGTH }

    private final InboundTorrents torrents;
    private final EncryptionPolicy defaultPolicy;
    private Step step = Step.PUBLIC_KEY;
    private byte[] secret;
    private byte[] req1;
    private byte[] infoHash;
    private EncryptionPolicy policy;
    private Rc4 decrypt;
    private Rc4 encrypt;
    private int selected;
    private int padCLength;

    /**
     * @param torrents finds the torrent by its obfuscated info hash, and its policy
     * @param defaultPolicy the policy of a torrent that has none of its own
     */
    public MseResponder(InboundTorrents torrents, EncryptionPolicy defaultPolicy, RandomGenerator random) {
        super(random);
        this.torrents = torrents;
        this.defaultPolicy = defaultPolicy;
    }

    @Override
    void start(ChannelHandlerContext ctx) {
        // B speaks only after A's public key.
    }

    @Override
    String step() {
        return switch (step) {
            case PUBLIC_KEY -> "waiting for the peer's public key";
            case SYNC -> "looking for HASH('req1', S)";
            case TORRENT -> "reading the obfuscated info hash";
            case PROVIDE -> "reading the verification constant and crypto_provide";
            case PAD_C -> "reading PadC";
            case PAYLOAD_LENGTH -> "reading the initial payload's length";
        };
    }

    @Override
    void process(ChannelHandlerContext ctx, ByteBuf in) throws HandshakeException {
        if (step == Step.PUBLIC_KEY) {
            byte[] peerKey = readPublicKey(in);
            if (peerKey == null) {
                return;
            }
            DhKey key = DhKey.generate(random);
            secret = secret(key, peerKey);
            req1 = MseHashes.req1(secret);
            sendPublicKey(ctx, key);
            step = Step.SYNC;
        }
        if (step == Step.SYNC) {
            if (!skipPast(in, req1, "HASH('req1', S)")) {
                return;
            }
            step = Step.TORRENT;
        }
        if (step == Step.TORRENT) {
            if (in.readableBytes() < MseHashes.LENGTH) {
                return;
            }
            findTorrent(in);
            step = Step.PROVIDE;
        }
        if (step == Step.PROVIDE) {
            if (in.readableBytes() < VC_LENGTH + 4 + 2) {
                return;
            }
            readProvide(in);
            step = Step.PAD_C;
        }
        if (step == Step.PAD_C) {
            if (in.readableBytes() < padCLength) {
                return;
            }
            decrypt.crypt(new byte[padCLength], 0, padCLength);
            in.skipBytes(padCLength);
            step = Step.PAYLOAD_LENGTH;
        }
        if (in.readableBytes() < 2) {
            return;
        }
        byte[] length = new byte[2];
        in.readBytes(length);
        decrypt.crypt(length, 0, 2);
        int initialPayload = (length[0] & 0xff) << 8 | (length[1] & 0xff);
        sendSelect(ctx);
        if (selected == CryptoMethods.RC4) {
            finish(ctx, Encryption.RC4, infoHash, encrypt, new Rc4Codec(decrypt, encrypt));
        } else {
            ChannelHandler rest = initialPayload == 0 ? null : new InitialPayloadDecryptor(decrypt, initialPayload);
            finish(ctx, Encryption.MSE_PLAINTEXT, infoHash, null, rest);
        }
    }

    private void findTorrent(ByteBuf in) throws HandshakeException {
        byte[] obfuscated = new byte[MseHashes.LENGTH];
        in.readBytes(obfuscated);
        byte[] req2 = MseHashes.xor(obfuscated, MseHashes.req3(secret));
        infoHash = torrents.byObfuscatedHash(req2);
        if (infoHash == null) {
            throw failure(HandshakeFailure.UNKNOWN_INFO_HASH, "we serve no torrent whose HASH('req2', SKEY) is "
                    + HexFormat.of().formatHex(req2));
        }
        policy = torrents.encryption(infoHash.clone()).orElse(defaultPolicy);
        decrypt = new Rc4(MseHashes.keyA(secret, infoHash));
        encrypt = new Rc4(MseHashes.keyB(secret, infoHash));
        secret = null;
    }

    private void readProvide(ByteBuf in) throws HandshakeException {
        byte[] fields = new byte[VC_LENGTH + 4 + 2];
        in.readBytes(fields);
        decrypt.crypt(fields, 0, fields.length);
        for (int k = 0; k < VC_LENGTH; k++) {
            if (fields[k] != 0) {
                throw failure(HandshakeFailure.ENCRYPTION_FAILED, "the verification constant does not decrypt to"
                        + " zeros: the peer has another key");
            }
        }
        int provided = (fields[8] & 0xff) << 24 | (fields[9] & 0xff) << 16 | (fields[10] & 0xff) << 8
                | (fields[11] & 0xff);
        padCLength = (fields[12] & 0xff) << 8 | (fields[13] & 0xff);
        if (padCLength > MAX_PADDING) {
            throw failure(HandshakeFailure.ENCRYPTION_FAILED, "PadC of " + padCLength + " bytes (at most "
                    + MAX_PADDING + ")");
        }
        selected = CryptoMethods.select(policy, provided);
        if (selected == 0) {
            throw failure(HandshakeFailure.ENCRYPTION_REFUSED, "the peer offers " + CryptoMethods.describe(provided)
                    + ", the torrent's policy (" + policy + ") accepts none of it");
        }
    }

    /** Step 4: VC, crypto_select and an empty PadD under RC4. */
    private void sendSelect(ChannelHandlerContext ctx) {
        ByteBuf out = ctx.alloc().buffer(VC_LENGTH + 4 + 2);
        out.writeZero(VC_LENGTH);
        out.writeInt(selected);
        out.writeShort(0);
        encrypt.crypt(out);
        send(ctx, out);
    }
}
