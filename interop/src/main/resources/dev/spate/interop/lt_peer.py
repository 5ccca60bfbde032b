#!/usr/bin/python3
"""A libtorrent (python3-libtorrent 2.0) peer on 127.0.0.1, for spate's interop suite and benchmarks.

Seeds or leeches one torrent (a .torrent file or a magnet link) with DHT, local discovery, UPnP,
NAT-PMP and PEX off, so peers come only from the torrent's trackers and --peer. Prints one JSON
object per line on stdout:
  {"event": "listening", "port": N}                      first, once the session listens
  {"event": "progress", "progress": 0.5, "state": ...}   every half second and on each change of state
  {"event": "finished", "seconds": S, ...}               a leecher that has every piece
  {"event": "error", "message": ...}                     torrent and file errors
A leecher exits after "finished" unless --keep-seeding; a seeder runs until killed.

The driver is dev.spate.interop.LibtorrentPeer; bench/e2e runs this file directly.
Run it with Debian's /usr/bin/python3: libtorrent imports only there.
"""
import argparse
import json
import sys
import time

import libtorrent as lt


def emit(**fields):
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def session(args):
    enc_policy = {"prefer": 1, "require": 0, "plain": 2}[args.encryption]
    return lt.session({
        "listen_interfaces": "127.0.0.1:%d" % args.port,
        "enable_dht": False,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "dht_bootstrap_nodes": "",
        # Every test peer shares 127.0.0.1: without this libtorrent keeps one connection per address.
        "allow_multiple_connections_per_ip": True,
        "out_enc_policy": enc_policy,
        "in_enc_policy": enc_policy,
        # enc_level: 1 plaintext, 2 rc4, 3 both (the crypto_provide bits of MSE). "require" means
        # the encrypted handshake and RC4 for the whole stream.
        "allowed_enc_level": 2 if args.encryption == "require" else 3,
        "enable_outgoing_utp": args.transport in ("utp", "both"),
        "enable_incoming_utp": args.transport in ("utp", "both"),
        "enable_outgoing_tcp": args.transport in ("tcp", "both"),
        "enable_incoming_tcp": args.transport in ("tcp", "both"),
        "alert_mask": lt.alert.category_t.error_notification | lt.alert.category_t.status_notification,
        "announce_to_all_trackers": True,
        "announce_to_all_tiers": True,
        "min_reconnect_time": 1,
        "peer_connect_timeout": 3,
    })


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--torrent", help=".torrent file")
    ap.add_argument("--magnet", help="magnet link instead of a .torrent")
    ap.add_argument("--save", required=True, help="download directory")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--seed", action="store_true", help="the data is complete: check it and seed")
    ap.add_argument("--keep-seeding", action="store_true", help="a leecher stays after it finishes")
    ap.add_argument("--peer", action="append", default=[], help="HOST:PORT to connect to")
    ap.add_argument("--encryption", choices=["plain", "prefer", "require"], default="plain")
    ap.add_argument("--transport", choices=["tcp", "utp", "both"], default="tcp")
    ap.add_argument("--reannounce", type=float, default=1.0,
                    help="seconds between forced announces (a seeder otherwise hears of leechers only at its interval); 0: never")
    ap.add_argument("--timeout", type=float, default=3600.0)
    ap.add_argument("--pex", action="store_true", help="allow peer exchange")
    args = ap.parse_args()

    ses = session(args)
    if args.magnet:
        params = lt.parse_magnet_uri(args.magnet)
    else:
        params = lt.add_torrent_params()
        params.ti = lt.torrent_info(args.torrent)
    params.save_path = args.save
    flags = lt.torrent_flags.disable_dht | lt.torrent_flags.disable_lsd
    if not args.pex:
        flags |= lt.torrent_flags.disable_pex
    params.flags = (params.flags | flags) & ~lt.torrent_flags.auto_managed & ~lt.torrent_flags.paused
    handle = ses.add_torrent(params)

    deadline = time.time() + 10
    while ses.listen_port() == 0 and time.time() < deadline:
        time.sleep(0.05)
    emit(event="listening", port=ses.listen_port())

    for peer in args.peer:
        host, port = peer.rsplit(":", 1)
        handle.connect_peer((host, int(port)))

    start = time.time()
    last_announce = 0.0
    last_report = 0.0
    last_state = None
    finished_at = None
    while time.time() - start < args.timeout:
        for a in ses.pop_alerts():
            if isinstance(a, (lt.torrent_error_alert, lt.file_error_alert)):
                emit(event="error", message=a.message())
        st = handle.status()
        now = time.time()
        if args.reannounce > 0 and now - last_announce >= args.reannounce and st.has_metadata:
            handle.force_reannounce(0, -1, lt.reannounce_flags_t.ignore_min_interval)
            last_announce = now
        state = str(st.state)
        if now - last_report >= 0.5 or state != last_state:
            emit(event="progress", progress=st.progress, state=state, peers=st.num_peers,
                 down=st.download_payload_rate, up=st.upload_payload_rate,
                 total_download=st.total_payload_download, total_upload=st.total_payload_upload)
            last_report = now
            last_state = state
        if finished_at is None and st.has_metadata and st.is_seeding and not args.seed:
            finished_at = now
            emit(event="finished", seconds=now - start, total_download=st.total_payload_download)
            if not args.keep_seeding:
                break
        time.sleep(0.05)
    else:
        emit(event="timeout", seconds=args.timeout)
        sys.exit(1)


if __name__ == "__main__":
    main()
