package cn.mee.liaison.testsupport;

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

    /** The database the end-to-end tests run on: MySQL when configured, H2 otherwise. */
    public static Map<String, String> preferredProperties() {
        if (mysqlAvailable()) {
            return mysqlProperties();
        }
        return Map.of("spring.datasource.url", freshH2Url(), "spring.datasource.username", "sa",
                "spring.datasource.password", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
