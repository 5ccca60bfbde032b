package dev.spate.cli;

import java.util.List;

/** Every command of {@code spate}, in the order {@code spate --help} lists them. */
final class Commands {
    private Commands() {
    }

    static List<Command> all() {
        return List.of(new DownloadCommand(), new SeedCommand(), new VerifyCommand(), new InfoCommand(),
                new CreateCommand(), new TrackerCommand());
    }
}
