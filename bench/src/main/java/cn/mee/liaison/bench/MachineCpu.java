package cn.mee.liaison.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the machine's CPU went during a phase, per message: the bot's process (when there is one), the database
 * server's (when it runs on this machine) and this benchmark's own — the load generator, which encrypts and sends
 * the callbacks or, for the baseline, runs the JDBC statements. On two shared cores these three divide the time.
 */
final class MachineCpu {

    private final Map<String, Long> pids;
    private final Map<String, Double> before;

    private MachineCpu(Map<String, Long> pids) {
        this.pids = pids;
        this.before = seconds(pids);
    }

    /** Starts counting; {@code botPid} null for a phase without the bot. */
    static MachineCpu start(Long botPid) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (botPid != null) {
            pids.put("bot", botPid);
        }
        databaseServer().ifPresent(pid -> pids.put("MariaDB", pid));
        pids.put("load generator", ProcessHandle.current().pid());
        return new MachineCpu(pids);
    }

    /** The CPU of each process since {@link #start}, in ms per message: {@code bot 1.75, MariaDB 1.90, …}. */
    String perMessage(long messages) {
        Map<String, Double> after = seconds(pids);
        List<String> parts = new ArrayList<>();
        double total = 0;
        for (String who : pids.keySet()) {
            double ms = 1000 * (after.get(who) - before.get(who)) / Math.max(1, messages);
            total += ms;
            parts.add(String.format("%s %.2f", who, ms));
        }
        return String.join(", ", parts) + String.format(" (all %.2f) ms per message", total);
    }

    /** The process of a MariaDB or MySQL server on this machine, if one runs here. */
    private static Optional<Long> databaseServer() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                        .orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }

    private static Map<String, Double> seconds(Map<String, Long> pids) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((who, pid) -> seconds.put(who, cpuSeconds(pid)));
        return seconds;
    }

    /** user + system CPU seconds of a process so far (/proc/PID/stat, clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
