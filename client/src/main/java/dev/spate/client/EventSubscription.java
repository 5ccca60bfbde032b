package dev.spate.client;

/** A subscriber's stream of {@link TorrentEvent}s; closing it stops delivery. */
public interface EventSubscription extends AutoCloseable {

    /** Progress events dropped so far because this subscriber fell behind. */
    long dropped();

    @Override
    void close();
}
