package dev.spate.discovery.dht;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.metainfo.bencode.BString;
import java.net.InetAddress;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** get_peers tokens with time moved by hand: good for five to ten minutes, for one address and hash. */
class TokensTest {
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    static final long MINUTE = 60 * SECOND;
    final Random random = new Random(3);
    final NodeId hash = NodeId.random(random);
    final InetAddress alice = address(1);
    final long start = 77 * MINUTE;
    final Tokens tokens = new Tokens(random, start);

    static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) last});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTokenGivenJustAfterARotationLastsTenMinutes() {
        BString token = tokens.issue(alice, hash, start);
        assertThat(tokens.isValid(token, alice, hash, start + 9 * MINUTE + 59 * SECOND)).isTrue();
        assertThat(tokens.isValid(token, alice, hash, start + 10 * MINUTE)).isFalse();
    }

    @Test
    void aTokenGivenJustBeforeARotationLastsFiveMinutesAtLeast() {
        long late = start + 4 * MINUTE + 59 * SECOND;
        BString token = tokens.issue(alice, hash, late);
        assertThat(tokens.isValid(token, alice, hash, late + 5 * MINUTE)).isTrue();
        assertThat(tokens.isValid(token, alice, hash, start + 10 * MINUTE)).isFalse();
    }

    @Test
    void aTokenIsForTheAddressAndInfoHashItWasGivenFor() {
        BString token = tokens.issue(alice, hash, start);
        assertThat(tokens.isValid(token, alice, hash, start)).isTrue();
        assertThat(tokens.isValid(token, address(2), hash, start)).isFalse();
        assertThat(tokens.isValid(token, alice, NodeId.random(random), start)).isFalse();
        assertThat(tokens.isValid(BString.of("aoeusnth"), alice, hash, start)).isFalse();
        assertThat(tokens.isValid(BString.of("short"), alice, hash, start)).isFalse();
    }

    @Test
    void aLongSilenceForgetsBothSecrets() {
        BString token = tokens.issue(alice, hash, start);
        long muchLater = start + 60 * MINUTE;
        assertThat(tokens.isValid(token, alice, hash, muchLater)).isFalse();
        BString fresh = tokens.issue(alice, hash, muchLater);
        assertThat(fresh).isNotEqualTo(token);
        assertThat(tokens.isValid(fresh, alice, hash, muchLater + 9 * MINUTE)).isTrue();
    }
}
