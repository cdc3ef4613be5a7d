package cn.mee.liaison.bench;

import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fan-out: one notice ({@code POST /api/v1/notices}) to {@code --chats} WECOM_APPCHAT group chats, through the fake
 * WeCom of the tests (in this process: no latency; every chat has members of its own, so none of its per-member
 * limits is reached) with the bot's own limits raised ({@code liaison.pacing.*}), timed from the request until every
 * delivery is SENT. Target: all 1,000 within 5 s.
 *
 * <p>Baseline, in the same run: the fake's own rate for the same {@code appchat/send} requests from a plain HTTP
 * client, with as many clients as the bot has outbox senders (8) — the most the bot could reach.
 *
 * <p>Options: {@code --chats=1000 --clients=8 --runs=3}, {@code --bot-settings=name=value,…}.
 */
final class FanOut {

    static final String CORP = "ww-bench-corp";
    static final String SECRET = "bench-app-secret";

    private FanOut() {
    }

    static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int chats = options.integer("chats", 1000);
        int clients = options.integer("clients", 8);
        int runs = options.integer("runs", 3);
        Databases databases = new Databases(options);
        Report.heading("fan-out: one notice to " + chats + " app chats through the fake WeCom, MariaDB "
                + databases.version());
        String db = "bench_fanout";
        databases.fresh(db);
        Path dir = Files.createTempDirectory("bench-fanout-");
        try (FakeWeCom wecom = FakeWeCom.start(Clock.systemUTC()).corp(CORP, SECRET)) {
            for (int g = 0; g < chats; g++) {
                wecom.member(Organisation.leader(g)).member(Organisation.member(g))
                        .appChat(Organisation.chatId("WECOM_APPCHAT", g),
                                List.of(Organisation.leader(g), Organisation.member(g)));
            }
            double baseline = baseline(wecom, chats, clients);
            List<String> settings = new ArrayList<>(databases.botSettings(db));
            settings.addAll(List.of("liaison.wecom.api-base-url=" + wecom.apiBaseUrl(),
                    "liaison.wecom.app.corp-id=" + CORP, "liaison.wecom.app.agent-id=" + FakeWeCom.DEFAULT_AGENT_ID,
                    "liaison.wecom.app.secret=" + SECRET,
                    "liaison.pacing.app-api-per-minute=100000000", "liaison.pacing.app-api-per-hour=100000000",
                    "liaison.pacing.member-app-chat-per-minute=100000000",
                    "liaison.pacing.member-app-chat-per-day=100000000",
                    "liaison.pacing.app-chat-person-sends-per-minute=100000000"));
            settings.addAll(java.util.Arrays.stream(options.get("bot-settings", "").split(","))
                    .filter(x -> !x.isBlank()).toList());
            Report.line("bot settings: %s", String.join(" ", settings.subList(4, settings.size())));
            try (BotProcess process = BotProcess.start(options.botJar(), dir, options.botJvm(), settings)) {
                process.awaitHealthy(Duration.ofMinutes(3));
                Api api = new Api(process.baseUrl()).awaitLogin();
                api.put("/api/v1/directory", Organisation.document(chats, "WECOM_APPCHAT", List.of())).ok();
                List<Double> times = new ArrayList<>();
                for (int run = 0; run <= runs; run++) {
                    wecom.reset();
                    long start = System.nanoTime();
                    JsonNode created = api.post("/api/v1/notices", Map.of("title", "扇出基准" + run, "content",
                            "请各组今晚开展夜查，重点检查涉VOCs企业治污设施运行情况。", "targets",
                            Map.of("rounds", List.of(Organisation.ROUND)))).ok().json();
                    long id = created.get("id").asLong();
                    JsonNode notice;
                    while (true) {
                        notice = api.get("/api/v1/notices/" + id).ok().json();
                        if (notice.path("counts").path("sent").asInt() >= chats
                                || System.nanoTime() - start > 300_000_000_000L) {
                            break;
                        }
                        Thread.sleep(20);
                    }
                    double took = (System.nanoTime() - start) / 1e9;
                    List<Recorded> sent = wecom.received("/cgi-bin/appchat/send");
                    Instant first = sent.stream().map(Recorded::at).min(Instant::compareTo).orElse(Instant.EPOCH);
                    Instant last = sent.stream().map(Recorded::at).max(Instant::compareTo).orElse(Instant.EPOCH);
                    double sending = Duration.between(first, last).toMillis() / 1000.0;
                    Report.line("%s: %d of %d SENT after %.2f s (requests at the fake: %d, first to last in %.2f s "
                                    + "= %.0f/s), status %s", run == 0 ? "warm-up" : "run " + run,
                            notice.path("counts").path("sent").asInt(), chats, took, sent.size(), sending,
                            sent.size() / Math.max(sending, 0.001), notice.path("status").asText());
                    if (run > 0) {
                        times.add(took);
                    }
                }
                double median = Start.median(times);
                Report.line("bot: all %d SENT in median %.2f s, worst %.2f s (%.0f chats/s); baseline: the fake "
                                + "answers %.0f requests/s to a plain client with %d connections", chats, median,
                        times.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), chats / median,
                        baseline, clients);
                Report.line("target all %d SENT within 5 s: %s", chats, Report.verdict(
                        times.stream().allMatch(t -> t <= 5)));
            }
        } finally {
            Start.deleteTree(dir);
            databases.drop(db);
        }
    }

    /** {@code appchat/send} to every chat once, from {@code clients} threads; returns requests per second. */
    static double baseline(FakeWeCom wecom, int chats, int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        JsonNode token = Api.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(wecom.apiBaseUrl()
                + "/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=" + SECRET)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String url = wecom.apiBaseUrl() + "/cgi-bin/appchat/send?access_token=" + token.get("access_token").asText();
        double best = 0;
        for (int round = 0; round < 3; round++) {
            wecom.reset();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                Thread thread = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < chats; i = next.getAndIncrement()) {
                        String body = "{\"chatid\":\"" + Organisation.chatId("WECOM_APPCHAT", i) + "\",\"msgtype\":"
                                + "\"text\",\"text\":{\"content\":\"请各组今晚开展夜查，重点检查涉VOCs企业治污设施运行情况。\"},"
                                + "\"safe\":0}";
                        try {
                            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (!answer.body().contains("\"errcode\":0")) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double took = (System.nanoTime() - start) / 1e9;
            Report.line("baseline %d: %d appchat/send requests from %d plain clients in %.2f s = %.0f/s (%d errors)",
                    round + 1, chats, clients, took, chats / took, errors.get());
            best = Math.max(best, chats / took);
        }
        wecom.reset();
        return best;
    }
}
