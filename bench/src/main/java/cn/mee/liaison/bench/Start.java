package cn.mee.liaison.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The start: {@code java -jar bot/target/liaison-bot.jar} on the embedded H2 database in a fresh data directory,
 * timed from the process start to {@code /actuator/health} answering UP; then the resident memory (VmRSS) once the
 * bot has been idle for a while. Target: UP within 10 s, at most 400 MB resident when idle.
 *
 * <p>Two ways of starting are measured in the same run, alternately: the plain {@code java -jar}, and the same jar
 * extracted ({@code java -Djarmode=tools -jar liaison-bot.jar extract}) with a class-data-sharing archive made by one
 * training start ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}) — Spring Boot's documented
 * way to start faster; the bot behaves the same. The build makes both next to the jar ({@code target/cds}, the README's
 * run command): they are used when newer than the jar, else made here (another jar given with {@code --jar}).
 *
 * <p>Options: {@code --runs=3}, {@code --idle-seconds=30}, {@code --jvm="-Xss512k -XX:..."} (extra JVM flags for the
 * bot, space separated; default none), {@code --modes=jar,cds}.
 */
final class Start {

    private Start() {
    }

    static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int runs = options.integer("runs", 3);
        int idle = options.integer("idle-seconds", 30);
        String extra = options.get("jvm", "");
        List<String> jvm = extra.isBlank() ? List.of() : Arrays.asList(extra.trim().split("\\s+"));
        Report.heading("start: the jar on the embedded database, fresh data dir");
        Report.line("jar %s, extra JVM flags: %s", options.botJar(), jvm.isEmpty() ? "(none)" : String.join(" ", jvm));
        List<String> modes = Arrays.asList(options.get("modes", "jar,cds").split(","));
        Path work = Files.createTempDirectory("bench-start-cds-");
        Path extractedJar = null;
        Path archive = work.resolve("liaison-bot.jsa");
        try {
            if (modes.contains("cds")) {
                Path built = options.botJar().resolveSibling("cds");
                if (Files.isRegularFile(built.resolve("liaison-bot.jsa")) && Files.getLastModifiedTime(
                        built.resolve("liaison-bot.jsa")).compareTo(Files.getLastModifiedTime(options.botJar())) > 0) {
                    // what the build made next to the jar (bot's pom: target/cds), started as the README says
                    extractedJar = built.resolve(options.botJar().getFileName());
                    archive = built.resolve("liaison-bot.jsa");
                    Report.line("cds: the build's %s and its archive (%.0f MiB)", extractedJar,
                            Files.size(archive) / 1024.0 / 1024.0);
                } else {
                    extractedJar = cds(options.botJar(), work, archive);
                }
            }
            java.util.Map<String, List<Double>> ready = new java.util.LinkedHashMap<>();
            java.util.Map<String, List<Double>> rss = new java.util.LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                for (String mode : modes) {
                    List<String> flags = new ArrayList<>(jvm);
                    Path jar = options.botJar();
                    if (mode.equals("cds")) {
                        flags.add("-XX:SharedArchiveFile=" + archive);
                        jar = extractedJar;
                    }
                    Path dir = Files.createTempDirectory("bench-start-");
                    try (BotProcess bot = BotProcess.start(jar, dir, flags, List.of())) {
                        Duration up = bot.awaitHealthy(Duration.ofSeconds(120));
                        double atReady = bot.residentMiB();
                        Thread.sleep(idle * 1000L);
                        double idleRss = bot.residentMiB();
                        ready.computeIfAbsent(mode, m -> new ArrayList<>()).add(up.toMillis() / 1000.0);
                        rss.computeIfAbsent(mode, m -> new ArrayList<>()).add(idleRss);
                        Report.line("run %d %-4s: health UP after %5.2f s; resident %.0f MiB at UP, %.0f MiB after %d s "
                                + "idle (%.0f anonymous + %.0f file-backed); load average %s", run, mode,
                                up.toMillis() / 1000.0, atReady, idleRss, idle, bot.status("RssAnon:"),
                                bot.status("RssFile:"), loadAverage());
                    } finally {
                        deleteTree(dir);
                    }
                }
            }
            for (String mode : modes) {
                double worstReady = ready.get(mode).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                double worstRss = rss.get(mode).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                Report.line("%-4s ready: median %.2f s, worst %.2f s (target <= 10 s): %s", mode, median(ready.get(mode)),
                        worstReady, Report.verdict(median(ready.get(mode)) <= 10));
                Report.line("%-4s resident idle: median %.0f MiB, worst %.0f MiB (target <= 400 MB = 381 MiB): %s", mode,
                        median(rss.get(mode)), worstRss, Report.verdict(median(rss.get(mode)) * 1024 * 1024 <= 400_000_000));
            }
        } finally {
            deleteTree(work);
        }
    }

    /** Extracts the jar into {@code work} and trains a CDS archive with one start that exits once refreshed. */
    static Path cds(Path jar, Path work, Path archive) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path extracted = work.resolve("extracted");
        run(work, java, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
                extracted.toString());
        Path app = extracted.resolve(jar.getFileName());
        Path data = work.resolve("training-data");
        run(work, java, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                app.toString(), "--server.port=0", "--liaison.data-dir=" + data,
                "--liaison.security.admin-password=" + BotProcess.ADMIN_PASSWORD);
        Report.line("cds: extracted to %s, archive %s (%.0f MiB) from one training start", extracted, archive,
                Files.size(archive) / 1024.0 / 1024.0);
        return app;
    }

    private static void run(Path dir, String... command) throws Exception {
        Path log = dir.resolve("step.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    static void deleteTree(Path... dirs) throws java.io.IOException {
        for (Path dir : dirs) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
