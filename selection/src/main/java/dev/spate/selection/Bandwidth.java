package dev.spate.selection;

import dev.spate.selection.limits.SharedLimits;
import dev.spate.selection.limits.TokenBucket;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * The bandwidth shares of one swarm, handed out in small slices every tick so that no peer waits
 * behind another's burst. Downloads: each peer that unchokes us earns a slice of credit per tick
 * and may request while it has credit; a request spends its bytes from the torrent's bucket and
 * the global one. Uploads: each unchoked, interested peer gets a slice as its upload quota, which
 * it enforces; what peers report sent is spent from both buckets. A block is indivisible, so a
 * bucket may go into debt by a block; the debt is paid before anything more is allowed, which keeps
 * the average at the rate. Owned by the selection thread.
 */
final class Bandwidth {
    private final TokenBucket download = new TokenBucket(0);
    private final TokenBucket upload = new TokenBucket(0);
    private SharedLimits shared;
    private boolean quotasGiven;

    Bandwidth(SharedLimits shared) {
        this.shared = shared;
    }

    void shared(SharedLimits limits) {
        shared = limits;
    }

    void setRates(long downloadRate, long uploadRate) {
        if (Math.max(0, downloadRate) != download.rate()) {
            download.setRate(downloadRate);
        }
        if (Math.max(0, uploadRate) != upload.rate()) {
            upload.setRate(uploadRate);
        }
    }

    boolean downloadLimited() {
        return !download.unlimited() || !shared.download().unlimited();
    }

    boolean uploadLimited() {
        return !upload.unlimited() || !shared.upload().unlimited();
    }

    /** Hands out this tick's slices; {@code dirty} is told of every peer whose orders changed. */
    void tick(long now, Collection<SwarmPeer> peers, Consumer<SwarmPeer> dirty) {
        download.refill(now);
        upload.refill(now);
        shareDownload(now, peers);
        shareUpload(now, peers, dirty);
    }

    private void shareDownload(long now, Collection<SwarmPeer> peers) {
        if (!downloadLimited()) {
            return;
        }
        int eligible = 0;
        for (SwarmPeer p : peers) {
            if (!p.peerChoking && p.amInterested) {
                eligible++;
            }
        }
        if (eligible == 0) {
            return;
        }
        long slice = Math.min(download.available(), shared.claimDownload(now)) / eligible;
        long cap = Math.max(2 * slice, Swarm.BLOCK_SIZE);
        for (SwarmPeer p : peers) {
            if (!p.peerChoking && p.amInterested) {
                p.downloadCredit = Math.min(cap, p.downloadCredit + slice);
            }
        }
    }

    private void shareUpload(long now, Collection<SwarmPeer> peers, Consumer<SwarmPeer> dirty) {
        if (!uploadLimited()) {
            if (quotasGiven) {
                quotasGiven = false;
                for (SwarmPeer p : peers) {
                    p.link.orders().uploadQuota = -1L;
                    dirty.accept(p);
                }
            }
            return;
        }
        quotasGiven = true;
        int eligible = 0;
        for (SwarmPeer p : peers) {
            if (!p.amChoking && p.peerInterested) {
                eligible++;
            }
        }
        if (eligible == 0) {
            return;
        }
        long slice = Math.min(upload.available(), shared.claimUpload(now)) / eligible;
        for (SwarmPeer p : peers) {
            if (!p.amChoking && p.peerInterested) {
                p.link.orders().uploadQuota = slice;
                dirty.accept(p);
            }
        }
    }

    /** The quota a new peer starts with: nothing while uploads are limited, until its first slice. */
    Long initialQuota() {
        return uploadLimited() ? 0L : null;
    }

    /** How many of the {@code want} blocks the peer may request now. */
    int blocksAllowed(SwarmPeer p, int want) {
        if (!downloadLimited()) {
            return want;
        }
        if (p.downloadCredit <= 0 || download.available() <= 0 || shared.download().available() <= 0) {
            return 0;
        }
        return (int) Math.min(want, (p.downloadCredit + Swarm.BLOCK_SIZE - 1) / Swarm.BLOCK_SIZE);
    }

    void requested(SwarmPeer p, long bytes) {
        if (downloadLimited()) {
            p.downloadCredit -= bytes;
            download.spend(bytes);
            shared.download().spend(bytes);
        }
    }

    /** A request the peer will not answer: its bytes are free for another. */
    void requestDropped(long bytes) {
        if (downloadLimited()) {
            download.refund(bytes);
            shared.download().refund(bytes);
        }
    }

    void uploaded(long bytes) {
        if (bytes > 0) {
            upload.spend(bytes);
            shared.upload().spend(bytes);
        }
    }
}
