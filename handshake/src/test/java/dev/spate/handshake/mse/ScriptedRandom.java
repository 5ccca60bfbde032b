package dev.spate.handshake.mse;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.random.RandomGenerator;

/**
 * A "random" source that answers from a script, so a test knows every private key and padding
 * the handshake will use: {@code nextBytes} takes the next scripted array (its length must match),
 * {@code nextInt(bound)} the next scripted int. Anything unscripted fails the test.
 */
final class ScriptedRandom implements RandomGenerator {
    private final Queue<Object> script = new ArrayDeque<>();

    /** The calls one side of an MSE handshake makes: a 20-byte private key, then PadA or PadB. */
    static ScriptedRandom handshake(byte[] privateKey, byte[] padding) {
        return new ScriptedRandom().bytes(privateKey).integer(padding.length).bytes(padding);
    }

    ScriptedRandom bytes(byte[] value) {
        script.add(value.clone());
        return this;
    }

    ScriptedRandom integer(int value) {
        script.add(value);
        return this;
    }

    boolean isExhausted() {
        return script.isEmpty();
    }

    @Override
    public void nextBytes(byte[] out) {
        Object next = script.poll();
        if (!(next instanceof byte[] value) || value.length != out.length) {
            throw new AssertionError("unscripted nextBytes(" + out.length + "), the script has "
                    + (next instanceof byte[] b ? Arrays.toString(b) : next));
        }
        System.arraycopy(value, 0, out, 0, out.length);
    }

    @Override
    public int nextInt(int bound) {
        Object next = script.poll();
        if (!(next instanceof Integer value) || value < 0 || value >= bound) {
            throw new AssertionError("unscripted nextInt(" + bound + "), the script has " + next);
        }
        return value;
    }

    @Override
    public long nextLong() {
        throw new AssertionError("unscripted nextLong()");
    }
}
