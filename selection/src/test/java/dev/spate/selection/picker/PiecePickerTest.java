package dev.spate.selection.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PiecePickerTest {

    /** A peer described by a string: '*' at index i means it has piece i. */
    private record Peer(int id, BitSet pieces) implements PeerPieces {
        static Peer of(int id, String have) {
            BitSet bits = new BitSet();
            for (int i = 0; i < have.length(); i++) {
                if (have.charAt(i) == '*') {
                    bits.set(i);
                }
            }
            return new Peer(id, bits);
        }

        @Override
        public boolean has(int piece) {
            return pieces.get(piece);
        }
    }

    private record Block(int piece, int block) {
    }

    private static RandomGenerator random() {
        return new SplittableRandom(42);
    }

    /** Availability from a string of digits: "2213" means piece 0 is on two peers, and so on. */
    private static PiecePicker picker(String availability, int blocksPerPiece) {
        PiecePicker picker = new PiecePicker(availability.length(), blocksPerPiece, blocksPerPiece, random());
        for (int p = 0; p < availability.length(); p++) {
            for (int k = 0; k < availability.charAt(p) - '0'; k++) {
                picker.peerHas(p);
            }
        }
        picker.checkInvariants();
        return picker;
    }

    private static List<Block> pick(PiecePicker picker, PeerPieces peer, int max) {
        List<Block> out = new ArrayList<>();
        picker.pick(peer, max, (piece, block) -> out.add(new Block(piece, block)));
        picker.checkInvariants();
        return out;
    }

    @Test
    void picksTheRarestPieceThePeerHas() {
        PiecePicker picker = picker("3313", 4);
        List<Block> blocks = pick(picker, Peer.of(1, "****"), 4);
        assertThat(blocks).extracting(Block::piece).containsOnly(2);
        assertThat(blocks).extracting(Block::block).containsExactly(0, 1, 2, 3);
    }

    @Test
    void skipsPiecesThePeerDoesNotHave() {
        PiecePicker picker = picker("3313", 2);
        assertThat(pick(picker, Peer.of(1, "** *"), 2)).extracting(Block::piece).containsOnly(3);
    }

    @Test
    void finishesPartialPiecesBeforeStartingRarerOnes() {
        PiecePicker picker = picker("2222", 4);
        List<Block> first = pick(picker, Peer.of(1, "****"), 2);
        int started = first.get(0).piece();
        picker.peerHas((started + 1) % 4); // make another piece... still not rarer than 'started'
        picker.peerLost((started + 2) % 4); // now piece started+2 is the rarest
        List<Block> second = pick(picker, Peer.of(2, "****"), 2);
        assertThat(second).extracting(Block::piece).containsOnly(started);
        assertThat(second).extracting(Block::block).containsExactly(2, 3);
    }

    @Test
    void higherPriorityWinsOverRarity() {
        PiecePicker picker = picker("1119", 1);
        picker.setPriority(3, PiecePicker.HIGH);
        assertThat(pick(picker, Peer.of(1, "****"), 1)).extracting(Block::piece).containsExactly(3);
    }

    @Test
    void skippedPiecesAreNeverPickedAndDoNotCountAsWanted() {
        PiecePicker picker = picker("1111", 1);
        picker.setPriority(0, PiecePicker.SKIP);
        picker.setPriority(1, PiecePicker.SKIP);
        assertThat(picker.wantedLeft()).isEqualTo(2);
        assertThat(pick(picker, Peer.of(1, "****"), 10)).extracting(Block::piece).containsExactlyInAnyOrder(2, 3);
        picker.checkInvariants();
    }

    @Test
    void sequentialModePicksInIndexOrder() {
        PiecePicker picker = picker("9991", 1);
        picker.setSequential(true);
        assertThat(pick(picker, Peer.of(1, "****"), 4)).extracting(Block::piece).containsExactly(0, 1, 2, 3);
    }

    @Test
    void tieBreaksAreRandomButAllEquallyRarePiecesComeFirst() {
        PiecePicker picker = picker("11115555", 1);
        List<Block> blocks = pick(picker, Peer.of(1, "********"), 4);
        assertThat(blocks).extracting(Block::piece).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void endGameRequestsOutstandingBlocksFromASecondPeerAndNamesTheOneToCancel() {
        PiecePicker picker = picker("22", 2);
        Peer a = Peer.of(1, "**");
        Peer b = Peer.of(2, "**");
        assertThat(pick(picker, a, 10)).hasSize(4);
        assertThat(picker.isEndGame()).isTrue();
        List<Block> dup = pick(picker, b, 10);
        assertThat(dup).hasSize(4);
        assertThat(pick(picker, b, 10)).as("at most one second request per block").isEmpty();
        Block first = dup.get(0);
        assertThat(picker.blockReceived(first.piece(), first.block(), b.id())).isEqualTo(a.id());
        assertThat(picker.blockReceived(first.piece(), first.block(), a.id())).as("already received").isEqualTo(-1);
        picker.checkInvariants();
    }

    @Test
    void droppedRequestsArePickedAgainAndGonePeersReleaseEverything() {
        PiecePicker picker = picker("11", 2);
        Peer a = Peer.of(1, "**");
        List<Block> blocks = pick(picker, a, 3);
        picker.requestDropped(blocks.get(0).piece(), blocks.get(0).block(), a.id());
        picker.checkInvariants();
        Peer b = Peer.of(2, "**");
        assertThat(pick(picker, b, 1)).containsExactly(blocks.get(0));
        assertThat(picker.peerGone(a.id())).isEqualTo(2);
        picker.checkInvariants();
        assertThat(pick(picker, b, 10)).as("a's two blocks and the untouched one").hasSize(3);
    }

    @Test
    void aFailedPieceIsDownloadedAgainAndAVerifiedOneNever() {
        PiecePicker picker = picker("11", 1);
        Peer a = Peer.of(1, "**");
        List<Block> blocks = pick(picker, a, 2);
        for (Block b : blocks) {
            picker.blockReceived(b.piece(), b.block(), a.id());
        }
        picker.pieceFailed(blocks.get(0).piece());
        picker.pieceVerified(blocks.get(1).piece());
        picker.checkInvariants();
        assertThat(picker.wantedLeft()).isEqualTo(1);
        assertThat(pick(picker, a, 5)).containsExactly(new Block(blocks.get(0).piece(), 0));
        picker.pieceVerified(blocks.get(0).piece());
        assertThat(picker.isFinished()).isTrue();
        assertThat(picker.isEndGame()).isFalse();
        picker.checkInvariants();
    }

    @Test
    void aPieceOnParoleComesFromOnePeerOnlyAndItsSendersAreKnown() {
        PiecePicker picker = picker("22", 4);
        Peer a = Peer.of(1, "**");
        Peer b = Peer.of(2, "**");
        List<Block> first = pick(picker, a, 2);
        int piece = first.get(0).piece();
        pick(picker, b, 2); // b takes the other two blocks of the same piece
        for (int block = 0; block < 4; block++) {
            picker.blockReceived(piece, block, block < 2 ? a.id() : b.id());
        }
        assertThat(picker.senders(piece)).containsExactly(a.id(), b.id());
        picker.pieceFailed(piece);
        picker.setParole(piece);
        picker.checkInvariants();
        List<Block> again = pick(picker, a, 1);
        assertThat(again).containsExactly(new Block(piece, 0));
        assertThat(pick(picker, b, 8)).as("b may not join a's parole piece").extracting(Block::piece)
                .doesNotContain(piece);
        picker.peerGone(a.id());
        assertThat(pick(picker, b, 8)).as("once a is gone, b takes the piece over").extracting(Block::piece)
                .contains(piece);
        picker.checkInvariants();
    }

    @Test
    void lastPieceHasItsOwnBlockCount() {
        PiecePicker picker = new PiecePicker(2, 4, 1, random());
        picker.peerHas(1);
        List<Block> blocks = new ArrayList<>();
        picker.pick(Peer.of(1, " *"), 10, (p, b) -> blocks.add(new Block(p, b)));
        assertThat(blocks).containsExactly(new Block(1, 0));
    }

    @Test
    void randomOperationsKeepEveryInvariant() {
        SplittableRandom rnd = new SplittableRandom(7);
        int pieces = 37;
        PiecePicker picker = new PiecePicker(pieces, 3, 2, rnd.split());
        List<Peer> peers = new ArrayList<>();
        for (int id = 0; id < 6; id++) {
            BitSet bits = new BitSet();
            for (int p = 0; p < pieces; p++) {
                if (rnd.nextInt(3) > 0) {
                    bits.set(p);
                }
            }
            peers.add(new Peer(id, bits));
            picker.peerHasAll(bits);
        }
        List<int[]> outstanding = new ArrayList<>();
        for (int step = 0; step < 5000 && !picker.isFinished(); step++) {
            Peer peer = peers.get(rnd.nextInt(peers.size()));
            switch (rnd.nextInt(6)) {
                case 0, 1 -> picker.pick(peer, 1 + rnd.nextInt(5), (p, b) -> outstanding.add(new int[] {p, b, peer.id()}));
                case 2 -> {
                    if (!outstanding.isEmpty()) {
                        int[] r = outstanding.remove(rnd.nextInt(outstanding.size()));
                        picker.blockReceived(r[0], r[1], r[2]);
                        completeIfAllReceived(picker, r[0], rnd);
                    }
                }
                case 3 -> {
                    if (!outstanding.isEmpty()) {
                        int[] r = outstanding.remove(rnd.nextInt(outstanding.size()));
                        picker.requestDropped(r[0], r[1], r[2]);
                    }
                }
                case 4 -> picker.setPriority(rnd.nextInt(pieces), rnd.nextInt(8));
                default -> {
                    int piece = rnd.nextInt(pieces);
                    if (peer.pieces().get(piece)) {
                        peer.pieces().clear(piece);
                        picker.peerLost(piece);
                    } else {
                        peer.pieces().set(piece);
                        picker.peerHas(piece);
                    }
                }
            }
            picker.checkInvariants();
        }
    }

    private static void completeIfAllReceived(PiecePicker picker, int piece, SplittableRandom rnd) {
        // The disk layer verifies a piece once every block is in; model that with a coin for failure.
        boolean complete = picker.allReceived(piece);
        if (complete) {
            if (rnd.nextInt(10) == 0) {
                picker.pieceFailed(piece);
            } else {
                picker.pieceVerified(piece);
            }
        }
    }
}
