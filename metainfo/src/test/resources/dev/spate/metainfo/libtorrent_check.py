# Loads a torrent with libtorrent, prints its info hashes and layout, then has libtorrent check
# the payload in save_path against every piece hash (v1 SHA-1 and/or v2 merkle) and prints how
# many pieces it found good. Used by TorrentBuilderTest; waits on alerts, never sleeps.
import sys
import libtorrent as lt

torrent, save_path = sys.argv[1], sys.argv[2]
ti = lt.torrent_info(torrent)
ih = ti.info_hashes()
print("v1=%s" % (str(ih.v1) if ih.has_v1() else "none"))
print("v2=%s" % (str(ih.v2) if ih.has_v2() else "none"))
print("pieces=%d" % ti.num_pieces())
print("total=%d" % ti.total_size())
fs = ti.files()
print("files=%s" % "|".join("%s:%d:%d" % (fs.file_path(i), fs.file_size(i), fs.file_flags(i) & 1)
                            for i in range(fs.num_files())))

ses = lt.session({"enable_dht": False, "enable_lsd": False, "enable_upnp": False,
                  "enable_natpmp": False, "listen_interfaces": "127.0.0.1:0",
                  "alert_mask": lt.alert.category_t.status_notification | lt.alert.category_t.error_notification})
h = ses.add_torrent({"ti": ti, "save_path": save_path})
done = False
for _ in range(600):
    if not ses.wait_for_alert(1000):
        continue
    for a in ses.pop_alerts():
        if isinstance(a, lt.torrent_checked_alert):
            done = True
        elif isinstance(a, lt.torrent_error_alert):
            print("error=%s" % a.message())
            done = True
    if done:
        break
st = h.status()
print("have=%d" % sum(1 for b in st.pieces if b))
