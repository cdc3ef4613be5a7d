package cn.mee.liaison.bench;

import cn.mee.liaison.storage.dispatch.DispatchMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;

/**
 * The dispatch board: {@code --groups} (1,000) work groups × {@code --days} (365) days of daily reports, bulk inserted
 * into MariaDB (not through HTTP: 365,000 reports, 90 % of groups reporting on a day, 10 % of them late, an earlier
 * replaced report now and then), then timed over repeated calls: the day board ({@code GET /api/v1/dispatch/{date}}
 * and the console page {@code /dispatch?date=}) and a 30-day range ({@code GET /api/v1/dispatch/range} and the
 * statistics page's data {@code /dispatch/stats/data}), the range also over windows no call has read before (each
 * 30 days further back: the figures not yet in the bot's memory). Then the bot is started again on the year of
 * reports, as after an update or a restart: once it says it read the figures ahead (or after 20 s, for a build that
 * does not), the same windows never asked for are timed on it. Target: the day board and a 30-day chart ≤ 200 ms
 * each.
 *
 * <p>Options: {@code --groups=1000 --days=365 --calls=40 --keep} (the database {@code bench_dispatch} left as it is
 * after the run, for a closer look with other tools).
 */
final class DispatchBoard {

    private DispatchBoard() {
    }

    static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int groups = options.integer("groups", 1000);
        int days = options.integer("days", 365);
        int calls = options.integer("calls", 40);
        boolean keep = options.get("keep", null) != null;
        Databases databases = new Databases(options);
        Report.heading("dispatch board: " + groups + " groups x " + days + " days of reports, MariaDB "
                + databases.version());
        String db = "bench_dispatch";
        databases.fresh(db);
        Path dir = Files.createTempDirectory("bench-dispatch-");
        Path again = Files.createTempDirectory("bench-dispatch-again-");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        List<String> lines = new ArrayList<>();
        try {
            try (BotProcess process = BotProcess.start(options.botJar(), dir, options.botJvm(),
                    databases.botSettings(db))) {
                firstStart(process, databases, db, today, groups, days, calls, lines);
            }
            try (BotProcess process = BotProcess.start(options.botJar(), again, options.botJvm(),
                    databases.botSettings(db))) {
                restart(process, today, days, calls, lines);
            }
            Report.line("");
            lines.forEach(System.out::println);
        } finally {
            Start.deleteTree(dir, again);
            if (!keep) {
                databases.drop(db);
            }
        }
    }

    /** Generates the reports and times the calls on the bot that was running while they were written. */
    private static void firstStart(BotProcess process, Databases databases, String db, LocalDate today, int groups,
                                   int days, int calls, List<String> lines) throws Exception {
        process.awaitHealthy(Duration.ofMinutes(3));
        Api api = new Api(process.baseUrl()).awaitLogin();
        api.put("/api/v1/directory", Organisation.document(groups, "SANDBOX", List.of())).ok();
        long started = System.nanoTime();
        long rows = generate(databases, db, today, days);
        Report.line("generated %d daily reports in %.1f s", rows, (System.nanoTime() - started) / 1e9);
        Console console = new Console(process.baseUrl());
        Random random = new Random(7);
        lines.add(time("API day board      GET /api/v1/dispatch/{date}", calls, () -> {
            LocalDate day = today.minusDays(random.nextInt(days));
            return api.get("/api/v1/dispatch/" + day).ok().text().length();
        }));
        lines.add(time("console day board  GET /dispatch?date=", calls, () -> {
            LocalDate day = today.minusDays(random.nextInt(days));
            HttpResponse<String> page = console.get("/dispatch?date=" + day);
            check(page);
            return page.body().length();
        }));
        // first, ranges read cold: 30 days that no call has read yet, one window after another back in time
        lines.add(windowsBackInTime("API 30-day range, never read before", api, today, days, calls));
        lines.add(time("API 30-day range   GET /api/v1/dispatch/range", calls, () -> {
            LocalDate to = today.minusDays(random.nextInt(days - 30));
            return api.get("/api/v1/dispatch/range?from=" + to.minusDays(29) + "&to=" + to).ok().text().length();
        }));
        lines.add(time("console 30-day chart GET /dispatch/stats/data", calls, () -> {
            LocalDate to = today.minusDays(random.nextInt(days - 30));
            HttpResponse<String> data = console.get("/dispatch/stats/data?from=" + to.minusDays(29) + "&to=" + to);
            check(data);
            return data.body().length();
        }));
        lines.add(time("console stats page GET /dispatch/stats", Math.max(5, calls / 4), () -> {
            HttpResponse<String> page = console.get("/dispatch/stats");
            check(page);
            return page.body().length();
        }));
    }

    /** The bot started again on the year of reports: the windows never asked for, once its read-ahead is done. */
    private static void restart(BotProcess process, LocalDate today, int days, int calls, List<String> lines)
            throws Exception {
        Duration up = process.awaitHealthy(Duration.ofMinutes(3));
        Optional<String> readAhead = process.awaitLogLine("read ahead the dispatch figures", Duration.ofSeconds(20));
        Report.line("started again on the reports: healthy after %.1f s; %s", up.toMillis() / 1000.0,
                readAhead.map(l -> l.substring(l.indexOf("read ahead"))).orElse("nothing read ahead in 20 s"));
        Api api = new Api(process.baseUrl()).awaitLogin();
        lines.add(windowsBackInTime("API 30-day range, after a restart", api, today, days, calls));
    }

    /** The API's 30-day range over windows one after another back from today, each asked for once. */
    private static String windowsBackInTime(String what, Api api, LocalDate today, int days, int calls)
            throws Exception {
        int[] window = {0};
        return time(what, Math.min(calls, days / 30 - 2), () -> {
            LocalDate to = today.minusDays(30L * window[0]++);
            return api.get("/api/v1/dispatch/range?from=" + to.minusDays(29) + "&to=" + to).ok().text().length();
        });
    }

    static void check(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + answer.statusCode() + " for " + answer.uri());
        }
    }

    /** Two calls to warm up, then {@code calls} timed ones; one line with the percentiles and the verdict. */
    static String time(String what, int calls, Callable<Integer> call) throws Exception {
        Histogram micros = new Histogram(3);
        int size = 0;
        for (int i = 0; i < calls + 2; i++) {
            long start = System.nanoTime();
            size = call.call();
            if (i >= 2) {
                micros.recordValue((System.nanoTime() - start) / 1000);
            }
        }
        double p95 = micros.getValueAtPercentile(95) / 1000.0;
        return String.format(java.util.Locale.ROOT, "%-46s %s, %d kB; target p95 <= 200 ms: %s", what,
                Report.percentiles(micros), size / 1024, Report.verdict(p95 <= 200));
    }

    /** The reports, straight into daily_report, in batches. */
    static long generate(Databases databases, String db, LocalDate today, int days) throws Exception {
        List<Long> groupIds = new ArrayList<>();
        try (Connection c = databases.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM work_group ORDER BY id")) {
            while (rs.next()) {
                groupIds.add(rs.getLong(1));
            }
        }
        Random r = new Random(42);
        long rows = 0;
        long message = 1_000_000;
        try (Connection c = databases.connect(db)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO daily_report (report_date, "
                    + "work_group_id, message_id, reporter_id, reporter_name, submitted_at, late, fields_json, missing, "
                    + "current_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int d = days - 1; d >= 0; d--) {
                    LocalDate day = today.minusDays(d);
                    for (int g = 0; g < groupIds.size(); g++) {
                        if (r.nextInt(10) == 0) {
                            continue; // 10 % missing
                        }
                        long groupId = groupIds.get(g);
                        boolean late = r.nextInt(10) == 0;
                        boolean replaced = r.nextInt(20) == 0;
                        for (int version = replaced ? 0 : 1; version <= 1; version++) {
                            LocalTime at = late ? LocalTime.of(21, 5 + r.nextInt(50))
                                    : LocalTime.of(17 + r.nextInt(4), r.nextInt(60));
                            insert.setObject(1, day);
                            insert.setLong(2, groupId);
                            insert.setLong(3, message++);
                            insert.setString(4, Organisation.leader(g));
                            insert.setString(5, "组长" + g);
                            // as the bot keeps instants: Asia/Shanghai wall-clock time (StoredTime)
                            insert.setTimestamp(6, Timestamp.valueOf(day.atTime(at)));
                            insert.setBoolean(7, late);
                            insert.setString(8, "{\"enterprisesChecked\":" + r.nextInt(13) + ",\"problemsFound\":"
                                    + r.nextInt(6) + ",\"assignedChecked\":" + r.nextInt(5) + ",\"problemsAssigned\":"
                                    + r.nextInt(4) + ",\"tomorrowPlan\":\"" + Texts.pick(r, Texts.PLANS) + "\"}");
                            insert.setString(9, "");
                            insert.setString(10, version == 1 ? DispatchMapper.currentKey(day, groupId) : null);
                            insert.addBatch();
                            rows++;
                        }
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
        return rows;
    }
}
