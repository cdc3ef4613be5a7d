package cn.mee.liaison.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Prints figures in one shape: a heading with the machine, then aligned lines. */
final class Report {

    private Report() {
    }

    static void heading(String title) {
        System.out.println();
        System.out.println("== " + title + " ==");
        System.out.println(machine() + "; load average now " + Start.loadAverage()
                + " (other work on the machine shows here)");
    }

    static String machine() {
        String memory = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB";
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memory + " memory, Java "
                + System.getProperty("java.version") + " (" + ManagementFactory.getRuntimeMXBean().getVmName() + ")";
    }

    static void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    /** p50/p95/p99/max of a histogram of microseconds, in milliseconds. */
    static String percentiles(Histogram micros) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)",
                micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(95) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0, micros.getTotalCount());
    }

    static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
