package cn.mee.liaison.bot.support;

import cn.mee.liaison.testsupport.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.h2.tools.Server;

/**
 * A fresh database of its own that a bot can reach through a {@link TcpProxy} (to cut it off) or directly: a new
 * MariaDB/MySQL database next to {@code LIAISON_TEST_MYSQL_URL} when that is set, otherwise an in-memory H2 database
 * served over TCP by an H2 server in this JVM (so that there is a connection to cut).
 */
public final class ProxiedDatabase implements AutoCloseable {

    private static final String H2_FLAGS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            + ";DB_CLOSE_DELAY=-1";

    private final Server h2;
    private final TcpProxy proxy;
    private final String directUrl;
    private final String proxiedUrl;

    private ProxiedDatabase(Server h2, TcpProxy proxy, String directUrl, String proxiedUrl) {
        this.h2 = h2;
        this.proxy = proxy;
        this.directUrl = directUrl;
        this.proxiedUrl = proxiedUrl;
    }

    public static ProxiedDatabase create() {
        if (TestDatabase.mysqlAvailable()) {
            String url = TestDatabase.freshMysqlDatabase();
            URI server = URI.create(url.substring("jdbc:".length()));
            TcpProxy proxy = TcpProxy.start(server.getHost(), server.getPort() < 0 ? 3306 : server.getPort());
            String proxied = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            return new ProxiedDatabase(null, proxy, url, proxied);
        }
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Server h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
            TcpProxy proxy = TcpProxy.start("127.0.0.1", h2.getPort());
            String name = "/mem:faults-" + UUID.randomUUID().toString().substring(0, 8) + H2_FLAGS;
            return new ProxiedDatabase(h2, proxy, "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + name,
                    "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + name);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start an H2 TCP server", e);
        }
    }

    public boolean isMysql() {
        return h2 == null;
    }

    public TcpProxy proxy() {
        return proxy;
    }

    /** Spring properties for a bot that reaches the database through the proxy. */
    public Map<String, String> proxiedProperties() {
        return properties(proxiedUrl);
    }

    /** Spring properties for a bot (or a test's own look) that reaches the database directly. */
    public Map<String, String> directProperties() {
        return properties(directUrl);
    }

    private Map<String, String> properties(String url) {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.datasource.url", url);
        if (isMysql()) {
            properties.putAll(Map.of("spring.datasource.username", env("LIAISON_TEST_MYSQL_USER", "root"),
                    "spring.datasource.password", env("LIAISON_TEST_MYSQL_PASSWORD", ""),
                    "spring.profiles.active", "mysql"));
        } else {
            properties.putAll(Map.of("spring.datasource.username", "sa", "spring.datasource.password", ""));
        }
        return properties;
    }

    @Override
    public void close() {
        proxy.close();
        if (h2 != null) {
            h2.stop();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
