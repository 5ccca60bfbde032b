package dev.spate.discovery.dht.krpc;

import dev.spate.metainfo.bencode.BString;
import java.util.Objects;
import java.util.Optional;

/**
 * A query: the sender's id, the method and its arguments, and BEP 43's {@code ro} flag (a
 * read-only sender answers no queries and must not enter routing tables).
 */
public record KrpcQuery(BString transaction, NodeId sender, Args args, boolean readOnly) implements KrpcMessage {

    public KrpcQuery {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(args, "args");
    }

    /** The method name on the wire. */
    public String method() {
        return args.method();
    }

    /** The arguments of one method. */
    public sealed interface Args permits Ping, FindNode, GetPeers, AnnouncePeer, Unknown {
        String method();
    }

    public record Ping() implements Args {
        @Override
        public String method() {
            return "ping";
        }
    }

    /** {@code want} is BEP 32's list; empty when the query had none. */
    public record FindNode(NodeId target, Optional<Want> want) implements Args {
        @Override
        public String method() {
            return "find_node";
        }
    }

    public record GetPeers(NodeId infoHash, Optional<Want> want) implements Args {
        @Override
        public String method() {
            return "get_peers";
        }
    }

    /** With {@code impliedPort}, the peer's port is the UDP source port and {@code port} means nothing. */
    public record AnnouncePeer(NodeId infoHash, int port, boolean impliedPort, BString token) implements Args {
        @Override
        public String method() {
            return "announce_peer";
        }
    }

    /** A method this node does not know; answered with error 204. */
    public record Unknown(String method) implements Args {
    }

    /** BEP 32's {@code want}: which node lists the querier asks for ({@code n4}, {@code n6}). */
    public record Want(boolean nodes4, boolean nodes6) {
    }
}
