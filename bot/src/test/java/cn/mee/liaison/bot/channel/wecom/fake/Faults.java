package cn.mee.liaison.bot.channel.wecom.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Faults waiting for their request. A key is an HTTP path ({@code /cgi-bin/message/send}; it also matches the paths
 * below it) or a long-connection cmd ({@code aibot_respond_msg}). One-shot faults queue in order and go before the
 * permanent one.
 */
final class Faults {

    private final Map<String, Deque<Fault>> next = new HashMap<>();
    private final Map<String, Fault> always = new HashMap<>();

    synchronized void failNext(String key, Fault fault, int times) {
        check(key, fault);
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        Deque<Fault> queue = next.computeIfAbsent(key, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
    }

    synchronized void alwaysFail(String key, Fault fault) {
        check(key, fault);
        always.put(key, fault);
    }

    synchronized void clear() {
        next.clear();
        always.clear();
    }

    /** The fault for this path or cmd, consuming a one-shot fault. */
    synchronized Optional<Fault> take(String pathOrCmd) {
        for (String key : candidates(pathOrCmd)) {
            Deque<Fault> queue = next.get(key);
            if (queue != null && !queue.isEmpty()) {
                return Optional.of(queue.removeFirst());
            }
        }
        for (String key : candidates(pathOrCmd)) {
            Fault fault = always.get(key);
            if (fault != null) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /** The key itself, then each enclosing path: /cgi-bin/aibot/media/x → /cgi-bin/aibot/media → /cgi-bin/aibot …. */
    private static Iterable<String> candidates(String pathOrCmd) {
        Deque<String> keys = new ArrayDeque<>();
        keys.add(pathOrCmd);
        if (pathOrCmd.startsWith("/")) {
            String path = pathOrCmd;
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/')) {
                path = path.substring(0, slash);
                keys.add(path);
            }
        }
        return keys;
    }

    private static void check(String key, Fault fault) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a fault needs a path or cmd");
        }
        if (fault == null) {
            throw new IllegalArgumentException("fault must not be null");
        }
        if (!key.startsWith("/") && fault instanceof Fault.Http) {
            throw new IllegalArgumentException("an HTTP status fault cannot apply to the long-connection cmd " + key);
        }
    }
}
