package cn.mee.liaison.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Fresh MariaDB/MySQL databases named bench_*, and the settings that point the bot at one. */
final class Databases {

    private final Options options;

    Databases(Options options) {
        this.options = options;
    }

    /** Drops and creates {@code name} (must start with bench_), utf8mb4 as the README asks. */
    String fresh(String name) throws SQLException {
        if (!name.startsWith("bench_")) {
            throw new IllegalArgumentException("benchmark databases are bench_*: " + name);
        }
        try (Connection c = server(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return url(name);
    }

    void drop(String name) throws SQLException {
        try (Connection c = server(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    String url(String name) {
        return options.mysqlBase() + name;
    }

    Connection server() throws SQLException {
        return DriverManager.getConnection(options.mysqlBase() + "?allowPublicKeyRetrieval=true&useSSL=false",
                options.mysqlUser(), options.mysqlPassword());
    }

    /** The same connection properties as the bot's mysql profile, batched statements rewritten. */
    Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(url(name) + "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
                + "&rewriteBatchedStatements=true&allowPublicKeyRetrieval=true&useSSL=false&useServerPrepStmts=false"
                + "&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048&tcpKeepAlive=true"
                + "&useLocalSessionState=true&cacheResultSetMetadata=true&cacheServerConfiguration=true"
                + "&maintainTimeStats=false", options.mysqlUser(), options.mysqlPassword());
    }

    /** The bot's settings for the mysql profile on database {@code name}. */
    List<String> botSettings(String name) {
        return List.of("spring.profiles.active=mysql", "spring.datasource.url=" + url(name),
                "spring.datasource.username=" + options.mysqlUser(),
                "spring.datasource.password=" + options.mysqlPassword());
    }

    String version() throws SQLException {
        try (Connection c = server(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
