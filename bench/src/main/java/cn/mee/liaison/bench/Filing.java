package cn.mee.liaison.bench;

import cn.mee.liaison.bot.channel.wecom.crypto.WeComCipher;
import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Filing: encrypted intelligent-robot callbacks (webhook mode, {@code POST /wecom/robot/callback}), each a daily
 * report of one of {@code --groups} work groups, into MariaDB — at rising concurrency (closed loop: each client sends
 * its next callback when the last is answered), then at a fixed offered load (open loop, latency measured from the
 * instant each callback was due, so a stall is not hidden). Each callback is signed and encrypted with the bot's own
 * {@link WeComCipher}, carries a fresh nonce and message id, and is answered with the encrypted passive reply; the
 * callbacks of a fixed-rate phase are built before it starts ({@link Callbacks}).
 *
 * <p>Baseline, in the same run: {@link FilingBaseline}, plain JDBC writing the same rows per message in one
 * transaction each, to a copy of the same tables on the same server, at the same concurrency.
 *
 * <p>Before the phases, each side is warmed up at 8 clients for {@code --warm-up-seconds} (180; the rate printed every
 * 15 s), so that the figures are the sustained rate of a warm JVM: on a 2-core machine the bot's rate still climbs
 * until about two and a half minutes after its start. The baseline's warm-up stops once it has written as many
 * messages as the bot's did, so that both sides' phases begin on tables of the same size.
 *
 * <p>Options: {@code --groups=500 --concurrency=1,8,32,64 --seconds=15 --rate=500 --rate-seconds=20}
 * ({@code --rate=300,400,500}: one fixed-rate phase after the other, to find where the latency's tail begins to
 * grow); to compare two builds of the bot in one run, {@code --compare=OTHER.jar --rounds=2} (the jar of
 * {@code --jar} and the other one started alternately, each run on a fresh database, the median of the rounds
 * reported beside the baseline), or one build with and without settings, {@code --compare-settings=name=value,…};
 * for profiling {@code --bot-jvm="-XX:StartFlightRecording=…"}, {@code --bot-settings=name=value,…},
 * {@code --keep-log=/tmp/bot.log}.
 */
final class Filing {

    static final String TOKEN = "benchRobotToken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String BOT_ID = "bench-bot";
    /** The offered load of the latency target: p99 within 50 ms at 500 messages a second. */
    static final int TARGET_RATE = 500;
    /** Workers of the open loop: more than the messages ever in flight at once, so that none waits for a worker. */
    private static final int OPEN_LOOP_WORKERS = 256;
    private static final int SETTLING_SECONDS = 5;
    /** Exceptions thrown by sending, by kind and the start of their message, since they were last printed. */
    private static final Map<String, Long> FAILURES = new ConcurrentHashMap<>();
    /** The longest fixed-rate phase: its callbacks, signed before it starts, must reach the bot within its skew. */
    private static final int MAX_RATE_SECONDS = 240;

    private Filing() {
    }

    /** What one phase measured; an open loop's also second by second. */
    record Phase(String name, long messages, long errors, double seconds, Histogram micros, Timeline timeline) {
        double rate() {
            return messages / seconds;
        }
    }

    /** One message made ready to send: what the sender's side does before sending it is done. */
    interface Message {
        /** Sends it and waits for its answer; true when the answer was the expected one. */
        boolean send() throws Exception;
    }

    /** Makes the messages of one side of the benchmark. */
    interface Sender {
        Message prepare(Random random);
    }

    /** What the benchmark was asked to do. */
    private record Plan(int groups, int[] concurrency, int seconds, int[] rates, int rateSeconds, int warmUpSeconds) {
        /** The fixed rate the target names (500/s) if it was run, otherwise the highest. */
        int targetRate() {
            return Arrays.stream(rates).filter(r -> r == TARGET_RATE).findFirst()
                    .orElse(Arrays.stream(rates).max().orElseThrow());
        }

        /** Where {@link #targetRate()} stands among the fixed rates. */
        int targetIndex() {
            return Arrays.stream(rates).boxed().toList().indexOf(targetRate());
        }
    }

    static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int[] concurrency = Arrays.stream(options.get("concurrency", "1,8,32,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int[] rates = Arrays.stream(options.get("rate", String.valueOf(TARGET_RATE)).split(","))
                .mapToInt(Integer::parseInt).toArray();
        Plan plan = new Plan(options.integer("groups", 500), concurrency, options.integer("seconds", 15),
                rates, options.integer("rate-seconds", 20),
                options.integer("warm-up-seconds", 180));
        if (plan.rateSeconds() > MAX_RATE_SECONDS) {
            throw new IllegalArgumentException("--rate-seconds at most " + MAX_RATE_SECONDS + ": a fixed-rate phase "
                    + "signs its callbacks before it starts, and the bot takes them within 5 minutes of their time");
        }
        List<Variant> variants = new ArrayList<>(List.of(new Variant(options.botJar(), List.of())));
        String compare = options.get("compare", null);
        String compareSettings = options.get("compare-settings", null);
        if (compare != null || compareSettings != null) {
            variants.add(new Variant(compare == null ? options.botJar() : Path.of(compare).toAbsolutePath(),
                    compareSettings == null ? List.of() : List.of(compareSettings.split(","))));
        }
        int rounds = options.integer("rounds", 1);
        Databases databases = new Databases(options);
        Report.heading("filing: encrypted robot callbacks (daily reports) into MariaDB " + databases.version());
        String db = "bench_filing";
        Path dir = Files.createTempDirectory("bench-filing-");
        Map<Variant, List<List<Phase>>> bot = new LinkedHashMap<>();
        List<Long> botWarmUps = new ArrayList<>();
        List<Phase> baseline = new ArrayList<>();
        try (FakeWeCom wecom = FakeWeCom.start(Clock.systemUTC())) {
            for (int round = 1; round <= rounds; round++) {
                for (Variant variant : variants) {
                    // each run on a fresh database: a run after another must not find its tables larger
                    databases.fresh(db);
                    Report.line("-- %s, round %d of %d", variant, round, rounds);
                    BotRun run = botRun(options, plan, variant, databases, db, wecom, dir);
                    bot.computeIfAbsent(variant, v -> new ArrayList<>()).add(run.phases());
                    botWarmUps.add(run.warmUpMessages());
                }
            }
            try (FilingBaseline plain = FilingBaseline.create(databases, db, "bench_filing_jdbc", plan.groups())) {
                // as many rows as the bot's warm-up wrote (their median), so that both sides' phases begin on tables
                // of the same size: the baseline, several times faster, would otherwise measure larger tables
                long rows = (long) median(botWarmUps.stream().mapToDouble(Long::doubleValue).toArray());
                warmUp("jdbc", plan.warmUpSeconds(), rows, plain);
                for (int c : plan.concurrency()) {
                    baseline.add(reported(null, () -> closedLoop("jdbc c=" + c, c, plan.seconds(), plain)));
                }
                baseline.addAll(fixedRates("jdbc", plan, plain, null));
                printFailures("baseline");
            }
        } finally {
            Start.deleteTree(dir);
        }
        bot.forEach((variant, runs) -> summary(variant, runs, baseline, plan));
        databases.drop(db);
        databases.drop("bench_filing_jdbc");
    }

    /** A build of the bot and the settings it runs with beyond those of every run. */
    private record Variant(Path jar, List<String> settings) {
        @Override
        public String toString() {
            return jar + (settings.isEmpty() ? "" : " with " + String.join(", ", settings));
        }
    }

    /** One start of the bot: the phases measured, and how many messages its warm-up sent. */
    private record BotRun(List<Phase> phases, long warmUpMessages) {
    }

    /** One start of the bot: warmed up, then each phase of the plan. */
    private static BotRun botRun(Options options, Plan plan, Variant variant, Databases databases, String db,
                                 FakeWeCom wecom, Path dir) throws Exception {
        List<String> settings = new ArrayList<>(databases.botSettings(db));
        settings.addAll(List.of("liaison.wecom.api-base-url=" + wecom.apiBaseUrl(),
                "liaison.wecom.robot.token=" + TOKEN, "liaison.wecom.robot.encoding-aes-key=" + AES_KEY,
                "liaison.wecom.robot.bot-id=" + BOT_ID));
        String botJvm = options.get("bot-jvm", "");
        List<String> flags = botJvm.isBlank() ? List.of() : Arrays.asList(botJvm.trim().split("\\s+"));
        settings.addAll(Arrays.asList(options.get("bot-settings", "").split(",")).stream()
                .filter(x -> !x.isBlank()).toList());
        settings.addAll(variant.settings());
        List<Phase> phases = new ArrayList<>();
        long warmUp;
        try (BotProcess process = BotProcess.start(variant.jar(), dir, flags, settings)) {
            process.awaitHealthy(Duration.ofMinutes(3));
            new Api(process.baseUrl()).awaitLogin().put("/api/v1/directory",
                    Organisation.document(plan.groups(), "WECOM_ROBOT", List.of())).ok();
            try (Callbacks callbacks = new Callbacks(process.baseUrl(), wecom, plan.groups())) {
                Map<String, Long> before = rowCounts(databases, db);
                // warm-up: the JIT, the connection pools
                long sentBefore = callbacks.sent.get();
                warmUp("bot", plan.warmUpSeconds(), Long.MAX_VALUE, callbacks);
                Map<String, Long> after = rowCounts(databases, db);
                warmUp = callbacks.sent.get() - sentBefore;
                for (int c : plan.concurrency()) {
                    phases.add(reported(process.pid(),
                            () -> closedLoop("bot c=" + c, c, plan.seconds(), callbacks)));
                }
                phases.addAll(fixedRates("bot", plan, callbacks, process.pid()));
                Report.line("rows written per message by the bot (warm-up): %s", perMessage(before, after, warmUp));
                Report.line("answers other than a passive reply (all phases): %s", callbacks.failures);
                printFailures("bot's load generator");
            }
            if (options.get("keep-log", null) != null) {
                Files.copy(process.log(), Path.of(options.get("keep-log", null)),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new BotRun(phases, warmUp);
    }

    /** The runs of one jar beside the baseline: each run's rate, their median, and the targets for the median. */
    private static void summary(Variant variant, List<List<Phase>> runs, List<Phase> baseline, Plan plan) {
        Report.line("");
        Report.line("%s (%d run%s)", variant, runs.size(), runs.size() == 1 ? "" : "s");
        Report.line("%-14s %12s %12s %8s   %s", "concurrency", "bot msg/s", "jdbc msg/s", "ratio",
                runs.size() == 1 ? "bot latency" : "bot msg/s of each run");
        double best = 0;
        double bestRatio = 0;
        int[] concurrency = plan.concurrency();
        for (int i = 0; i < concurrency.length; i++) {
            int phase = i;
            double rate = median(runs.stream().mapToDouble(run -> run.get(phase).rate()).toArray());
            Phase j = baseline.get(i);
            best = Math.max(best, rate);
            bestRatio = Math.max(bestRatio, rate / j.rate());
            String detail = runs.size() == 1 ? Report.percentiles(runs.get(0).get(i).micros())
                    : String.join(" / ", runs.stream().map(run -> String.format("%.0f", run.get(phase).rate()))
                    .toList());
            Report.line("%-14d %12.0f %12.0f %7.0f%%   %s", concurrency[i], rate, j.rate(), 100 * rate / j.rate(),
                    detail);
        }
        List<Phase> last = runs.get(runs.size() - 1);
        for (int r = 0; r < plan.rates().length; r++) {
            Report.line("fixed %d/s (last run): bot %s; jdbc %s", plan.rates()[r],
                    Report.percentiles(last.get(concurrency.length + r).micros()),
                    Report.percentiles(baseline.get(concurrency.length + r).micros()));
        }
        Phase fixedBot = last.get(concurrency.length + plan.targetIndex());
        double p99 = fixedBot.micros().getValueAtPercentile(99) / 1000.0;
        Report.line("target >= 2000 msg/s sustained: best %.0f msg/s: %s", best, Report.verdict(best >= 2000));
        Report.line("target p99 <= 50 ms at %d msg/s: %.1f ms (achieved %.0f msg/s, %d errors): %s",
                plan.targetRate(), p99, fixedBot.rate(), fixedBot.errors(),
                Report.verdict(p99 <= 50 && fixedBot.errors() == 0));
        Report.line("target >= 50%% of the baseline's rate: best %.0f%%: %s", 100 * bestRatio,
                Report.verdict(bestRatio >= 0.5));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Sends a message; an exception thrown is an error of the phase, counted by its kind ({@link #FAILURES}). */
    private static boolean sent(Message message) {
        try {
            return message.send();
        } catch (Exception e) {
            // the quoted values (a key's) left out, so that one kind of failure is counted once
            String text = String.valueOf(e.getMessage()).replaceAll("'[^']*'", "'…'");
            FAILURES.merge(e.getClass().getSimpleName() + ": " + text.substring(0, Math.min(100, text.length())), 1L,
                    Long::sum);
            return false;
        }
    }

    /** Prints the exceptions counted since the last call, and forgets them. */
    private static void printFailures(String who) {
        Report.line("exceptions in sending by the %s (warm-up and all phases): %s", who,
                FAILURES.isEmpty() ? "none" : FAILURES);
        FAILURES.clear();
    }

    static void print(Phase p) {
        Report.line("%-14s %7.0f msg/s (%d in %.1f s, %d errors), %s", p.name(), p.rate(), p.messages(), p.seconds(),
                p.errors(), Report.percentiles(p.micros()));
    }

    /**
     * 8 clients for {@code seconds}, the rate printed every 15 s: until the JIT has compiled the hot paths a JVM runs
     * several times slower (seen here: 36 → 108 messages/s over the first two minutes of the bot), so the phases
     * measured after it are the sustained rate, not the JIT's warm-up. Stops early once {@code messages} were sent.
     */
    static void warmUp(String who, int seconds, long messages, Sender sender) throws InterruptedException {
        long left = messages;
        for (int done = 0; done < seconds && left > 0; done += 15) {
            Phase slice = closedLoop(who + " warm-up", 8, Math.min(15, seconds - done), left, sender);
            left -= slice.messages() + slice.errors();
            Report.line("%-14s %6.0f msg/s (%d in %.0f s)", slice.name(), slice.rate(), slice.messages(),
                    slice.seconds());
        }
    }

    /** {@code clients} threads, each sending one message after the other for {@code seconds}. */
    static Phase closedLoop(String name, int clients, int seconds, Sender sender) throws InterruptedException {
        return closedLoop(name, clients, seconds, Long.MAX_VALUE, sender);
    }

    /** The same, stopping once {@code messages} were sent (or started) in all. */
    static Phase closedLoop(String name, int clients, int seconds, long messages, Sender sender)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong started = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int client = t;
            Thread thread = new Thread(() -> {
                Random random = new Random(client * 7919L + System.nanoTime());
                while (System.nanoTime() < end && started.incrementAndGet() <= messages) {
                    Message message = sender.prepare(random);
                    long began = System.nanoTime();
                    boolean good = sent(message);
                    recorder.recordValue(Math.max(1, (System.nanoTime() - began) / 1000));
                    (good ? ok : errors).incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        return new Phase(name, ok.get(), errors.get(), took, recorder.getIntervalHistogram(), null);
    }

    /** A phase to run. */
    private interface PhaseRun {
        Phase run() throws InterruptedException;
    }

    /**
     * Runs a phase and prints it: its seconds (an open loop's), its figures, and the CPU it cost per message.
     *
     * @param pid the bot's process, whose CPU is reported apart; null for the baseline
     */
    private static Phase reported(Long pid, PhaseRun phase) throws InterruptedException {
        MachineCpu cpu = MachineCpu.start(pid);
        Phase measured = phase.run();
        if (measured.timeline() != null) {
            measured.timeline().lines().forEach(line -> Report.line("%-14s %s", "", line));
        }
        print(measured);
        Report.line("%-14s CPU: %s; load average %s", "", cpu.perMessage(measured.messages()), Start.loadAverage());
        return measured;
    }

    /**
     * Each fixed rate of the plan in turn, on one pool of workers, after {@link #SETTLING_SECONDS} at the first rate
     * that are not measured: a worker's first message pays for its thread and its connection — part of what fresh
     * workers for every phase put into the first second of each (up to 0.9 s late).
     *
     * @param pid the bot's process, whose CPU is reported apart; null for the baseline
     */
    static List<Phase> fixedRates(String who, Plan plan, Sender sender, Long pid) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(OPEN_LOOP_WORKERS);
        try {
            Phase settling = openLoop(who + " settling", plan.rates()[0],
                    prepare(sender, plan.rates()[0] * SETTLING_SECONDS), workers);
            Report.line("%-14s %s (not counted)", settling.name(), Report.percentiles(settling.micros()));
            List<Phase> phases = new ArrayList<>();
            for (int rate : plan.rates()) {
                List<Message> messages = prepare(sender, rate * plan.rateSeconds());
                phases.add(reported(pid,
                        () -> openLoop(who + " @" + rate + "/s", rate, messages, workers)));
            }
            return phases;
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * A fixed-rate phase's messages, all made before its first is due: what the load generator spends in the phase
     * (and what its CPU figure shows) is then the sending only.
     */
    private static List<Message> prepare(Sender sender, int count) {
        Random random = new Random(System.nanoTime());
        List<Message> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(sender.prepare(random));
        }
        return messages;
    }

    /**
     * The {@code messages}, {@code rate} a second, each due at its own instant and sent by a free worker; the latency
     * of each counts from the instant it was due, and is kept second by second ({@link Timeline}).
     */
    static Phase openLoop(String name, int rate, List<Message> messages, ExecutorService workers)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        int total = messages.size();
        CountDownLatch answered = new CountDownLatch(total);
        Timeline timeline = new Timeline((total + rate - 1) / rate, 50);
        long start = timeline.startNanos();
        for (int i = 0; i < total; i++) {
            Message message = messages.get(i);
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            workers.execute(() -> {
                boolean good = sent(message);
                long micros = Math.max(1, (System.nanoTime() - due) / 1000);
                recorder.recordValue(micros);
                timeline.record(due, micros);
                (good ? ok : errors).incrementAndGet();
                answered.countDown();
            });
        }
        answered.await(5, TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        return new Phase(name, ok.get(), errors.get(), took, recorder.getIntervalHistogram(), timeline);
    }

    static Map<String, Long> rowCounts(Databases databases, String db) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = databases.connect(db); Statement s = c.createStatement()) {
            for (String table : List.of("callback_nonce", "filed_message", "daily_report", "outbox_message",
                    "audit_log")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    static String perMessage(Map<String, Long> before, Map<String, Long> after, long messages) {
        StringBuilder text = new StringBuilder();
        after.forEach((table, n) -> text.append(table).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.2f", (n - before.get(table)) / (double) messages))
                .append("  "));
        return text.toString().trim();
    }
}
