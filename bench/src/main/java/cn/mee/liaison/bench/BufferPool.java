package cn.mee.liaison.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's InnoDB buffer pool set to a size for a run, as a server sized for its data would have it, and set
 * back afterwards (a server-wide setting: only on a server nobody else is measuring on). MariaDB resizes it online.
 */
final class BufferPool implements AutoCloseable {

    private final Databases databases;
    private final long before;

    private BufferPool(Databases databases, long before) {
        this.databases = databases;
        this.before = before;
    }

    /** {@code 3G}, {@code 512M} or bytes. */
    static long parse(String size) {
        String s = size.trim().toUpperCase(java.util.Locale.ROOT);
        long unit = s.endsWith("G") ? 1L << 30 : s.endsWith("M") ? 1L << 20 : 1;
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    static BufferPool resize(Databases databases, long bytes) throws Exception {
        long before = size(databases);
        set(databases, bytes);
        Report.line("InnoDB buffer pool %d MiB -> %d MiB (set back at the end)", before >> 20, size(databases) >> 20);
        return new BufferPool(databases, before);
    }

    /**
     * Reads the table's rows and each of its indexes once (the FULLTEXT index excepted: InnoDB keeps it in tables
     * of its own, read as the searches ask), so that they are in the pool as on a server that has been serving them.
     */
    static void warm(Databases databases, String db, String table) throws SQLException {
        long started = System.nanoTime();
        List<String> indexes = new ArrayList<>();
        indexes.add("PRIMARY");
        try (Connection c = databases.connect(db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT index_name FROM information_schema.statistics "
                    + "WHERE table_schema = '" + db + "' AND table_name = '" + table + "' AND index_type = 'BTREE' "
                    + "AND index_name <> 'PRIMARY'")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
            for (String index : indexes) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table
                        + " FORCE INDEX (`" + index + "`)")) {
                    rs.next();
                }
            }
        }
        Report.line("read %s and its %d indexes into the pool in %.1f s", table, indexes.size() - 1,
                (System.nanoTime() - started) / 1e9);
    }

    @Override
    public void close() throws Exception {
        set(databases, before);
        Report.line("InnoDB buffer pool set back to %d MiB", size(databases) >> 20);
    }

    private static long size(Databases databases) throws SQLException {
        try (Connection c = databases.server(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@GLOBAL.innodb_buffer_pool_size")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sets the size and waits (up to a minute) until the server says it has it. */
    private static void set(Databases databases, long bytes) throws Exception {
        try (Connection c = databases.server(); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL innodb_buffer_pool_size = " + bytes);
        }
        for (int i = 0; i < 600 && size(databases) != bytes; i++) {
            Thread.sleep(100);
        }
    }
}
