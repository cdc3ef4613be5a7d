package cn.mee.liaison.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Which database the tests use. With {@code LIAISON_TEST_MYSQL_URL} set (CI sets it to a fresh MariaDB database),
 * tests that can run on MySQL do; otherwise, and always for the H2 variants, an in-memory H2 in MySQL mode.
 */
public final class TestDatabase {

    public static final String MYSQL_URL_VARIABLE = "LIAISON_TEST_MYSQL_URL";

    private TestDatabase() {
    }

    public static String mysqlUrl() {
        String url = System.getProperty(MYSQL_URL_VARIABLE, System.getenv(MYSQL_URL_VARIABLE));
        return url == null || url.isBlank() ? null : url.strip();
    }

    public static boolean mysqlAvailable() {
        return mysqlUrl() != null;
    }

    /** A fresh, private in-memory H2 database in MySQL mode, the same flags as the embedded default. */
    public static String freshH2Url() {
        return "jdbc:h2:mem:liaison-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    }

    /** Spring properties for the MySQL test database (user root, empty password unless given). */
    public static Map<String, String> mysqlProperties() {
        return Map.of(
                "spring.datasource.url", mysqlUrl(),
                "spring.datasource.username", env("LIAISON_TEST_MYSQL_USER", "root"),
                "spring.datasource.password", env("LIAISON_TEST_MYSQL_PASSWORD", ""));
    }

    /**
     * A database of its own for one running bot (one Spring context): MySQL when configured, H2 otherwise. Bots of
     * different test classes run side by side in one test JVM, each with background workers; on one shared database
     * they would take each other's work.
     */
    public static Map<String, String> preferredProperties() {
        Map<String, String> properties = new java.util.HashMap<>(SMALL_POOL);
        if (mysqlAvailable()) {
            properties.putAll(Map.of(
                    "spring.datasource.url", freshMysqlDatabase(),
                    "spring.datasource.username", env("LIAISON_TEST_MYSQL_USER", "root"),
                    "spring.datasource.password", env("LIAISON_TEST_MYSQL_PASSWORD", "")));
        } else {
            properties.putAll(Map.of("spring.datasource.url", freshH2Url(), "spring.datasource.username", "sa",
                    "spring.datasource.password", ""));
        }
        return Map.copyOf(properties);
    }

    /**
     * A running bot's connection pool in tests: small, and giving back what it does not use. A test JVM keeps many
     * bots (Spring's context cache), all on one MariaDB server with its 151 connections; the production pool (10,
     * all kept open) times a dozen bots would exhaust it.
     */
    public static final Map<String, String> SMALL_POOL = Map.of(
            "spring.datasource.hikari.maximum-pool-size", "8",
            "spring.datasource.hikari.minimum-idle", "1",
            "spring.datasource.hikari.idle-timeout", "15000");

    /**
     * Creates {@code <the configured database>_<random>} next to the configured one and returns its URL. CI drops
     * every database whose name starts with the configured one when it is done.
     */
    public static String freshMysqlDatabase() {
        String url = mysqlUrl();
        int slash = url.indexOf('/', "jdbc:mysql://".length());
        int query = url.indexOf('?', slash);
        String server = url.substring(0, slash + 1);
        String base = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
        String suffix = query < 0 ? "" : url.substring(query);
        String name = base + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(server + suffix,
                env("LIAISON_TEST_MYSQL_USER", "root"), env("LIAISON_TEST_MYSQL_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database next to " + base, e);
        }
        return server + name + suffix;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
