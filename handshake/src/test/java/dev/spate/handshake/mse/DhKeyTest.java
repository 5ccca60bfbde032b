package dev.spate.handshake.mse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DhKeyTest {

    @Test
    void thePrimeIsTheSpecificationsSafePrime() {
        assertThat(DhKey.P).isEqualTo(Reference.P);
        assertThat(DhKey.P.bitLength()).isEqualTo(768);
        assertThat(DhKey.P.isProbablePrime(64)).isTrue();
        assertThat(DhKey.P.shiftRight(1).isProbablePrime(64)).as("(P-1)/2 is prime too").isTrue();
    }

    @Test
    void publicKeysAndSecretsMatchTheReference() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20; i++) {
            byte[] xa = new byte[20];
            byte[] xb = new byte[20];
            random.nextBytes(xa);
            random.nextBytes(xb);
            DhKey a = new DhKey(new BigInteger(1, xa));
            DhKey b = new DhKey(new BigInteger(1, xb));
            assertThat(a.publicKey()).isEqualTo(Reference.publicKey(xa));
            byte[] s = a.secret(b.publicKey());
            assertThat(s).hasSize(96).isEqualTo(b.secret(a.publicKey())).isEqualTo(Reference.secret(xa, b.publicKey()));
        }
    }

    @Test
    void generatedKeysHave160Bits() {
        byte[] x = new byte[20];
        x[0] = (byte) 0x80;
        DhKey key = DhKey.generate(new ScriptedRandom().bytes(x));
        assertThat(key.publicKey()).isEqualTo(Reference.publicKey(x));
    }

    @Test
    void smallNumbersArePaddedTo96Bytes() {
        byte[] two = DhKey.toBytes(BigInteger.TWO);
        assertThat(two).hasSize(96);
        assertThat(two[95]).isEqualTo((byte) 2);
        assertThat(new BigInteger(1, DhKey.toBytes(DhKey.P.subtract(BigInteger.ONE))))
                .isEqualTo(DhKey.P.subtract(BigInteger.ONE));
    }

    @Test
    void keysThatGiveAwayTheSecretAreRefused() {
        DhKey key = new DhKey(BigInteger.valueOf(12345));
        assertThat(key.secret(DhKey.toBytes(BigInteger.ZERO))).isNull();
        assertThat(key.secret(DhKey.toBytes(BigInteger.ONE))).isNull();
        assertThat(key.secret(DhKey.toBytes(DhKey.P.subtract(BigInteger.ONE)))).isNull();
        assertThat(key.secret(DhKey.toBytes(BigInteger.TWO))).isNotNull();
    }
}
