package dev.spate.discovery.tracker.udp;

import dev.spate.discovery.tracker.AnnounceRequest;
import dev.spate.discovery.tracker.AnnounceResponse;
import dev.spate.discovery.tracker.ScrapeResponse;
import dev.spate.discovery.tracker.wire.UdpTrackerWire;
import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBuf;
import java.util.List;

/** The part of a UDP exchange that follows the connect: how to write the request and read its reply. */
sealed interface UdpRequest<T> {

    /** The BEP 15 action of the request, which the reply must carry too. */
    int action();

    void write(ByteBuf out, long connectionId, int transactionId);

    /** Reads the reply; throws {@link IllegalArgumentException} if it is malformed. */
    T read(ByteBuf reply, boolean ipv6);

    /** An announce; {@code urlData} is the tracker URL's path and query, sent as BEP 41 URL data. */
    record Announce(AnnounceRequest request, String urlData) implements UdpRequest<AnnounceResponse> {
        @Override
        public int action() {
            return UdpTrackerWire.ACTION_ANNOUNCE;
        }

        @Override
        public void write(ByteBuf out, long connectionId, int transactionId) {
            UdpTrackerWire.writeAnnounceRequest(out, connectionId, transactionId, request, urlData);
        }

        @Override
        public AnnounceResponse read(ByteBuf reply, boolean ipv6) {
            return UdpReplies.announce(reply, ipv6);
        }
    }

    record Scrape(List<InfoHash> hashes) implements UdpRequest<ScrapeResponse> {
        @Override
        public int action() {
            return UdpTrackerWire.ACTION_SCRAPE;
        }

        @Override
        public void write(ByteBuf out, long connectionId, int transactionId) {
            UdpTrackerWire.writeScrapeRequest(out, connectionId, transactionId, hashes);
        }

        @Override
        public ScrapeResponse read(ByteBuf reply, boolean ipv6) {
            return UdpReplies.scrape(reply, hashes);
        }
    }
}
