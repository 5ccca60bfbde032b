package dev.spate.client.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/** The SQL of the session: one statement per kind of write, and the load of a torrent. Store thread only. */
final class Rows {
    private final Connection db;

    Rows(Connection db) {
        this.db = db;
    }

    void putTorrent(String hash, byte[] metainfo, String magnet, String savePath, long addedMillis)
            throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO torrents(info_hash, metainfo, magnet, save_path, added_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(info_hash) DO UPDATE SET metainfo = excluded.metainfo, magnet = excluded.magnet,
                  save_path = excluded.save_path""")) {
            s.setString(1, hash);
            s.setBytes(2, metainfo);
            s.setString(3, magnet);
            s.setString(4, savePath);
            s.setLong(5, addedMillis);
            s.executeUpdate();
        }
    }

    void putSettings(String hash, Settings v) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                UPDATE torrents SET queue_position = ?, paused = ?, priorities = ?, sequential = ?, download_rate = ?,
                  upload_rate = ?, max_connections = ?, upload_slots = ?, seed_ratio = ?, seed_time = ?, seed_action = ?
                WHERE info_hash = ?""")) {
            s.setInt(1, v.queuePosition());
            s.setBoolean(2, v.paused());
            s.setBytes(3, v.priorities());
            s.setBoolean(4, v.sequential());
            s.setLong(5, v.downloadRate());
            s.setLong(6, v.uploadRate());
            s.setInt(7, v.maxConnections());
            s.setInt(8, v.uploadSlots());
            if (Double.isNaN(v.seedRatio())) {
                s.setNull(9, java.sql.Types.REAL);
            } else {
                s.setDouble(9, v.seedRatio());
            }
            s.setLong(10, v.seedTimeSeconds());
            s.setString(11, v.seedLimitAction());
            s.setString(12, hash);
            s.executeUpdate();
        }
    }

    void putTotals(String hash, Totals t) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "UPDATE torrents SET downloaded = ?, uploaded = ?, seeding_seconds = ? WHERE info_hash = ?")) {
            s.setLong(1, t.downloaded());
            s.setLong(2, t.uploaded());
            s.setLong(3, t.seedingSeconds());
            s.setString(4, hash);
            s.executeUpdate();
        }
    }

    void putResume(String hash, Resume r) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                INSERT OR REPLACE INTO resume(info_hash, bitfield, stamps, taken_at, clean)
                SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM torrents WHERE info_hash = ?)""")) {
            s.setString(1, hash);
            s.setBytes(2, r.verified().toByteArray());
            s.setBytes(3, encode(r.stamps()));
            s.setLong(4, r.takenMillis());
            s.setBoolean(5, r.clean());
            s.setString(6, hash);
            s.executeUpdate();
        }
    }

    void putPeers(String hash, List<KnownPeer> peers) throws SQLException {
        try (PreparedStatement del = db.prepareStatement("DELETE FROM peers WHERE info_hash = ?")) {
            del.setString(1, hash);
            del.executeUpdate();
        }
        try (PreparedStatement s = db.prepareStatement("""
                INSERT OR REPLACE INTO peers(info_hash, host, port, last_seen, failures, last_failure)
                SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM torrents WHERE info_hash = ?)""")) {
            for (KnownPeer p : peers) {
                s.setString(1, hash);
                s.setString(2, p.host());
                s.setInt(3, p.port());
                s.setLong(4, p.lastSeenMillis());
                s.setInt(5, p.failures());
                s.setString(6, p.lastFailure());
                s.setString(7, hash);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    void delete(String hash) throws SQLException {
        for (String table : new String[] {"peers", "resume", "torrents"}) {
            try (PreparedStatement s = db.prepareStatement("DELETE FROM " + table + " WHERE info_hash = ?")) {
                s.setString(1, hash);
                s.executeUpdate();
            }
        }
    }

    /** Every torrent, in queue order; or the one named. */
    List<StoredTorrent> load(String onlyHash) throws SQLException {
        List<StoredTorrent> out = new ArrayList<>();
        String where = onlyHash == null ? "" : " WHERE info_hash = ?";
        try (PreparedStatement s = db.prepareStatement("SELECT * FROM torrents" + where
                + " ORDER BY queue_position, added_at")) {
            if (onlyHash != null) {
                s.setString(1, onlyHash);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String hash = r.getString("info_hash");
                    double ratio = r.getDouble("seed_ratio");
                    if (r.wasNull()) {
                        ratio = Double.NaN;
                    }
                    Settings settings = new Settings(r.getInt("queue_position"), r.getBoolean("paused"),
                            r.getBytes("priorities"), r.getBoolean("sequential"), r.getLong("download_rate"),
                            r.getLong("upload_rate"), r.getInt("max_connections"), r.getInt("upload_slots"),
                            ratio, r.getLong("seed_time"), r.getString("seed_action"));
                    Totals totals = new Totals(r.getLong("downloaded"), r.getLong("uploaded"),
                            r.getLong("seeding_seconds"));
                    out.add(new StoredTorrent(hash, r.getBytes("metainfo"), r.getString("magnet"),
                            r.getString("save_path"), r.getLong("added_at"), settings, totals, resume(hash),
                            peers(hash)));
                }
            }
        }
        return out;
    }

    private Optional<Resume> resume(String hash) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT * FROM resume WHERE info_hash = ?")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Resume(BitSet.valueOf(r.getBytes("bitfield")), decode(r.getBytes("stamps")),
                        r.getLong("taken_at"), r.getBoolean("clean")));
            }
        }
    }

    private List<KnownPeer> peers(String hash) throws SQLException {
        List<KnownPeer> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(
                "SELECT * FROM peers WHERE info_hash = ? ORDER BY last_seen DESC, failures")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new KnownPeer(r.getString("host"), r.getInt("port"), r.getLong("last_seen"),
                            r.getInt("failures"), r.getString("last_failure")));
                }
            }
        }
        return out;
    }

    static byte[] encode(List<FileStamp> stamps) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(stamps.size() * 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (FileStamp st : stamps) {
                out.writeLong(st.size());
                out.writeLong(st.modifiedMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<FileStamp> decode(byte[] blob) {
        List<FileStamp> out = new ArrayList<>(blob.length / 16);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob))) {
            for (int i = 0; i < blob.length / 16; i++) {
                out.add(new FileStamp(in.readLong(), in.readLong()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
