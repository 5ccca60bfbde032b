"""libtorrent's DHT node (python3-libtorrent 2.0) for spate's DHT interop test, on 127.0.0.1 only.

  lt_dht.py get HASH PORT BOOTSTRAP          asks the DHT for peers of HASH every 2 s, printing
                                             "PEER ip:port" for each new one, until killed
  lt_dht.py announce HASH PORT BOOTSTRAP     adds a torrent known only by HASH (as a magnet
                                             link would), which libtorrent announces to the DHT
                                             at once and then every few seconds; prints "ADDED"

BOOTSTRAP is host:port of the one DHT node to start from (a spate node); the default public
bootstrap nodes are replaced before the session starts, so nothing but 127.0.0.1 is contacted.
Node id and address restrictions (BEP 42, the one-node-per-IP rules, the "dark internet" filter)
and the per-IP packet rate ban are off or raised: every node here shares 127.0.0.1. "NODES n" is printed whenever the size of libtorrent's routing table changes.

session.dht_announce() cannot be called from python3-libtorrent 2.0.8: its flags argument has no
Python type. A torrent's own DHT announce is the same announce_peer, so "announce" uses that.
"""
import os
import sys
import time

import libtorrent as lt


def main(argv):
    mode, info_hash, port, bootstrap = argv[1], lt.sha1_hash(bytes.fromhex(argv[2])), int(argv[3]), argv[4]
    directory = os.getcwd()
    ses = lt.session({
        "listen_interfaces": "127.0.0.1:%d" % port,
        "enable_dht": True,
        "dht_bootstrap_nodes": bootstrap,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "dht_restrict_routing_ips": False,
        "dht_restrict_search_ips": False,
        "dht_enforce_node_id": False,
        "dht_prefer_verified_node_ids": False,
        "dht_ignore_dark_internet": False,
        "dht_announce_interval": 5,
        # libtorrent bans an IP address that sends it more than 5 packets a second for 5 minutes;
        # every spate node here is 127.0.0.1, so together they reach that within seconds.
        "dht_block_ratelimit": 100000,
        "alert_mask": lt.alert.category_t.dht_notification | lt.alert.category_t.error_notification
        | lt.alert.category_t.dht_operation_notification,
    })
    if mode == "announce":
        params = lt.add_torrent_params()
        params.info_hashes = lt.info_hash_t(info_hash)
        params.save_path = directory
        params.flags |= lt.torrent_flags.disable_lsd | lt.torrent_flags.disable_pex
        ses.add_torrent(params)
        print("ADDED", flush=True)
    seen = set()
    last_nodes = -1
    last_query = 0.0
    last_stats = 0.0
    while True:
        for alert in ses.pop_alerts():
            if isinstance(alert, lt.dht_get_peers_reply_alert):
                for peer in alert.peers():
                    key = "%s:%d" % (peer[0], peer[1])
                    if key not in seen:
                        seen.add(key)
                        print("PEER", key, flush=True)
            elif isinstance(alert, lt.dht_stats_alert):
                nodes = sum(b["num_nodes"] for b in alert.routing_table)
                if nodes != last_nodes:
                    last_nodes = nodes
                    print("NODES", nodes, flush=True)
            elif type(alert).__name__ in ("dht_bootstrap_alert", "dht_error_alert", "udp_error_alert",
                                          "listen_failed_alert", "listen_succeeded_alert"):
                print("alert:", alert.message(), flush=True)
        now = time.monotonic()
        if now - last_stats >= 1.0:
            last_stats = now
            ses.post_dht_stats()
        if mode == "get" and now - last_query >= 2.0:
            last_query = now
            ses.dht_get_peers(info_hash)
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
