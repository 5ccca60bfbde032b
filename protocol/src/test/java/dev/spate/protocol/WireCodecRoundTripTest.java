package dev.spate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.protocol.BepExamples.Example;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the encoder writes, the decoder reads back: one channel's output is the other's input. */
class WireCodecRoundTripTest {

    @Test
    void everyMessageSurvivesEncoderThenDecoder() {
        EmbeddedChannel sender = new EmbeddedChannel(new WireEncoder());
        DecoderChannel receiver = DecoderChannel.withPieces(BepExamples.PIECES);
        List<WireMessage> expected = new ArrayList<>();
        try {
            for (Example e : BepExamples.all()) {
                sender.write(e.message().get());
                expected.add(e.message().get());
            }
            sender.flush();
            for (Object out = sender.readOutbound(); out != null; out = sender.readOutbound()) {
                receiver.channel.writeInbound((ByteBuf) out);
            }
            List<WireMessage> decoded = receiver.drain();
            try {
                assertThat(decoded).containsExactlyElementsOf(expected);
            } finally {
                DecoderChannel.release(decoded);
            }
        } finally {
            DecoderChannel.release(expected);
            sender.finishAndReleaseAll();
            receiver.close();
        }
    }
}
