package dev.spate.client.store;

/**
 * A torrent's settings as stored: plain values, which the client maps to and from its API types.
 *
 * @param priorities      one byte per file, the piece picker's priority (0 skip .. 7 high); empty for all normal
 * @param seedRatio       NaN for none
 * @param seedTimeSeconds negative for none
 */
public record Settings(int queuePosition, boolean paused, byte[] priorities, boolean sequential, long downloadRate,
        long uploadRate, int maxConnections, int uploadSlots, double seedRatio, long seedTimeSeconds,
        String seedLimitAction) {

    public Settings {
        priorities = priorities.clone();
    }

    @Override
    public byte[] priorities() {
        return priorities.clone();
    }
}
