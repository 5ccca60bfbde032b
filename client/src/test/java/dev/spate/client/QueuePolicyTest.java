package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.client.QueuePolicy.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueuePolicyTest {
    private static Entry download(boolean running, boolean stalled) {
        return new Entry(false, running, stalled);
    }

    private static Entry seed(boolean running) {
        return new Entry(true, running, false);
    }

    @Test
    void theFirstInQueueOrderTakeTheSlotsOfTheirKind() {
        List<Entry> queue = List.of(download(false, false), seed(false), download(false, false),
                download(false, false), seed(false), seed(false));
        assertThat(QueuePolicy.decide(queue, 2, 1)).containsExactly(true, true, true, false, false, false);
    }

    @Test
    void aStalledRunningTorrentKeepsRunningWithoutHoldingASlot() {
        List<Entry> queue = List.of(download(true, true), download(true, false), download(false, false),
                download(false, false));
        assertThat(QueuePolicy.decide(queue, 2, 0)).containsExactly(true, true, true, false);
    }

    @Test
    void aQueuedTorrentIsNeverCountedAsStalled() {
        List<Entry> queue = List.of(download(false, true), download(false, false));
        assertThat(QueuePolicy.decide(queue, 1, 0)).containsExactly(true, false);
    }

    @Test
    void movedUpATorrentTakesTheSlotOfTheLastRunningOne() {
        List<Entry> queue = List.of(download(false, false), download(true, false), download(true, false));
        assertThat(QueuePolicy.decide(queue, 2, 0)).containsExactly(true, true, false);
    }

    @Test
    void negativeLimitsMeanNoLimit() {
        List<Entry> queue = List.of(download(false, false), download(false, false), seed(false));
        assertThat(QueuePolicy.decide(queue, -1, -1)).containsExactly(true, true, true);
    }
}
