package dev.spate.discovery.tracker.http;

import dev.spate.discovery.tracker.TrackerException.Kind;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.URI;
import javax.net.ssl.SSLException;

/** Sends the GET of one hop when the connection is up, and hands the reply (or the trouble) to its fetch. */
final class HttpReplyHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    private final HttpFetcher.Fetch fetch;
    private final URI url;
    private final String userAgent;
    /** Set once the reply is read: what the closing connection does after that is no news. */
    private boolean answered;

    HttpReplyHandler(HttpFetcher.Fetch fetch, URI url, String userAgent) {
        this.fetch = fetch;
        this.url = url;
        this.userAgent = userAgent;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        String authority = url.getRawAuthority();
        request.headers()
                .set(HttpHeaderNames.HOST, authority.substring(authority.indexOf('@') + 1))
                .set(HttpHeaderNames.USER_AGENT, userAgent)
                .set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(request);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        answered = true;
        int status = response.status().code();
        String location = response.headers().get(HttpHeaderNames.LOCATION);
        if (isRedirect(status) && location != null) {
            fetch.redirect(url, location);
        } else {
            fetch.complete(new HttpFetcher.Reply(status, response.status().reasonPhrase(),
                    ByteBufUtil.getBytes(response.content())));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!answered) {
            fetch.fail(Kind.NETWORK, "connection closed before a complete reply", null);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (answered) {
            ctx.close();
            return;
        }
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof TooLongFrameException || cause instanceof TooLongFrameException) {
            fetch.fail(Kind.MALFORMED, "reply is larger than the limit of " + fetch.maxBytes() + " bytes", cause);
        } else if (c instanceof DecompressionException) {
            fetch.fail(Kind.MALFORMED, "reply body does not decompress: " + c.getMessage(), cause);
        } else if (c instanceof SSLException) {
            fetch.fail(Kind.NETWORK, "TLS: " + c.getMessage(), cause);
        } else if (c instanceof IOException) {
            fetch.fail(Kind.NETWORK, c.getMessage() == null ? c.toString() : c.getMessage(), cause);
        } else if (cause instanceof DecoderException) {
            fetch.fail(Kind.MALFORMED, "not an HTTP reply: " + c.getMessage(), cause);
        } else {
            fetch.fail(Kind.NETWORK, c.toString(), cause);
        }
        ctx.close();
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
