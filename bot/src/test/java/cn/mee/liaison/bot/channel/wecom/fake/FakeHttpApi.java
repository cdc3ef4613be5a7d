package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the fake: a JDK HttpServer on 127.0.0.1 and a random port that records every request, applies
 * injected faults, routes to the endpoint of the path and turns {@link Rejection}s into WeCom JSON errors. Each
 * request runs on its own pooled thread, so a held ("timeout") request never blocks the others.
 */
final class FakeHttpApi implements AutoCloseable {

    @FunctionalInterface
    interface Handler {
        ApiAnswer handle(ApiRequest request);
    }

    private record Route(String method, Handler handler) {
    }

    /** Thrown to make the JDK server close the connection without an answer. */
    private static final class DropConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DropConnection() {
            super("connection dropped by an injected fault", null, false, false);
        }
    }

    private static final long HOLD_LIMIT_MINUTES = 10;

    static {
        // The JDK server writes response headers and body separately; without TCP_NODELAY, Nagle's algorithm and
        // delayed ACKs add ~40 ms to every answer. Read once, when the first HttpServer of the JVM is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Clock clock;
    private final Journal journal;
    private final Faults faults;
    private final ObjectMapper mapper;
    private final Map<String, Route> exact = new ConcurrentHashMap<>();
    private final Map<String, Route> prefixed = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService workers;
    private final HttpServer server;

    FakeHttpApi(Clock clock, Journal journal, Faults faults, ObjectMapper mapper) {
        this.clock = clock;
        this.journal = journal;
        this.faults = faults;
        this.mapper = mapper;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-wecom-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the fake WeCom HTTP port", e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::exchange);
    }

    void route(String method, String path, Handler handler) {
        exact.put(path, new Route(method, handler));
    }

    /** Routes every path below {@code prefix + "/"} (downloads addressed by id). */
    void routeBelow(String method, String prefix, Handler handler) {
        prefixed.put(prefix + "/", new Route(method, handler));
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        workers.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try {
            ApiRequest request = read(exchange);
            Recorded recorded = new Recorded(request.method(), request.path(), request.query(), request.json(),
                    request.body(), clock.instant());
            journal.request(recorded);
            Optional<Fault> fault = faults.take(request.path());
            if (fault.isPresent()) {
                write(exchange, faulted(fault.get()));
            } else {
                ApiAnswer answer = answer(request);
                if (succeeded(answer)) {
                    journal.accepted(recorded);
                }
                write(exchange, answer);
            }
        } catch (DropConnection drop) {
            // closing an exchange whose response headers were never sent closes the TCP connection
        } finally {
            exchange.close();
        }
    }

    /** The fault's answer; drop and timeout throw {@link DropConnection} (timeout only once the fake closes). */
    private ApiAnswer faulted(Fault fault) {
        if (fault instanceof Fault.ErrCode errCode) {
            return error(errCode.code(), "injected fault");
        }
        if (fault instanceof Fault.Http http) {
            return ApiAnswer.text(http.status(), "injected HTTP " + http.status());
        }
        if (fault instanceof Fault.Drop) {
            throw new DropConnection();
        }
        try {
            closing.await(HOLD_LIMIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new DropConnection();
    }

    private ApiAnswer answer(ApiRequest request) {
        Route route = exact.get(request.path());
        if (route == null) {
            route = prefixed.entrySet().stream().filter(e -> request.path().startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (route == null) {
            journal.violation(request.method() + " " + request.path() + ": unknown endpoint");
            return ApiAnswer.text(404, "not found");
        }
        try {
            if (!route.method().equals(request.method())) {
                throw Rejection.violation("GET".equals(route.method()) ? WeComError.REQUIRE_GET
                        : WeComError.REQUIRE_POST, request.method() + " is not allowed here");
            }
            return route.handler().handle(request);
        } catch (Rejection rejection) {
            if (rejection.isViolation()) {
                journal.violation(request.method() + " " + request.path() + ": " + rejection.error().code() + " "
                        + rejection.getMessage());
            }
            return error(rejection.error().code(), rejection.errmsg());
        } catch (RuntimeException bug) {
            journal.violation(request.method() + " " + request.path() + ": the fake itself failed: " + bug);
            return ApiAnswer.text(500, "fake WeCom failed: " + bug);
        }
    }

    /** HTTP 200 and, for a JSON answer, errcode 0 (or none, as for a media download). */
    private boolean succeeded(ApiAnswer answer) {
        if (answer.status() != 200) {
            return false;
        }
        if (!answer.contentType().startsWith("application/json")) {
            return true;
        }
        try {
            return mapper.readTree(answer.body()).path("errcode").asInt(0) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private ApiAnswer error(int code, String errmsg) {
        ObjectNode node = mapper.createObjectNode().put("errcode", code).put("errmsg", errmsg);
        return ApiAnswer.json(node);
    }

    private ApiRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        return new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), uri.getPath(),
                query(uri.getRawQuery()), contentType, body, json(contentType, body));
    }

    private JsonNode json(String contentType, byte[] body) {
        if (body.length == 0 || (contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/"))) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(query);
    }

    private static void write(HttpExchange exchange, ApiAnswer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }
}
