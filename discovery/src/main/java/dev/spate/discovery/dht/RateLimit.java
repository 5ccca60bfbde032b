package dev.spate.discovery.dht;

/**
 * A token-bucket rate: {@code perSecond} on average, up to {@code burst} at once.
 *
 * @param perSecond tokens added each second
 * @param burst     the most tokens held, so the most taken in one instant
 */
public record RateLimit(double perSecond, int burst) {

    public RateLimit {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a rate needs perSecond > 0 and burst >= 1: " + perSecond + ", " + burst);
        }
    }
}
