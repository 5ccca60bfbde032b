package dev.spate.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every driver of an installed program shares: its name, where it is, its version, the
 * transports it speaks and whether it can be told to dial a peer.
 */
abstract class InstalledProgram implements RealClient {
    /** Every transport. */
    static final Set<PeerTransport> ANY = EnumSet.allOf(PeerTransport.class);
    /** TCP only. */
    static final Set<PeerTransport> TCP_ONLY = EnumSet.of(PeerTransport.TCP);

    private final String name;
    private final String program;
    private final String debianPackage;
    private final Memo<Optional<String>> version;
    private final Set<PeerTransport> transports;
    private final boolean dialsGivenPeers;

    InstalledProgram(String name, String program, String debianPackage, Supplier<Optional<String>> versionProbe,
            Set<PeerTransport> transports, boolean dialsGivenPeers) {
        this.name = name;
        this.program = program;
        this.debianPackage = debianPackage;
        this.version = Memo.of(versionProbe);
        this.transports = Set.copyOf(transports);
        this.dialsGivenPeers = dialsGivenPeers;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Optional<String> version() {
        return installed() ? version.get() : Optional.empty();
    }

    /** The program is executable; drivers that need more (an importable module) say so. */
    @Override
    public boolean installed() {
        return Programs.executable(program);
    }

    @Override
    public String requirement() {
        return program + " (Debian package " + debianPackage + ")";
    }

    @Override
    public final boolean dialsGivenPeers() {
        return dialsGivenPeers;
    }

    @Override
    public final boolean supports(PeerTransport transport) {
        return transports.contains(transport);
    }

    /** Refuses the options this client cannot honour, then {@link #launch}es it. */
    @Override
    public final RunningPeer start(Role role, Path torrent, Path dataDir, PeerOptions options)
            throws IOException, InterruptedException {
        Unsupported.check(this, options);
        return launch(role, torrent, dataDir, options);
    }

    /** Starts the program; see {@link RealClient#start}. The options are ones it supports. */
    abstract RunningPeer launch(Role role, Path torrent, Path dataDir, PeerOptions options)
            throws IOException, InterruptedException;

    /** The version probe's answer, without the installed check (for drivers whose check is the probe). */
    final Optional<String> probedVersion() {
        return version.get();
    }

    @Override
    public String toString() {
        return name;
    }

    /** A role's process and file names: "aria2-seeder". */
    final String fileName(Role role) {
        return name.toLowerCase(Locale.ROOT) + "-" + role.word();
    }

    /** A role's display name: "aria2 seeder". */
    final String displayName(Role role) {
        return name + " " + role.word();
    }
}
