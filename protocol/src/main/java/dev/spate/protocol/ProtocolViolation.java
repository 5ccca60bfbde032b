package dev.spate.protocol;

import io.netty.handler.codec.DecoderException;

/**
 * A peer broke the wire protocol: a frame longer than its message may be, a piece index out of
 * range, a malformed extension dictionary. The message names the message and the numbers. The
 * peer's state machine answers it by closing the connection and counting a strike against the
 * peer. It extends {@link DecoderException} so that Netty's decoders pass it on unwrapped.
 */
public final class ProtocolViolation extends DecoderException {
    private static final long serialVersionUID = 1L;

    public ProtocolViolation(String reason) {
        super(reason);
    }

    public ProtocolViolation(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The reason, for logs. */
    public String reason() {
        return getMessage();
    }
}
