package dev.spate.metainfo.fuzz;

import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.MetainfoException;
import dev.spate.metainfo.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Many more inputs per build than the fuzz seeds: well-formed torrents (test-torrents/ and the
 * fuzz seeds) with random damage, each given to {@link Metainfo#parse}. Only
 * {@link MetainfoException} may come out, and whatever parses keeps its paths confined.
 */
class MutatedTorrentsTest {

    /** A way to damage a torrent: at a position (a fraction of its length), with a value. */
    record Mutation(int kind, double where, int value) {
        byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            int at = (int) (where * in.length) % in.length;
            switch (kind) {
                case 0: { // flip one byte
                    byte[] out = in.clone();
                    out[at] = (byte) value;
                    return out;
                }
                case 1: { // cut the end off
                    return java.util.Arrays.copyOf(in, at);
                }
                case 2: { // delete a run
                    int n = Math.min(in.length - at, 1 + Math.floorMod(value, 16));
                    byte[] out = new byte[in.length - n];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(in, at + n, out, at, in.length - at - n);
                    return out;
                }
                case 3: { // duplicate a run (repeats keys, values, list items)
                    int n = Math.min(in.length - at, 1 + Math.floorMod(value, 64));
                    byte[] out = new byte[in.length + n];
                    System.arraycopy(in, 0, out, 0, at + n);
                    System.arraycopy(in, at, out, at + n, in.length - at);
                    return out;
                }
                default: { // change a digit, which moves lengths and integers
                    byte[] out = in.clone();
                    for (int i = at; i < out.length; i++) {
                        if (out[i] >= '0' && out[i] <= '9') {
                            out[i] = (byte) ('0' + Math.floorMod(value, 10));
                            break;
                        }
                    }
                    return out;
                }
            }
        }
    }

    static final List<byte[]> SEEDS = seeds();

    static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        Corpus.torrentsIn(Corpus.testTorrents()).forEach(p -> seeds.add(Corpus.read(p)));
        try {
            Path dir = Path.of(MutatedTorrentsTest.class.getResource("MetainfoFuzzTestInputs/metainfo").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                files.sorted().forEach(p -> seeds.add(Corpus.read(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return seeds;
    }

    @Provide
    Arbitrary<byte[]> damagedTorrents() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers()).as(Mutation::new);
        return Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1), mutation.list().ofMinSize(1).ofMaxSize(3))
                .as((seed, mutations) -> {
                    byte[] b = SEEDS.get(seed);
                    for (Mutation m : mutations) {
                        b = m.apply(b);
                    }
                    return b;
                });
    }

    @Property(tries = 5000)
    void onlyMetainfoExceptionEscapes(@ForAll("damagedTorrents") byte[] torrent) {
        String outcome = "parsed";
        try {
            Metainfo m = Metainfo.parse(torrent);
            PathInvariants.check(m);
            Metainfo.parse(m.toTorrentBytes());
        } catch (MetainfoException expected) {
            outcome = "refused"; // damaged input is expected to be refused; anything else fails the property
        }
        Statistics.collect(outcome);
        // Damage that was always refused would test only the first checks of the parser.
        Statistics.coverage(c -> c.check("parsed").percentage(p -> p > 2));
    }
}
