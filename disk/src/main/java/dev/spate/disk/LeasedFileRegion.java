package dev.spate.disk;

import dev.spate.disk.storage.ChannelLease;
import io.netty.channel.DefaultFileRegion;

/**
 * A file region on a shared, pooled file channel. A plain {@link DefaultFileRegion} closes its
 * channel when released, which would close the pool's handle under other users; this one gives
 * back its lease instead. It stays a {@code DefaultFileRegion} so native transports still use
 * {@code sendfile}.
 */
final class LeasedFileRegion extends DefaultFileRegion {

    private final ChannelLease lease;

    LeasedFileRegion(ChannelLease lease, long position, long count) {
        super(lease.channel(), position, count);
        this.lease = lease;
    }

    @Override
    protected void deallocate() {
        lease.release();
    }
}
