package cn.mee.liaison.bot.channel.wecom.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Everything the fake saw and said: requests, long-connection frames both ways, violations and dropped messages. */
final class Journal {

    private final List<Recorded> requests = new ArrayList<>();
    private final List<Recorded> accepted = new ArrayList<>();
    private final List<JsonNode> framesFromBot = new ArrayList<>();
    private final List<JsonNode> framesToBot = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<Dropped> dropped = new ArrayList<>();
    private final Set<JsonNode> unhandled = Collections.newSetFromMap(new IdentityHashMap<>());

    synchronized void request(Recorded recorded) {
        requests.add(recorded);
    }

    /** A request the endpoint handled and answered with success (not faulted, errcode 0). */
    synchronized void accepted(Recorded recorded) {
        accepted.add(recorded);
    }

    synchronized List<Recorded> accepted(String pathPrefix) {
        return accepted.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    /** A frame arrived; {@link #frameHandled} follows once the fake has answered it. */
    synchronized void frameFromBot(JsonNode frame) {
        framesFromBot.add(frame);
        unhandled.add(frame);
    }

    synchronized void frameHandled(JsonNode frame) {
        unhandled.remove(frame);
        notifyAll();
    }

    synchronized void frameToBot(JsonNode frame) {
        framesToBot.add(frame);
        notifyAll();
    }

    synchronized void frameNotDelivered(JsonNode frame) {
        framesToBot.remove(frame);
    }

    synchronized void violation(String text) {
        violations.add(text);
    }

    synchronized void dropped(Dropped message) {
        dropped.add(message);
    }

    synchronized List<Recorded> requests(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    synchronized List<JsonNode> framesFromBot() {
        return List.copyOf(framesFromBot);
    }

    synchronized List<JsonNode> framesToBot() {
        return List.copyOf(framesToBot);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized List<Dropped> dropped() {
        return List.copyOf(dropped);
    }

    /**
     * The first frame from the bot (already received or arriving within the timeout) that matches, once the fake has
     * handled it: its answer is sent and its violations are recorded.
     */
    synchronized Optional<JsonNode> awaitFrameFromBot(Predicate<JsonNode> matching, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JsonNode frame : framesFromBot) {
                if (!unhandled.contains(frame) && matching.test(frame)) {
                    return Optional.of(frame);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            Duration wait = Duration.ofNanos(left);
            wait(Math.max(1, wait.toMillis()));
        }
    }

    synchronized void clear() {
        requests.clear();
        accepted.clear();
        framesFromBot.clear();
        framesToBot.clear();
        violations.clear();
        dropped.clear();
        unhandled.clear();
    }
}
