package dev.spate.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spate requiring encryption downloads from Transmission with {@code encryption} 2 (required).
 * Transmission never dials 127.0.0.0/8, so spate dials it.
 */
@Tag("interop")
class TransmissionMseIT {
    static final String TRANSMISSION = "/usr/bin/transmission-cli";

    @TempDir
    Path dir;
    MseInterop interop;

    @BeforeEach
    void setUp() throws Exception {
        InteropProcess.requireProgram(TRANSMISSION);
        interop = new MseInterop(dir, null);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (interop != null) {
            interop.close();
        }
    }

    @Test
    void spateDownloadsFromTransmissionThatRequiresEncryption() throws Exception {
        int port = InteropProcess.freePort();
        Path config = Files.createDirectories(dir.resolve("transmission-config"));
        Files.writeString(config.resolve("settings.json"), """
                {
                  "dht-enabled": false, "lpd-enabled": false, "pex-enabled": false, "utp-enabled": false,
                  "port-forwarding-enabled": false, "bind-address-ipv4": "127.0.0.1", "peer-port": %d,
                  "encryption": 2, "speed-limit-up-enabled": false, "ratio-limit-enabled": false,
                  "idle-seeding-limit-enabled": false, "message-level": 2
                }
                """.formatted(port));
        InteropProcess seeder = interop.start("transmission-seeder", List.of(TRANSMISSION, "-g", config.toString(),
                "-w", interop.seedDir.toString(), interop.torrentFile.toString()));
        MseInterop.awaitOutput(seeder, "Seeding", Duration.ofSeconds(60));
        interop.spateDownloadsFrom(port, seeder);
    }
}
