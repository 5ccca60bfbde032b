package dev.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.handshake.EncryptionPolicy;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;

class TransferOptionsTest {

    private static CommandLine parse(String... args) throws ParseException {
        return new DefaultParser().parse(TransferOptions.add(new Options()), args);
    }

    @Test
    void encryptionIsPreferredUnlessTheOptionSaysOtherwise() throws ParseException {
        assertThat(TransferOptions.config(parse("x.torrent")).encryption()).isEqualTo(EncryptionPolicy.PREFER);
        assertThat(TransferOptions.config(parse("x.torrent", "--encryption", "require")).encryption())
                .isEqualTo(EncryptionPolicy.REQUIRE);
        assertThat(TransferOptions.config(parse("x.torrent", "--encryption", "DISABLE")).encryption())
                .isEqualTo(EncryptionPolicy.DISABLE);
    }

    @Test
    void anUnknownEncryptionModeIsAUsageError() {
        String torrent = CliRun.testTorrents().resolve("greeting.torrent").toString();
        for (String command : new String[] {"download", "seed"}) {
            CliRun r = CliRun.run(command, torrent, "--encryption", "always");
            assertThat(r.exitCode()).as(command).isEqualTo(2);
            assertThat(r.err()).contains("--encryption: encryption is prefer, require or disable, not 'always'");
        }
    }

    @Test
    void helpShowsTheOption() {
        assertThat(CliRun.run("download", "--help").out()).contains("--encryption");
        assertThat(CliRun.run("seed", "--help").out()).contains("--encryption");
    }
}
