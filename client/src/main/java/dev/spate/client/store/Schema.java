package dev.spate.client.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The tables of the session database, created if missing. */
final class Schema {
    static final int VERSION = 1;

    private static final String[] TABLES = {
        """
        CREATE TABLE IF NOT EXISTS torrents (
          info_hash TEXT PRIMARY KEY,
          metainfo BLOB,
          magnet TEXT,
          save_path TEXT NOT NULL,
          added_at INTEGER NOT NULL,
          queue_position INTEGER NOT NULL DEFAULT 0,
          paused INTEGER NOT NULL DEFAULT 0,
          priorities BLOB NOT NULL DEFAULT x'',
          sequential INTEGER NOT NULL DEFAULT 0,
          download_rate INTEGER NOT NULL DEFAULT 0,
          upload_rate INTEGER NOT NULL DEFAULT 0,
          max_connections INTEGER NOT NULL DEFAULT 0,
          upload_slots INTEGER NOT NULL DEFAULT 0,
          seed_ratio REAL,
          seed_time INTEGER NOT NULL DEFAULT -1,
          seed_action TEXT NOT NULL DEFAULT 'STOP',
          downloaded INTEGER NOT NULL DEFAULT 0,
          uploaded INTEGER NOT NULL DEFAULT 0,
          seeding_seconds INTEGER NOT NULL DEFAULT 0)""",
        """
        CREATE TABLE IF NOT EXISTS resume (
          info_hash TEXT PRIMARY KEY REFERENCES torrents(info_hash) ON DELETE CASCADE,
          bitfield BLOB NOT NULL,
          stamps BLOB NOT NULL,
          taken_at INTEGER NOT NULL,
          clean INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS peers (
          info_hash TEXT NOT NULL REFERENCES torrents(info_hash) ON DELETE CASCADE,
          host TEXT NOT NULL,
          port INTEGER NOT NULL,
          last_seen INTEGER NOT NULL,
          failures INTEGER NOT NULL,
          last_failure TEXT,
          PRIMARY KEY (info_hash, host, port))""",
    };

    private Schema() {
    }

    static void apply(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
            for (String table : TABLES) {
                s.execute(table);
            }
            s.execute("PRAGMA user_version=" + VERSION);
        }
    }
}
