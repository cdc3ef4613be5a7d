package cn.mee.liaison.bench;

import cn.mee.liaison.storage.dispatch.DispatchMapper;
import cn.mee.liaison.storage.message.SearchText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The filing baseline: what the bot writes for one daily report, by plain JDBC, one transaction per message — the
 * callback's nonce, the filed message (text, parsed fields, raw payload, the keyword search's index text), the
 * group's earlier report of the day retired (by its unique key, as the bot does) and the new one inserted, the reply
 * in the outbox (already sent, as a passive reply leaves it) — into a copy of the bot's tables
 * ({@code CREATE TABLE … LIKE}, the same indexes) on the same server, with the same connection properties and the
 * server's durability (innodb_flush_log_at_trx_commit as it is).
 */
final class FilingBaseline implements Filing.Sender, AutoCloseable {

    /** How often a message that raced another of its group is filed before it counts as an error. */
    private static final int RACE_ATTEMPTS = 3;

    /** Taken and given back at the front: the connection used last is used next, as Hikari does. */
    private final BlockingDeque<Connection> pool;
    private final int groups;
    private final AtomicLong sequence = new AtomicLong();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private FilingBaseline(BlockingDeque<Connection> pool, int groups) {
        this.pool = pool;
        this.groups = groups;
    }

    static FilingBaseline create(Databases databases, String like, String name, int groups) throws SQLException {
        databases.fresh(name);
        try (Connection c = databases.connect(name); Statement s = c.createStatement()) {
            for (String table : List.of("callback_nonce", "filed_message", "daily_report", "outbox_message")) {
                s.execute("CREATE TABLE " + table + " LIKE `" + like + "`." + table);
            }
        }
        BlockingDeque<Connection> pool = new LinkedBlockingDeque<>(128);
        for (int i = 0; i < 128; i++) {
            Connection c = databases.connect(name);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            pool.add(c);
        }
        return new FilingBaseline(pool, groups);
    }

    /** The baseline's whole work is the bot's side of it: each message's row is drawn and written when sent. */
    @Override
    public Filing.Message prepare(Random random) {
        return () -> send(ThreadLocalRandom.current());
    }

    /**
     * Files one message in a transaction of its own. Two reports of one group at once may deadlock, or one may find
     * the other's current report inserted first: the message is then filed again, as the bot recovers from both, so
     * that the baseline does the bot's whole job and its rate counts every message.
     */
    private boolean send(Random random) throws Exception {
        Connection c = pool.takeFirst();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    file(c, random);
                    c.commit();
                    return true;
                } catch (SQLTransactionRollbackException | SQLIntegrityConstraintViolationException race) {
                    c.rollback();
                    if (attempt == RACE_ATTEMPTS) {
                        throw race;
                    }
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            }
        } finally {
            pool.putFirst(c);
        }
    }

    private void file(Connection c, Random random) throws SQLException {
        long n = sequence.incrementAndGet();
        int group = random.nextInt(groups);
        Timestamp now = Timestamp.valueOf(java.time.LocalDateTime.now(ZoneId.of("Asia/Shanghai")));
        String text = "@联络机器人 " + Texts.dailyReport(random);
        String fields = "{\"inspected\":" + random.nextInt(13) + ",\"problems\":" + random.nextInt(6)
                + ",\"checks\":" + random.nextInt(5) + ",\"assigned\":" + random.nextInt(4)
                + ",\"plan\":\"" + Texts.pick(random, Texts.PLANS) + "\"}";
        String raw = "{\"msgid\":\"jdbc-" + n + "\",\"aibotid\":\"bench-bot\",\"chatid\":\"bench-wecom_robot-" + group
                + "\",\"chattype\":\"group\",\"from\":{\"userid\":\"bench-leader-" + group + "\"},"
                + "\"response_url\":\"http://127.0.0.1:1/cgi-bin/aibot/response?response_code=x\","
                + "\"msgtype\":\"text\",\"text\":{\"content\":\"" + text + "\"}}";
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO callback_nonce (door, nonce, stamp, seen_at) VALUES ('ROBOT', ?, ?, ?)")) {
            s.setString(1, Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
            s.setLong(2, now.getTime() / 1000);
            s.setTimestamp(3, now);
            s.executeUpdate();
        }
        long messageId;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO filed_message (channel, chat_id, chat_type, "
                + "external_id, sender_id, sender_name, work_group_id, unit_id, city_id, round_id, record_type, "
                + "content_kind, text, fields_json, raw_payload, received_at, mentioned, answered, search_text) "
                + "VALUES ('WECOM_ROBOT', ?, 'GROUP', ?, ?, ?, ?, ?, ?, 1, 'DAILY_REPORT', 'TEXT', ?, ?, ?, ?, TRUE, "
                + "TRUE, ?)", Statement.RETURN_GENERATED_KEYS)) {
            long unit = group % Texts.UNITS.size() + 1;
            long city = group % Texts.CITIES.size() + 1;
            s.setString(1, "bench-wecom_robot-" + group);
            s.setString(2, "jdbc-" + n);
            s.setString(3, "bench-leader-" + group);
            s.setString(4, "组长" + group);
            s.setLong(5, group + 1);
            s.setLong(6, unit);
            s.setLong(7, city);
            s.setString(8, text);
            s.setString(9, fields);
            s.setString(10, raw);
            s.setTimestamp(11, now);
            // the keyword search's index text, as the bot writes it: the FULLTEXT index is part of the row's cost
            s.setString(12, SearchText.of(text, unit, city, group + 1L, "DAILY_REPORT", Instant.now()));
            s.executeUpdate();
            try (var keys = s.getGeneratedKeys()) {
                keys.next();
                messageId = keys.getLong(1);
            }
        }
        String currentKey = DispatchMapper.currentKey(today, group + 1);
        try (PreparedStatement s = c.prepareStatement("UPDATE daily_report SET current_key = NULL "
                + "WHERE current_key = ?")) {
            s.setString(1, currentKey);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO daily_report (report_date, work_group_id, "
                + "message_id, reporter_id, reporter_name, submitted_at, late, fields_json, missing, current_key) "
                + "VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, '', ?)")) {
            s.setObject(1, today);
            s.setLong(2, group + 1);
            s.setLong(3, messageId);
            s.setString(4, "bench-leader-" + group);
            s.setString(5, "组长" + group);
            s.setTimestamp(6, now);
            s.setString(7, fields);
            s.setString(8, currentKey);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox_message (channel, target_type, target_id, "
                + "format, content, purpose, in_reply_to, status, attempts, next_attempt_at, created_at, sent_at) "
                + "VALUES ('WECOM_ROBOT', 'CHAT', ?, 'TEXT', ?, 'REPLY', ?, 'SENT', 1, ?, ?, ?)")) {
            s.setString(1, "bench-wecom_robot-" + group);
            s.setString(2, "已收到本日报送：检查企业数 5，发现问题数 1，督办问题核查数 0，交办问题数 0，明日计划："
                    + Texts.pick(random, Texts.PLANS));
            s.setLong(3, messageId);
            s.setTimestamp(4, now);
            s.setTimestamp(5, now);
            s.setTimestamp(6, now);
            s.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : pool) {
            c.close();
        }
    }
}
