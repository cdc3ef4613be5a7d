package cn.mee.liaison.bench;

import cn.mee.liaison.storage.message.SearchText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Search: {@code --messages} (1,000,000) filed messages of plausible Chinese text — daily reports, problems, checks,
 * party activities, chat — from 1,000 groups over the past year, bulk inserted into MariaDB, then keyword searches
 * with filters through the API ({@code GET /api/v1/messages?q=…&unitId=…&cityId=…&type=…&from=…&to=…}), timed over
 * {@code --queries} calls of common keywords (the campaign's words, each in 2–7 % of the messages) and as many of
 * rare ones (an enterprise, a person, a village: {@link Names}, each in well under 0.1 %), reported apart: p50/p95
 * by shape of filter and over all. Target p95 ≤ 300 ms.
 *
 * <p>The messages are written by a first start of the bot (which imports the organisation), and searched by a
 * second one started on them: the bot samples how common the words are at start and then hourly
 * ({@code KeywordStatistics}), as it would have over the months such an archive takes to fill; searched by the
 * first start, a million messages written behind its back within minutes would be asked of the index as if unknown.
 *
 * <p>Before/after on the same data: run once with the bot before the search index ({@code --jar=old.jar}, LIKE only)
 * and {@code --keep}, then with the current jar and {@code --reuse}: its start migrates the database (V20: the
 * search column, its back-fill, the FULLTEXT index), timed, and the same queries run again.
 *
 * <p>{@code --buffer-pool=3G}: the server's InnoDB buffer pool set to that size for the run (and set back after
 * it), the table and its indexes read into it before the searches, as on a server sized for this archive; by
 * default the server's pool as it is (MariaDB's default: 128 MiB, a tenth of the table).
 *
 * <p>Options: {@code --messages=1000000 --groups=1000 --queries=60 --reuse --keep --buffer-pool=SIZE}.
 */
final class Search {

    private Search() {
    }

    record Query(String keyword, Long unitId, Long cityId, String type, LocalDate from, LocalDate to) {
        String path() {
            StringBuilder p = new StringBuilder("/api/v1/messages?size=20&q=")
                    .append(URLEncoder.encode(keyword, StandardCharsets.UTF_8));
            if (unitId != null) {
                p.append("&unitId=").append(unitId);
            }
            if (cityId != null) {
                p.append("&cityId=").append(cityId);
            }
            if (type != null) {
                p.append("&type=").append(type);
            }
            if (from != null) {
                p.append("&from=").append(from).append("&to=").append(to);
            }
            return p.toString();
        }
    }

    static final List<String> KEYWORDS = List.of("扬尘", "活性炭", "危险废物", "燃煤锅炉", "渣土车", "秸秆", "夜查",
            "在线监测数据异常", "清苑区", "整改到位", "VOCs无组织排放", "除尘设施", "散乱污", "砖瓦", "沥青搅拌站",
            "露天堆放", "应急减排", "主题党日", "执法记录仪", "超标排放");

    static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int messages = options.integer("messages", 1_000_000);
        int groups = options.integer("groups", 1000);
        int queries = options.integer("queries", 60);
        boolean reuse = options.get("reuse", null) != null;
        boolean keep = options.get("keep", null) != null;
        String poolSize = options.get("buffer-pool", null);
        Databases databases = new Databases(options);
        Report.heading("search: keyword searches with filters over " + messages + " filed messages, MariaDB "
                + databases.version());
        String db = "bench_search";
        if (!reuse) {
            databases.fresh(db);
        }
        Path dir = Files.createTempDirectory("bench-search-");
        Path again = Files.createTempDirectory("bench-search-again-");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        try (BufferPool pool = poolSize == null ? null : BufferPool.resize(databases, BufferPool.parse(poolSize))) {
            if (!reuse) {
                try (BotProcess first = BotProcess.start(options.botJar(), dir, options.botJvm(),
                        databases.botSettings(db))) {
                    first.awaitHealthy(Duration.ofMinutes(5));
                    new Api(first.baseUrl()).awaitLogin()
                            .put("/api/v1/directory", Organisation.document(groups, "SANDBOX", List.of())).ok();
                    long started = System.nanoTime();
                    generate(databases, db, messages, today, zone);
                    Report.line("generated %d messages in %.1f s", messages, (System.nanoTime() - started) / 1e9);
                }
            }
            search(options, databases, db, again, pool != null, queries, reuse, today);
        } finally {
            Start.deleteTree(dir, again);
            if (!keep) {
                databases.drop(db);
            }
        }
    }

    /** Starts the bot on the messages and times the searches. */
    private static void search(Options options, Databases databases, String db, Path dir, boolean warmPool,
                               int queries, boolean reuse, LocalDate today) throws Exception {
        List<String> settings = databases.botSettings(db);
        try (BotProcess process = BotProcess.start(options.botJar(), dir, options.botJvm(), settings)) {
            Duration up = process.awaitHealthy(Duration.ofMinutes(60));
            Report.line("bot %s healthy after %.1f s%s", options.botJar().getFileName(), up.toMillis() / 1000.0,
                    reuse ? " (with the migrations of the existing database)" : " (started again on the messages)");
            Optional<String> sampled = process.awaitLogLine("Keyword statistics:", Duration.ofSeconds(60));
            Report.line("%s", sampled.map(l -> l.substring(l.indexOf("Keyword statistics:")))
                    .orElse("no keyword statistics in 60 s: the search asks its index for every word"));
            Api api = new Api(process.baseUrl()).awaitLogin();
            Report.line("search column: %s", describeSearch(databases, db));
            if (warmPool) {
                BufferPool.warm(databases, db, "filed_message");
            }
            List<Long> units = ids(databases, db, "SELECT id FROM org_unit ORDER BY id");
            List<Long> cities = ids(databases, db, "SELECT id FROM city ORDER BY id");
            List<String> rare = rareKeywords(queries);
            List<Query> common = queries(KEYWORDS, queries, units, cities, today, new Random(11));
            List<Query> named = queries(rare, queries, units, cities, today, new Random(12));
            for (int i = 0; i < 3; i++) {
                api.get(common.get(i).path()).ok();
            }
            Histogram commonAll = measure(api, "common keywords (each in 2-7 % of the messages)", common);
            Histogram rareAll = measure(api, "rare keywords (an enterprise, part of its name, a person, a village)",
                    named);
            Report.line("keyword alone (for information): common %s; rare %s", Report.percentiles(alone(api, KEYWORDS)),
                    Report.percentiles(alone(api, rare)));
            for (var set : List.of(Map.entry("common", commonAll), Map.entry("rare", rareAll))) {
                long p95 = set.getValue().getValueAtPercentile(95);
                Report.line("target p95 <= 300 ms for a keyword search with filters, %s keywords: %.0f ms: %s",
                        set.getKey(), p95 / 1000.0, Report.verdict(p95 <= 300_000));
            }
        }
    }

    private static final String[] SHAPES = {"unit + 30 days", "city + type PROBLEM", "type DAILY_REPORT + 90 days",
        "unit + type CHAT + 365 days"};

    /** {@code count} searches for the keywords in turn, in the four shapes of filter in turn. */
    static List<Query> queries(List<String> keywords, int count, List<Long> units, List<Long> cities, LocalDate today,
                               Random random) {
        List<Query> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String keyword = keywords.get(i % keywords.size());
            LocalDate to = today.minusDays(random.nextInt(300));
            list.add(switch (i % 4) {
                case 0 -> new Query(keyword, Texts.pick(random, units), null, null, to.minusDays(29), to);
                case 1 -> new Query(keyword, null, Texts.pick(random, cities), "PROBLEM", null, null);
                case 2 -> new Query(keyword, null, null, "DAILY_REPORT", to.minusDays(89), to);
                default -> new Query(keyword, Texts.pick(random, units), null, "CHAT", today.minusDays(364), today);
            });
        }
        return list;
    }

    /**
     * Keywords each in well under 0.1 % of the messages, in turn: an enterprise's full name, the distinctive part of
     * another's ({@code 恒达化工}), a person, a village ({@code 北辛庄村}); seeded, so every run asks the same.
     */
    static List<String> rareKeywords(int count) {
        Random r = new Random(13);
        List<String> keywords = new ArrayList<>();
        for (int i = 0; i < Math.max(count / 3, 4); i++) {
            keywords.add(switch ((i + i / 4) % 4) { // each kind of name in each shape of filter in turn
                case 0 -> Names.enterprise(r).name();
                case 1 -> Names.enterprise(r).shortName();
                case 2 -> Names.person(r);
                default -> {
                    String village = Names.village(r);
                    yield village.substring(village.indexOf('镇') + 1);
                }
            });
        }
        return keywords;
    }

    /** Times the searches: p50/p95 by shape and over all, and the hits per search; returns the histogram of all. */
    static Histogram measure(Api api, String title, List<Query> list) throws Exception {
        Histogram micros = new Histogram(3);
        Histogram[] byShape = {new Histogram(3), new Histogram(3), new Histogram(3), new Histogram(3)};
        long hits = 0;
        for (int i = 0; i < list.size(); i++) {
            long start = System.nanoTime();
            var page = api.get(list.get(i).path()).ok().json();
            long took = (System.nanoTime() - start) / 1000;
            micros.recordValue(took);
            byShape[i % 4].recordValue(took);
            hits += page.path("total").asLong();
        }
        Report.line("%s, load average %s:", title, Start.loadAverage());
        for (int s = 0; s < 4; s++) {
            Report.line("  %-30s %s", SHAPES[s], Report.percentiles(byShape[s]));
        }
        Report.line("  keyword + filters, all: %s; %.1f hits per query on average", Report.percentiles(micros),
                hits / (double) list.size());
        return micros;
    }

    /** Five searches of a keyword without filters. */
    static Histogram alone(Api api, List<String> keywords) throws Exception {
        Histogram bare = new Histogram(3);
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            api.get(new Query(keywords.get(i % keywords.size()), null, null, null, null, null).path()).ok();
            bare.recordValue((System.nanoTime() - start) / 1000);
        }
        return bare;
    }

    static String describeSearch(Databases databases, String db) throws Exception {
        try (Connection c = databases.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = '"
                     + db + "' AND table_name = 'filed_message' AND column_name = 'search_text'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return "none (LIKE only)";
            }
        }
        try (Connection c = databases.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = '"
                     + db + "' AND table_name = 'filed_message' AND index_type = 'FULLTEXT'")) {
            rs.next();
            return "search_text, " + rs.getInt(1) + " FULLTEXT index";
        }
    }

    static List<Long> ids(Databases databases, String db, String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = databases.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** The messages, straight into filed_message in batches; search_text too when the column is there. */
    static void generate(Databases databases, String db, int messages, LocalDate today, ZoneId zone) throws Exception {
        List<long[]> groups = new ArrayList<>(); // id, unit, city, round
        try (Connection c = databases.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, unit_id, city_id, round_id FROM work_group ORDER BY id")) {
            while (rs.next()) {
                groups.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
        }
        boolean withSearch = describeSearch(databases, db).startsWith("search_text");
        Random r = new Random(3);
        Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();
        long span = Duration.ofDays(365).toMillis();
        try (Connection c = databases.connect(db)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO filed_message (channel, chat_id, "
                    + "chat_type, external_id, sender_id, sender_name, work_group_id, unit_id, city_id, round_id, "
                    + "record_type, content_kind, text, fields_json, raw_payload, received_at, mentioned, answered"
                    + (withSearch ? ", search_text" : "") + ") VALUES ('WECOM_ROBOT', ?, 'GROUP', ?, ?, ?, ?, ?, ?, ?, "
                    + "?, 'TEXT', ?, ?, ?, ?, FALSE, TRUE" + (withSearch ? ", ?" : "") + ")")) {
                for (int i = 0; i < messages; i++) {
                    int g = r.nextInt(groups.size());
                    long[] group = groups.get(g);
                    int kind = r.nextInt(20);
                    String type;
                    String text;
                    if (kind < 8) {
                        type = "DAILY_REPORT";
                        text = Texts.dailyReport(r);
                    } else if (kind < 11) {
                        type = "PROBLEM";
                        text = Texts.problem(r);
                    } else {
                        type = "CHAT";
                        text = Texts.chat(r);
                    }
                    String chat = Organisation.chatId("WECOM_ROBOT", g);
                    String sender = r.nextBoolean() ? Organisation.leader(g) : Organisation.member(g);
                    insert.setString(1, chat);
                    insert.setString(2, "gen-" + i);
                    insert.setString(3, sender);
                    insert.setString(4, sender.contains("leader") ? "组长" + g : "组员" + g);
                    insert.setLong(5, group[0]);
                    insert.setLong(6, group[1]);
                    insert.setLong(7, group[2]);
                    insert.setLong(8, group[3]);
                    insert.setString(9, type);
                    insert.setString(10, text);
                    insert.setString(11, type.equals("DAILY_REPORT") ? "{\"enterprisesChecked\":" + r.nextInt(13)
                            + ",\"problemsFound\":" + r.nextInt(6) + "}" : "{}");
                    insert.setString(12, "{\"msgid\":\"gen-" + i + "\",\"aibotid\":\"bench-bot\",\"chatid\":\"" + chat
                            + "\",\"chattype\":\"group\",\"from\":{\"userid\":\"" + sender + "\"},\"msgtype\":\"text\","
                            + "\"text\":{\"content\":\"" + text + "\"}}");
                    Instant at = end.minusMillis((long) (r.nextDouble() * span));
                    // as the bot keeps instants: Asia/Shanghai wall-clock time (StoredTime)
                    insert.setTimestamp(13, Timestamp.valueOf(java.time.LocalDateTime.ofInstant(at, zone)));
                    if (withSearch) {
                        // the bot's own index text (as filing and the V20 back-fill write it)
                        insert.setString(14, SearchText.of(text, group[1], group[2], group[0], type, at));
                    }
                    insert.addBatch();
                    if (i % 2000 == 1999) {
                        insert.executeBatch();
                        c.commit();
                    }
                    if (i % 200_000 == 199_999) {
                        Report.line("  %d messages", i + 1);
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
    }
}
