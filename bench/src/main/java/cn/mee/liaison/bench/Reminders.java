package cn.mee.liaison.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Reminders: {@code --deadlines} (10,000) open CUSTOM deadlines of the 16 units, bulk inserted, due today or in 1, 3,
 * 7 or 14 days, so that each has a reminder (its lead time) at the same instant T today — the default reminder time
 * set through the API to a minute about two minutes ahead. Then how long after T each reminder was claimed
 * ({@code deadline_reminder.sent_at}, in the transaction that puts it in the outbox). Target: every reminder within 2 s
 * of its time. The bot runs with its shipped tick ({@code liaison.deadlines.tick-cron}: every minute at second 0,
 * at second 30 before issue 7) unless {@code --cron="30 * * * * ?"} or another is given.
 *
 * <p>Options: {@code --deadlines=10000 --cron=… --wait-seconds=240}.
 */
final class Reminders {

    /** The bot keeps instants as Asia/Shanghai wall-clock time (StoredTime). */
    static final ZoneId STORED = ZoneId.of("Asia/Shanghai");

    private Reminders() {
    }

    static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int deadlines = options.integer("deadlines", 10_000);
        String cron = options.get("cron", null);
        int waitSeconds = options.integer("wait-seconds", 240);
        Databases databases = new Databases(options);
        Report.heading("reminders: " + deadlines + " open deadlines, all reminded at the same minute, MariaDB "
                + databases.version());
        String db = "bench_reminders";
        databases.fresh(db);
        Path dir = Files.createTempDirectory("bench-reminders-");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        List<String> settings = new ArrayList<>(databases.botSettings(db));
        if (cron != null) {
            settings.add("liaison.deadlines.tick-cron=" + cron);
        }
        Report.line("tick: %s", cron == null ? "as shipped (liaison.deadlines.tick-cron)" : cron);
        try (BotProcess process = BotProcess.start(options.botJar(), dir, options.botJvm(), settings)) {
            process.awaitHealthy(Duration.ofMinutes(3));
            Api api = new Api(process.baseUrl()).awaitLogin();
            api.put("/api/v1/directory", Organisation.document(64, "SANDBOX", List.of())).ok();
            // T: a whole minute at least 100 s ahead, in the bot's zone
            ZonedDateTime at = ZonedDateTime.now(zone).plusSeconds(100).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            Instant t = at.toInstant();
            api.put("/api/v1/deadlines/settings/default", Map.of("leadDays", "14,7,3,1,0", "timeOfDay",
                    String.format("%02d:%02d", at.getHour(), at.getMinute()))).ok();
            LocalDate today = at.toLocalDate();
            insert(databases, db, deadlines, today);
            Report.line("%d deadlines inserted; every one has a reminder at %s (%s)", deadlines, at.toLocalTime(), t);
            // a reminder counts as fired when its claim is committed (visible here): the claim's own sent_at is the
            // instant the tick started, not when it got to this deadline, so the claims are counted every 100 ms
            long deadline = System.currentTimeMillis() + Duration.between(Instant.now(), t).toMillis()
                    + waitSeconds * 1000L;
            Histogram lateMs = new Histogram(3);
            long claimed = 0;
            long within = 0;
            while (System.currentTimeMillis() < deadline && claimed < deadlines) {
                long now = System.currentTimeMillis();
                long seen = count(databases, db, t);
                if (seen > claimed) {
                    long late = Math.max(0, now - t.toEpochMilli());
                    lateMs.recordValueWithCount(late, seen - claimed);
                    if (late <= 2000) {
                        within += seen - claimed;
                    }
                    claimed = seen;
                }
                Thread.sleep(100);
            }
            long outbox = count(databases, db, "SELECT COUNT(*) FROM outbox_message WHERE purpose = 'REMINDER'");
            Report.line("claimed %d of %d reminders (%d outbox messages); lateness after T: p50 %.1f s, p99 %.1f s, "
                            + "max %.1f s; within 2 s: %d", claimed, deadlines, outbox,
                    lateMs.getValueAtPercentile(50) / 1000.0, lateMs.getValueAtPercentile(99) / 1000.0,
                    lateMs.getMaxValue() / 1000.0, within);
            Report.line("target every reminder within 2 s of its time: %s",
                    Report.verdict(within == deadlines));
            tickLog(process.log(), t);
        } finally {
            Start.deleteTree(dir);
            databases.drop(db);
        }
    }

    /** The bot's own account of the tick: its log lines about the reminders, timed from T. */
    static void tickLog(Path log, Instant t) throws java.io.IOException {
        try (var lines = Files.lines(log)) {
            lines.filter(line -> line.contains("deadline reminders:")).forEach(line -> {
                Instant at = Instant.parse(line.substring(0, line.indexOf(' ')));
                Report.line("  bot, T%+.3f s: %s", Duration.between(t, at).toMillis() / 1000.0,
                        line.substring(line.indexOf("deadline reminders:") + "deadline reminders:".length()).strip());
            });
        }
    }

    static long count(Databases databases, String db, Instant t) throws Exception {
        try (Connection c = databases.connect(db); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM deadline_reminder WHERE remind_at = ? AND kind = 'REMIND'")) {
            s.setObject(1, LocalDateTime.ofInstant(t, STORED));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long count(Databases databases, String db, String sql) throws Exception {
        try (Connection c = databases.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void insert(Databases databases, String db, int deadlines, LocalDate today) throws Exception {
        List<Long> units = Search.ids(databases, db, "SELECT id FROM org_unit ORDER BY id");
        int[] leads = {0, 1, 3, 7, 14};
        Random r = new Random(5);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(STORED));
        try (Connection c = databases.connect(db)) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO deadline (deadline_key, kind, title, due_date, "
                    + "unit_id, status, created_by, created_at) VALUES (?, 'CUSTOM', ?, ?, ?, 'OPEN', 'bench', ?)")) {
                for (int i = 0; i < deadlines; i++) {
                    s.setString(1, "custom:bench:" + i);
                    s.setString(2, "报送" + Texts.pick(r, Texts.DISTRICTS) + Texts.pick(r, Texts.ENTERPRISES)
                            + "企业整改情况（第" + (i + 1) + "项）");
                    s.setObject(3, today.plusDays(leads[i % leads.length]));
                    s.setLong(4, units.get(r.nextInt(units.size())));
                    s.setTimestamp(5, now);
                    s.addBatch();
                    if (i % 1000 == 999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
        }
    }
}
