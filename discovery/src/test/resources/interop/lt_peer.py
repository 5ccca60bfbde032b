"""A libtorrent (python3-libtorrent 2.0) peer for spate's interop tests, on 127.0.0.1 only.

  lt_peer.py make-torrent PAYLOAD TRACKER_URLS OUT.torrent  v1 only; URLs comma-separated, one tier each;
                                                            prints the info hash in hex
  lt_peer.py seed TORRENT DIR PORT                           seeds until killed
  lt_peer.py leech TORRENT DIR PORT                          exits 0 once the download is complete

DHT, local discovery, UPnP, NAT-PMP and PEX are off: peers can come from the tracker only. Both
roles re-announce every second (libtorrent otherwise learns of new peers only at its interval).
"""
import os
import sys
import time

import libtorrent as lt


def make_torrent(payload, trackers, out):
    fs = lt.file_storage()
    lt.add_files(fs, payload)
    t = lt.create_torrent(fs, 32768, flags=lt.create_torrent.v1_only)
    for tier, url in enumerate(trackers.split(",")):
        t.add_tracker(url, tier)
    lt.set_piece_hashes(t, os.path.dirname(os.path.abspath(payload)))
    with open(out, "wb") as f:
        f.write(lt.bencode(t.generate()))
    print(lt.torrent_info(out).info_hashes().v1, flush=True)


def run(mode, torrent, directory, port):
    ses = lt.session({
        "listen_interfaces": "127.0.0.1:%d" % port,
        "enable_dht": False,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "dht_bootstrap_nodes": "",
        "allow_multiple_connections_per_ip": True,
        "alert_mask": lt.alert.category_t.error_notification | lt.alert.category_t.tracker_notification
        | lt.alert.category_t.status_notification,
    })
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(torrent)
    params.save_path = directory
    params.flags |= lt.torrent_flags.disable_dht | lt.torrent_flags.disable_lsd | lt.torrent_flags.disable_pex
    handle = ses.add_torrent(params)
    last_announce = 0.0
    while True:
        for alert in ses.pop_alerts():
            print("alert:", alert.message(), flush=True)
        status = handle.status()
        if mode == "leech" and status.is_seeding:
            print("DONE", flush=True)
            return 0
        now = time.monotonic()
        if now - last_announce >= 1.0:
            last_announce = now
            print("state %s progress %.3f peers %d" % (status.state, status.progress, status.num_peers), flush=True)
            handle.force_reannounce(0, -1, lt.reannounce_flags_t.ignore_min_interval)
        time.sleep(0.1)


def main(argv):
    if argv[1] == "make-torrent":
        make_torrent(argv[2], argv[3], argv[4])
        return 0
    return run(argv[1], argv[2], argv[3], int(argv[4]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
