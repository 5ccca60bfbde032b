package dev.spate.selection.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.InfoHashes;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetadataAssemblerTest {
    private static final long SECOND = 1_000_000_000L;

    private static byte[] info(int size) {
        byte[] b = new byte[size];
        new SplittableRandom(size).nextBytes(b);
        return b;
    }

    private static InfoHashes hashesOf(byte[] info) throws Exception {
        return new InfoHashes(InfoHash.of(MessageDigest.getInstance("SHA-1").digest(info)), null);
    }

    private static byte[] piece(byte[] info, int p) {
        int from = p * MetadataAssembler.PIECE_LENGTH;
        return Arrays.copyOfRange(info, from, Math.min(info.length, from + MetadataAssembler.PIECE_LENGTH));
    }

    @Test
    void assemblesFromSeveralPeersAndVerifiesAgainstTheInfoHash() throws Exception {
        byte[] info = info(40_000); // three pieces, the last 7,232 bytes
        MetadataAssembler a = new MetadataAssembler(hashesOf(info));
        assertThat(a.sizeOffered(info.length)).isTrue();
        assertThat(a.pieceCount()).isEqualTo(3);
        List<Integer> fromOne = a.requestsFor(1, 0);
        List<Integer> fromTwo = a.requestsFor(2, 0);
        assertThat(fromOne).containsExactly(0, 1, 2);
        assertThat(fromTwo).as("nothing left to ask for until a request times out").isEmpty();
        assertThat(a.received(1, 0, info.length, piece(info, 0))).isInstanceOf(MetadataAssembler.Outcome.Incomplete.class);
        a.dropped(1, 1);
        assertThat(a.requestsFor(2, SECOND)).containsExactly(1);
        assertThat(a.requestsFor(2, 11 * SECOND)).as("peer 1 sat on piece 2 too long").containsExactly(2);
        a.received(2, 1, info.length, piece(info, 1));
        MetadataAssembler.Outcome last = a.received(2, 2, info.length, piece(info, 2));
        assertThat(last).isInstanceOf(MetadataAssembler.Outcome.Complete.class);
        assertThat(((MetadataAssembler.Outcome.Complete) last).info()).isEqualTo(info);
    }

    @Test
    void absurdOrConflictingSizesAreRefused() throws Exception {
        MetadataAssembler a = new MetadataAssembler(hashesOf(info(10)));
        assertThat(a.sizeOffered(0)).isFalse();
        assertThat(a.sizeOffered(1L << 40)).isFalse();
        assertThat(a.sizeOffered(MetadataAssembler.MAX_SIZE + 1L)).isFalse();
        assertThat(a.size()).isEqualTo(-1);
        assertThat(a.sizeOffered(10)).isTrue();
        assertThat(a.sizeOffered(11)).isFalse();
    }

    @Test
    void metadataThatDoesNotHashToTheInfoHashNamesItsSendersAndStartsOver() throws Exception {
        byte[] info = info(20_000);
        MetadataAssembler a = new MetadataAssembler(hashesOf(info));
        a.sizeOffered(info.length);
        a.requestsFor(7, 0);
        byte[] forged = piece(info, 1).clone();
        forged[0] ^= 1;
        a.received(7, 0, info.length, piece(info, 0));
        MetadataAssembler.Outcome outcome = a.received(7, 1, info.length, forged);
        assertThat(outcome).isEqualTo(new MetadataAssembler.Outcome.Bad(java.util.Set.of(7)));
        assertThat(a.size()).isEqualTo(-1);
        assertThat(a.sizeOffered(info.length)).isTrue();
    }

    @Test
    void dataOfTheWrongLengthOrForUnknownPiecesIsIgnored() throws Exception {
        byte[] info = info(20_000);
        MetadataAssembler a = new MetadataAssembler(hashesOf(info));
        a.sizeOffered(info.length);
        a.received(1, 5, info.length, new byte[10]);
        a.received(1, 0, info.length, new byte[10]);
        a.received(1, 0, info.length + 1, piece(info, 0));
        assertThat(a.piecesReceived()).isZero();
    }
}
