package db.migration.common;

import cn.mee.liaison.storage.message.SearchText;
import cn.mee.liaison.storage.support.StoredTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * Writes {@code search_text} of every filed message anew with {@link SearchText#of}, in batches of 1,000 by id, so
 * that no batch holds much in memory: for the migrations that introduce the column or change what it holds. On
 * MariaDB about a minute per million messages on a small machine, without the FULLTEXT index (docs/performance.md).
 */
final class MessageSearchTexts {

    private static final int BATCH = 1000;

    private MessageSearchTexts() {
    }

    static void rewriteAll(Connection c) throws SQLException {
        long after = 0;
        try (PreparedStatement read = c.prepareStatement(
                "SELECT id, text, unit_id, city_id, work_group_id, record_type, received_at FROM filed_message "
                        + "WHERE id > ? ORDER BY id LIMIT " + BATCH);
             PreparedStatement write = c.prepareStatement("UPDATE filed_message SET search_text = ? WHERE id = ?")) {
            while (true) {
                read.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        write.setString(1, SearchText.of(rs.getString(2), id(rs, 3), id(rs, 4), id(rs, 5),
                                rs.getString(6), StoredTime.fromColumn(rs.getObject(7, LocalDateTime.class))));
                        write.setLong(2, after);
                        write.addBatch();
                        rows++;
                    }
                }
                if (rows == 0) {
                    return;
                }
                write.executeBatch();
            }
        }
    }

    private static Long id(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
