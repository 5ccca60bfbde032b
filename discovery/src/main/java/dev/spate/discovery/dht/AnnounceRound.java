package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.KrpcQuery;
import dev.spate.discovery.dht.krpc.KrpcResponse;
import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The announce_peer queries that end an announce: one to each of the closest nodes a get_peers
 * lookup found, with the token each of them gave. Counts the nodes that accepted.
 */
final class AnnounceRound {
    private final Rpc rpc;
    private final NodeId infoHash;
    private final DhtEngine.Announce announce;
    private final CompletableFuture<LookupResult> done = new CompletableFuture<>();
    private LookupResult lookup;
    private int waiting;
    private int accepted;

    AnnounceRound(Rpc rpc, NodeId infoHash, DhtEngine.Announce announce) {
        this.rpc = rpc;
        this.infoHash = infoHash;
        this.announce = announce;
    }

    CompletableFuture<LookupResult> send(List<Lookup.Candidate> closest, LookupResult found) {
        lookup = found;
        waiting = 1; // held until every query is out, so an early answer cannot finish the round
        for (Lookup.Candidate c : closest) {
            if (c.token == null) {
                continue;
            }
            waiting++;
            KrpcQuery.AnnouncePeer args = new KrpcQuery.AnnouncePeer(infoHash, announce.port(), announce.impliedPort(),
                    c.token);
            boolean sent = rpc.query(c.address, args, new Rpc.Answer() {
                @Override
                public void onResponse(KrpcResponse response, NodeContact from) {
                    accepted++;
                    answered();
                }

                @Override
                public void onFailure() {
                    answered();
                }
            });
            if (!sent) {
                waiting--;
            }
        }
        answered();
        return done;
    }

    private void answered() {
        if (--waiting == 0) {
            done.complete(new LookupResult(lookup.peers(), lookup.queried(), lookup.responded(), accepted));
        }
    }
}
