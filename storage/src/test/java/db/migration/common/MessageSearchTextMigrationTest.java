package db.migration.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.storage.message.SearchText;
import cn.mee.liaison.storage.support.StoredTime;
import cn.mee.liaison.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * V21: messages filed under V20's index text get the paired tags, and on MySQL/MariaDB the FULLTEXT index is built
 * again over them.
 */
class MessageSearchTextMigrationTest {

    private static final String USER = System.getenv().getOrDefault("LIAISON_TEST_MYSQL_USER", "root");
    private static final String PASSWORD = System.getenv().getOrDefault("LIAISON_TEST_MYSQL_PASSWORD", "");

    @Test
    void onH2() throws SQLException {
        migrateMessagesOfV20(TestDatabase.freshH2Url(), "sa", "", "h2");
    }

    @Test
    @EnabledIf("cn.mee.liaison.testsupport.TestDatabase#mysqlAvailable")
    void onMySql() throws SQLException {
        String url = TestDatabase.freshMysqlDatabase();
        migrateMessagesOfV20(url, USER, PASSWORD, "mysql");
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD)) {
            // the index is there again, and finds the old messages by their new tags
            assertThat(ids(c, "SELECT id FROM filed_message WHERE MATCH (search_text) AGAINST "
                    + "('+扬尘_ +(zu7m202611) +zc5ztproblem' IN BOOLEAN MODE)")).hasSize(2500);
            assertThat(ids(c, "SELECT id FROM filed_message WHERE MATCH (search_text) AGAINST "
                    + "('+ztchat202610' IN BOOLEAN MODE)")).hasSize(1);
            c.createStatement().execute("DROP DATABASE " + c.getCatalog());
        }
    }

    private static void migrateMessagesOfV20(String url, String user, String password, String vendor)
            throws SQLException {
        Flyway flyway = Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target(vendor.equals("h2") ? "20.1" : "20.2").load();
        flyway.migrate();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (int i = 0; i < 2500; i++) { // more than a batch of the rewrite
                insert(c, i, "扬尘渣土车未密闭运输", "PROBLEM", LocalDateTime.of(2026, 11, 29, 10, 30).minusMinutes(i));
            }
            insert(c, 2500, "收到", "CHAT", LocalDateTime.of(2026, 10, 3, 9, 0));
        }
        Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT text, record_type, received_at, search_text FROM filed_message ORDER BY id")) {
            int rows = 0;
            while (rs.next()) {
                String expected = SearchText.of(rs.getString(1), 7L, 5L, 3L, rs.getString(2),
                        StoredTime.fromColumn(rs.getObject(3, LocalDateTime.class)));
                assertThat(rs.getString(4)).isEqualTo(expected).contains(" zc5m2026");
                rows++;
            }
            assertThat(rows).isEqualTo(2501);
        }
        if (vendor.equals("h2")) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                assertThat(ids(c, "SELECT id FROM filed_message WHERE search_text LIKE '% zu7ztchat%'")).hasSize(1);
            }
        }
    }

    /** A message as V20 filed it: the index text of V20 (bigrams, then the unit, city, group, month and type). */
    private static void insert(Connection c, int n, String text, String type, LocalDateTime at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO filed_message (channel, chat_id, chat_type, "
                + "external_id, sender_id, work_group_id, unit_id, city_id, record_type, content_kind, text, "
                + "received_at, search_text) VALUES ('SANDBOX', 'chat-1', 'GROUP', ?, 'u1', 3, 7, 5, ?, 'TEXT', ?, ?, ?)")) {
            insert.setString(1, "m" + n);
            insert.setString(2, type);
            insert.setString(3, text);
            insert.setObject(4, at);
            insert.setString(5, SearchText.of(text) + " zu7 zc5 zg3 zm" + at.getYear() + at.getMonthValue()
                    + " zt" + type.toLowerCase());
            insert.executeUpdate();
        }
    }

    private static List<Long> ids(Connection c, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
