package dev.spate.metainfo.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spate.metainfo.MagnetUri;
import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.MetainfoException;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeDecoder;
import dev.spate.metainfo.bencode.BencodeEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fuzz targets. In {@code ./mvnw verify} Jazzer replays the committed seeds under
 * {@code src/test/resources/dev/spate/metainfo/fuzz/MetainfoFuzzTestInputs/<method>/} as
 * regression tests; {@code JAZZER_FUZZ=1 ./mvnw -pl metainfo test -Dtest=MetainfoFuzzTest} fuzzes
 * for real. The contract: no exception but {@link MetainfoException} escapes, and what decodes
 * strictly re-encodes to the same bytes.
 */
class MetainfoFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void bencode(byte[] data) {
        try {
            BValue v = BencodeDecoder.strict().decode(data);
            if (!Arrays.equals(BencodeEncoder.encode(v), data)) {
                throw new AssertionError("strictly decoded input does not re-encode to itself");
            }
        } catch (MetainfoException expected) {
            // bad input is expected; anything else escaping is a bug
        }
        try {
            BencodeDecoder.lenient().decodeWithViolations(data);
        } catch (MetainfoException expected) {
            // as above
        }
    }

    @FuzzTest(maxDuration = "30s")
    void metainfo(byte[] data) {
        try {
            Metainfo m = Metainfo.parse(data);
            PathInvariants.check(m);
            Metainfo.fromInfoDictionary(m.infoBytes(), m.trackerTiers());
            MagnetUri.parse(m.toMagnet().toString());
        } catch (MetainfoException expected) {
            // bad input is expected; anything else escaping is a bug
        }
    }

    @FuzzTest(maxDuration = "30s")
    void magnet(byte[] data) {
        try {
            MagnetUri m = MagnetUri.parse(new String(data, StandardCharsets.UTF_8));
            if (!MagnetUri.parse(m.toString()).equals(m)) {
                throw new AssertionError("magnet link does not survive toString and parse: " + m);
            }
        } catch (MetainfoException expected) {
            // bad input is expected; anything else escaping is a bug
        }
    }
}
