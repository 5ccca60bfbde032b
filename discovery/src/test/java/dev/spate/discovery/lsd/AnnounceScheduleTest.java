package dev.spate.discovery.lsd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.InfoHash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** BEP 14's pacing with time moved by hand: one message a minute at most, each torrent every five minutes. */
class AnnounceScheduleTest {
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    static final long MINUTE = 60 * SECOND;
    long now = 1000 * MINUTE;
    final AnnounceSchedule schedule = new AnnounceSchedule(5 * MINUTE, MINUTE, 25);

    static InfoHash hash(int n) {
        byte[] b = new byte[20];
        b[0] = (byte) (n >> 8);
        b[1] = (byte) n;
        return InfoHash.of(b);
    }

    @Test
    void manyTorrentsShareMessagesAndEachIsAnnouncedOncePerPeriod() {
        for (int i = 0; i < 30; i++) {
            schedule.add(hash(i));
        }
        List<InfoHash> first = schedule.due(now);
        assertThat(first).hasSize(25);
        assertThat(schedule.due(now + 59 * SECOND)).as("one message a minute at most").isEmpty();
        List<InfoHash> second = schedule.due(now + MINUTE);
        assertThat(second).hasSize(5).doesNotContainAnyElementsOf(first);
        assertThat(schedule.due(now + 2 * MINUTE)).as("nothing due until five minutes have passed").isEmpty();
        assertThat(schedule.due(now + 5 * MINUTE)).containsExactlyElementsOf(first);
        assertThat(schedule.due(now + 6 * MINUTE)).containsExactlyElementsOf(second);
    }

    @Test
    void overAnHourNoTorrentIsAnnouncedMoreThanOnceInFiveMinutes() {
        List<List<InfoHash>> messages = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            schedule.add(hash(i));
        }
        for (long t = now; t < now + 60 * MINUTE; t += 7 * SECOND) {
            if (t % (13 * SECOND) == 0) {
                schedule.add(hash((int) (t / SECOND) % 200));
            }
            List<InfoHash> due = schedule.due(t);
            if (!due.isEmpty()) {
                messages.add(due);
                times.add(t);
            }
        }
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(MINUTE);
        }
        for (int i = 0; i < messages.size(); i++) {
            Set<InfoHash> recent = new HashSet<>();
            for (int j = i; j < messages.size() && times.get(j) - times.get(i) < 5 * MINUTE; j++) {
                for (InfoHash h : messages.get(j)) {
                    assertThat(recent.add(h)).as("%s announced twice within five minutes", h).isTrue();
                }
            }
        }
    }

    @Test
    void aRemovedTorrentIsNoLongerAnnounced() {
        schedule.add(hash(1));
        schedule.add(hash(2));
        schedule.remove(hash(1));
        assertThat(schedule.contains(hash(1))).isFalse();
        assertThat(schedule.due(now)).containsExactly(hash(2));
    }
}
