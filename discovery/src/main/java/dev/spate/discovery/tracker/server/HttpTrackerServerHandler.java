package dev.spate.discovery.tracker.server;

import dev.spate.discovery.tracker.ScrapeStats;
import dev.spate.discovery.tracker.wire.CompactPeers;
import dev.spate.metainfo.InfoHash;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The HTTP tracker: {@code GET .../announce} and {@code GET .../scrape}. A request we refuse gets
 * status 200 and a bencoded {@code failure reason} (what clients read); an unknown path 404, a
 * method other than GET 405, an unparsable request 400, each with a failure reason too. One
 * instance serves every connection: all of them run on the tracker's event loop.
 */
@ChannelHandler.Sharable
final class HttpTrackerServerHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LogManager.getLogger(HttpTrackerServerHandler.class);

    private final TrackerCore core;

    HttpTrackerServerHandler(TrackerCore core) {
        this.core = core;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            reply(ctx, request, HttpResponseStatus.BAD_REQUEST, refuse("malformed HTTP request"), false);
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            reply(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, refuse("only GET is served"), false);
            return;
        }
        String uri = request.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? "" : uri.substring(q + 1);
        InetAddress requester = CompactPeers.unmap(((InetSocketAddress) ctx.channel().remoteAddress()).getAddress());
        try {
            if (path.endsWith("/announce")) {
                reply(ctx, request, HttpResponseStatus.OK, announce(query, requester), true);
            } else if (path.endsWith("/scrape")) {
                reply(ctx, request, HttpResponseStatus.OK, scrape(query), true);
            } else {
                reply(ctx, request, HttpResponseStatus.NOT_FOUND, refuse("no such path: " + path
                        + " (try /announce or /scrape)"), true);
            }
        } catch (BadRequest e) {
            reply(ctx, request, HttpResponseStatus.OK, refuse(e.getMessage()), true);
        }
    }

    private byte[] announce(String query, InetAddress requester) throws BadRequest {
        HttpAnnounceQuery a = HttpAnnounceQuery.parse(query);
        SwarmRegistry.Outcome outcome = core.swarms.announce(a.infoHash(), requester.getAddress(), a.port(),
                a.peerId(), a.event(), a.left(), a.numWant(), SwarmRegistry.Family.ANY, core.ticker.nanoTime());
        core.httpAnnounces++;
        return HttpTrackerReplies.announce(outcome, core.intervalSeconds(), core.config.minInterval().toSeconds(),
                a.compact(), a.noPeerId(), requester);
    }

    private byte[] scrape(String query) throws BadRequest {
        List<InfoHash> hashes = HttpAnnounceQuery.parseScrape(query);
        Map<InfoHash, ScrapeStats> stats = new LinkedHashMap<>();
        for (InfoHash h : hashes) {
            stats.put(h, core.swarms.scrape(h));
        }
        core.scrapes++;
        return HttpTrackerReplies.scrape(stats);
    }

    private byte[] refuse(String reason) {
        LOG.debug("HTTP tracker request refused: {}", reason);
        core.badRequests++;
        return HttpTrackerReplies.failure(reason);
    }

    private static void reply(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            byte[] body, boolean mayKeepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        boolean keepAlive = mayKeepAlive && HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Idle timeouts, resets, oversized requests: the client's trouble, not the tracker's.
        LOG.debug("HTTP tracker connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
