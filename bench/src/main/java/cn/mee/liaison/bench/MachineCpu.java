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
 * server's (when it runs on this machine) and this benchmark's own — the load generator, which sends the callbacks
 * (and builds them, outside a fixed-rate phase) or, for the baseline, runs the JDBC statements. On two shared cores
 * these three divide the time. Each with the share of it spent in the kernel (system time: sockets, files, waking
 * threads).
 */
final class MachineCpu {

    private final Map<String, Long> pids;
    private final Map<String, Seconds> before;

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

    /**
     * The CPU of each process since {@link #start}, in ms per message, with its kernel's share:
     * {@code bot 1.75 (kernel 30 %), MariaDB 1.90 (kernel 45 %), …}.
     */
    String perMessage(long messages) {
        Map<String, Seconds> after = seconds(pids);
        List<String> parts = new ArrayList<>();
        double total = 0;
        for (String who : pids.keySet()) {
            double user = after.get(who).user() - before.get(who).user();
            double system = after.get(who).system() - before.get(who).system();
            double ms = 1000 * (user + system) / Math.max(1, messages);
            total += ms;
            parts.add(String.format("%s %.2f (kernel %.0f %%)", who, ms, 100 * system / Math.max(0.01, user + system)));
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

    private static Map<String, Seconds> seconds(Map<String, Long> pids) {
        Map<String, Seconds> seconds = new LinkedHashMap<>();
        pids.forEach((who, pid) -> seconds.put(who, cpuSeconds(pid)));
        return seconds;
    }

    /** CPU seconds of a process so far, in its own code and in the kernel. */
    private record Seconds(double user, double system) {
    }

    /** The user and the system CPU seconds of a process so far (/proc/PID/stat, clock ticks of 1/100 s). */
    private static Seconds cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new Seconds(Long.parseLong(f[11]) / 100.0, Long.parseLong(f[12]) / 100.0);
        } catch (Exception e) {
            return new Seconds(Double.NaN, Double.NaN);
        }
    }
}
