package cn.mee.liaison.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} options and {@code --flag}s, each with a default; also read from system properties (-Dname=value). */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("options are --name=value or --flag: " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq < 0) {
                values.put(arg.substring(2), "true");
            } else {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
        }
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, System.getProperty(name, fallback));
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(get(name, String.valueOf(fallback)));
    }

    /** The bot's executable jar: {@code --jar}, else bot/target/liaison-bot.jar from here or from bench/. */
    Path botJar() {
        String given = get("jar", null);
        if (given != null) {
            return Path.of(given);
        }
        for (String candidate : new String[] {"bot/target/liaison-bot.jar", "../bot/target/liaison-bot.jar"}) {
            if (Files.isRegularFile(Path.of(candidate))) {
                return Path.of(candidate).toAbsolutePath();
            }
        }
        throw new IllegalStateException("bot/target/liaison-bot.jar not found: run mvn -B -DskipTests package first");
    }

    /** Extra JVM flags for the bot ({@code --bot-jvm="-XX:StartFlightRecording=…"}), for profiling. */
    java.util.List<String> botJvm() {
        String flags = get("bot-jvm", "");
        return flags.isBlank() ? java.util.List.of() : java.util.Arrays.asList(flags.trim().split("\\s+"));
    }

    /** MariaDB/MySQL server, root without password by default. */
    String mysqlBase() {
        return get("mysql", "jdbc:mysql://127.0.0.1:3306/");
    }

    String mysqlUser() {
        return get("mysql-user", "root");
    }

    String mysqlPassword() {
        return get("mysql-password", "");
    }
}
