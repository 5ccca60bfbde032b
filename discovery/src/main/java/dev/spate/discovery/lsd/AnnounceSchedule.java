package dev.spate.discovery.lsd;

import dev.spate.metainfo.InfoHash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which torrents our next announce carries (BEP 14): each torrent at most once per
 * {@code reannounce}, one message per {@code minGap} at most, as many torrents per message as fit,
 * those waiting longest first. Plain logic: time comes in as arguments.
 */
final class AnnounceSchedule {
    /** Never announced: due at once. */
    private static final long NEVER = Long.MIN_VALUE;

    private final long reannounceNanos;
    private final long minGapNanos;
    private final int perMessage;
    /** Torrent to when we last announced it. */
    private final Map<InfoHash, Long> torrents = new LinkedHashMap<>();
    private long lastMessage;
    private boolean sentAny;

    AnnounceSchedule(long reannounceNanos, long minGapNanos, int perMessage) {
        this.reannounceNanos = reannounceNanos;
        this.minGapNanos = minGapNanos;
        this.perMessage = perMessage;
    }

    void add(InfoHash hash) {
        torrents.putIfAbsent(hash, NEVER);
    }

    void remove(InfoHash hash) {
        torrents.remove(hash);
    }

    boolean contains(InfoHash hash) {
        return torrents.containsKey(hash);
    }

    int size() {
        return torrents.size();
    }

    /** The torrents to announce now, marked as announced; empty if none is due or it is too soon. */
    List<InfoHash> due(long now) {
        if (sentAny && now - lastMessage < minGapNanos) {
            return List.of();
        }
        List<Map.Entry<InfoHash, Long>> waiting = new ArrayList<>();
        for (Map.Entry<InfoHash, Long> e : torrents.entrySet()) {
            if (e.getValue() == NEVER || now - e.getValue() >= reannounceNanos) {
                waiting.add(e);
            }
        }
        waiting.sort((a, b) -> a.getValue() == NEVER ? (b.getValue() == NEVER ? 0 : -1)
                : b.getValue() == NEVER ? 1 : Long.compare(a.getValue() - now, b.getValue() - now));
        List<InfoHash> out = new ArrayList<>(Math.min(perMessage, waiting.size()));
        for (int i = 0; i < waiting.size() && out.size() < perMessage; i++) {
            out.add(waiting.get(i).getKey());
            waiting.get(i).setValue(now);
        }
        if (!out.isEmpty()) {
            lastMessage = now;
            sentAny = true;
        }
        return out;
    }
}
