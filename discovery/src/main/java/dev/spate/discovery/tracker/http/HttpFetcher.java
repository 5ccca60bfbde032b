package dev.spate.discovery.tracker.http;

import dev.spate.discovery.Durations;
import dev.spate.discovery.NettyTransport;
import dev.spate.discovery.tracker.TrackerClientConfig;
import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.TrackerException.Kind;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * One HTTP GET to a tracker, on one event loop of the caller's group: a fresh connection per hop
 * ({@code Connection: close}), redirects followed up to a limit, gzip undone, the body capped after
 * decompression, and one deadline for the whole exchange.
 */
final class HttpFetcher {
    /** A final (non-redirect) HTTP reply. */
    record Reply(int status, String reason, byte[] body) {
    }

    private final EventLoopGroup group;
    private final AddressResolverGroup<InetSocketAddress> resolver;
    private final TrackerClientConfig config;
    private volatile SslContext sslContext;

    HttpFetcher(EventLoopGroup group, AddressResolverGroup<InetSocketAddress> resolver, TrackerClientConfig config) {
        this.group = group;
        this.resolver = resolver;
        this.config = config;
    }

    /** GETs {@code url}; errors name {@code tracker} (the announce URL, not the one with the query). */
    CompletableFuture<Reply> get(URI tracker, URI url) {
        Fetch fetch = new Fetch(tracker);
        try {
            fetch.loop.execute(() -> fetch.start(url));
        } catch (RejectedExecutionException e) {
            fetch.fail(Kind.NETWORK, "the client is shut down", null);
        }
        return fetch.result;
    }

    private SslContext sslContext() throws SSLException {
        SslContext ctx = sslContext;
        if (ctx == null) {
            synchronized (this) {
                ctx = sslContext;
                if (ctx == null) {
                    ctx = SslContextBuilder.forClient().build();
                    sslContext = ctx;
                }
            }
        }
        return ctx;
    }

    /** The state of one GET across its redirects; touched only on {@link #loop}. */
    final class Fetch {
        final URI tracker;
        final EventLoop loop = group.next();
        final CompletableFuture<Reply> result = new CompletableFuture<>();
        private int redirectsLeft = config.maxRedirects();
        private Channel channel;
        private ScheduledFuture<?> deadline;

        Fetch(URI tracker) {
            this.tracker = tracker;
        }

        void start(URI url) {
            deadline = loop.schedule(() -> fail(Kind.TIMEOUT, "no complete reply within "
                    + Durations.human(config.httpTimeout()), null), config.httpTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
            result.whenComplete((r, e) -> {
                deadline.cancel(false);
                if (channel != null) {
                    channel.close();
                }
            });
            hop(url);
        }

        void redirect(URI from, String location) {
            if (redirectsLeft-- == 0) {
                fail(Kind.NETWORK, "more than " + config.maxRedirects() + " redirects", null);
                return;
            }
            URI next;
            try {
                next = from.resolve(location.trim());
            } catch (IllegalArgumentException e) {
                fail(Kind.NETWORK, "redirect to a malformed URL: " + location, e);
                return;
            }
            channel.close();
            hop(next);
        }

        private void hop(URI url) {
            if (result.isDone()) {
                return;
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
            if (!scheme.equals("http") && !scheme.equals("https")) {
                fail(Kind.UNSUPPORTED, "cannot follow a redirect to " + url, null);
                return;
            }
            String host = url.getHost();
            if (host == null || host.isEmpty()) {
                fail(Kind.UNSUPPORTED, "no host in " + url, null);
                return;
            }
            boolean tls = scheme.equals("https");
            int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
            String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            SslContext ssl;
            try {
                ssl = tls ? sslContext() : null;
            } catch (SSLException e) {
                fail(Kind.UNSUPPORTED, "TLS is not available: " + e.getMessage(), e);
                return;
            }
            Bootstrap b = new Bootstrap().group(loop).channel(NettyTransport.socket(group)).resolver(resolver)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                            config.httpTimeout().toMillis()))
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            if (ssl != null) {
                                SslHandler handler = ssl.newHandler(ch.alloc(), bareHost, port);
                                SSLParameters params = handler.engine().getSSLParameters();
                                params.setEndpointIdentificationAlgorithm("HTTPS");
                                handler.engine().setSSLParameters(params);
                                ch.pipeline().addLast(handler);
                            }
                            ch.pipeline().addLast(new HttpClientCodec(4096, 16 * 1024, 16 * 1024),
                                    new HttpContentDecompressor(),
                                    new HttpObjectAggregator(config.maxResponseBytes()),
                                    new HttpReplyHandler(Fetch.this, url, config.userAgent()));
                        }
                    });
            ChannelFuture connect = b.connect(InetSocketAddress.createUnresolved(bareHost, port));
            channel = connect.channel();
            connect.addListener(f -> {
                if (!f.isSuccess()) {
                    fail(Kind.NETWORK, "cannot connect to " + bareHost + ":" + port + ": " + f.cause().getMessage(),
                            f.cause());
                }
            });
        }

        int maxBytes() {
            return config.maxResponseBytes();
        }

        void complete(Reply reply) {
            result.complete(reply);
        }

        void fail(Kind kind, String detail, Throwable cause) {
            result.completeExceptionally(new TrackerException(tracker, kind, detail, cause));
        }
    }
}
