package cn.mee.liaison.bot.pacing;

import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.pacing.BucketUse;
import cn.mee.liaison.storage.pacing.PaceMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every send under the platform's limits across all instances: before a send, its slots are taken in all its
 * buckets at once, in one transaction that locks the buckets' rows (in name order, so two instances never deadlock)
 * and counts what each used in its window — a sliding window, so that the limit holds over any minute, whether the
 * platform counts fixed or sliding minutes. When a bucket is full, nothing is taken and the send waits until the
 * oldest slot in the full bucket leaves the window.
 */
@Service
public class Pacer {

    private static final Logger log = LoggerFactory.getLogger(Pacer.class);
    private static final Duration IN_FLIGHT_RETRY = Duration.ofMillis(500);

    private final PaceMapper mapper;
    private final PaceRules rules;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final MeterRegistry meters;
    /** Buckets whose row exists already (rows are never deleted). */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Pacer(PaceMapper mapper, PaceRules rules, PlatformTransactionManager transactions, Clock clock,
          MeterRegistry meters) {
        this.mapper = mapper;
        this.rules = rules;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.meters = meters;
        for (cn.mee.liaison.storage.directory.Channel channel : cn.mee.liaison.storage.directory.Channel.values()) {
            Gauge.builder("liaison.pacing.sends.last.minute", () -> lastMinute(channel.name()))
                    .tag("channel", channel.name()).description("sends counted in the last minute, all instances")
                    .register(meters);
        }
    }

    /** Permission for one send, or when to ask again. */
    public sealed interface Permit {
    }

    /** The send may go; {@code inFlight} slots are given back with {@link #done}. */
    public record Granted(List<Long> inFlight) implements Permit {
    }

    public record Wait(Instant until, String bucket) implements Permit {
    }

    public Permit request(OutboxMessage message) {
        List<Pace> paces = rules.paces(message);
        if (paces.isEmpty()) {
            return new Granted(List.of());
        }
        Map<String, Pace> byBucket = new TreeMap<>();
        paces.forEach(p -> byBucket.merge(p.bucket(), p, (a, b) -> a.limit() <= b.limit() ? a : b));
        ensureBuckets(byBucket.keySet());
        Permit permit = ownTransaction.execute(status -> take(byBucket, status));
        if (permit instanceof Wait wait) {
            meters.counter("liaison.pacing.deferred", "channel", message.channel().name()).increment();
            log.debug("pacing: outbox row {} waits for bucket {} until {}", message.id(), wait.bucket(),
                    wait.until());
        }
        return permit;
    }

    /**
     * Creates missing bucket rows in a transaction of their own: creating them where they are then locked would take
     * shared locks first (MySQL, INSERT IGNORE) and deadlock two instances upgrading them to exclusive ones.
     */
    private void ensureBuckets(Set<String> buckets) {
        List<String> missing = buckets.stream().filter(b -> !known.contains(b)).toList();
        if (!missing.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> mapper.ensureBuckets(missing));
            known.addAll(missing);
        }
    }

    private Permit take(Map<String, Pace> byBucket, org.springframework.transaction.TransactionStatus status) {
        Instant now = clock.instant();
        mapper.lockBuckets(byBucket.keySet());
        Instant wait = null;
        String full = null;
        for (Pace pace : byBucket.values()) {
            BucketUse use = mapper.use(pace.bucket(), now.minus(pace.window()));
            if (use.used() + pace.weight() > pace.limit()) {
                // a concurrency slot comes free when a send ends, long before its lease: look again soon
                Instant free = pace.concurrency() || use.oldest() == null ? now.plus(IN_FLIGHT_RETRY)
                        : use.oldest().plus(pace.window()).plus(jitter(pace));
                if (wait == null || free.isAfter(wait)) {
                    wait = free;
                    full = pace.bucket();
                }
            }
        }
        if (wait != null) {
            return new Wait(wait.plusMillis(1), full);
        }
        List<Long> inFlight = new ArrayList<>();
        for (Pace pace : byBucket.values()) {
            long slot = mapper.take(pace.bucket(), pace.weight(), now);
            if (pace.concurrency()) {
                inFlight.add(slot);
            }
        }
        return new Granted(inFlight);
    }

    /**
     * Permission for a batch of sends at once, in the order given, in one transaction: the buckets of all of them
     * locked together (in name order), their use read with one query per window length, and the slots of the sends
     * granted taken with one statement — instead of a transaction per send, each locking the same company-wide
     * buckets (app API per minute and hour, person-sends) and summing their windows again. Sends to one target keep
     * their order: once one of them waits, the ones after it wait too.
     *
     * @param targetOf the target whose order is kept (the same key for rows that must go in order)
     */
    public List<Permit> requestAll(List<OutboxMessage> messages,
                                   java.util.function.Function<OutboxMessage, String> targetOf) {
        List<Map<String, Pace>> each = new ArrayList<>();
        Set<String> buckets = new java.util.TreeSet<>();
        for (OutboxMessage message : messages) {
            Map<String, Pace> byBucket = new TreeMap<>();
            rules.paces(message).forEach(p -> byBucket.merge(p.bucket(), p, (a, b) -> a.limit() <= b.limit() ? a : b));
            each.add(byBucket);
            buckets.addAll(byBucket.keySet());
        }
        if (buckets.isEmpty()) {
            return messages.stream().map(m -> (Permit) new Granted(List.of())).toList();
        }
        ensureBuckets(buckets);
        List<Permit> permits = ownTransaction.execute(status -> takeAll(messages, each, buckets, targetOf));
        for (int i = 0; i < messages.size(); i++) {
            if (permits.get(i) instanceof Wait wait) {
                meters.counter("liaison.pacing.deferred", "channel", messages.get(i).channel().name()).increment();
                log.debug("pacing: outbox row {} waits for bucket {} until {}", messages.get(i).id(), wait.bucket(),
                        wait.until());
            }
        }
        return permits;
    }

    private List<Permit> takeAll(List<OutboxMessage> messages, List<Map<String, Pace>> each, Set<String> buckets,
                                 java.util.function.Function<OutboxMessage, String> targetOf) {
        Instant now = clock.instant();
        mapper.lockBuckets(buckets);
        Map<Duration, Set<String>> byWindow = new HashMap<>();
        each.forEach(paces -> paces.values().forEach(p ->
                byWindow.computeIfAbsent(p.window(), w -> new java.util.TreeSet<>()).add(p.bucket())));
        // a bucket has one window (its name says which); were it given two, the longer one's use counts
        Map<String, BucketUse> use = new HashMap<>();
        byWindow.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(w ->
                mapper.useAll(w.getValue(), now.minus(w.getKey())).forEach(u -> use.put(u.bucket(), u)));
        Map<String, Long> used = new HashMap<>();
        use.forEach((bucket, u) -> used.put(bucket, u.used()));
        Map<String, Wait> waiting = new HashMap<>();
        List<BucketUse> slots = new ArrayList<>();
        List<Permit> permits = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String target = targetOf.apply(messages.get(i));
            Wait earlier = waiting.get(target);
            if (earlier != null) {
                permits.add(earlier);
                continue;
            }
            Instant wait = null;
            String full = null;
            for (Pace pace : each.get(i).values()) {
                if (used.getOrDefault(pace.bucket(), 0L) + pace.weight() > pace.limit()) {
                    BucketUse u = use.get(pace.bucket());
                    Instant oldest = u == null ? null : u.oldest();
                    Instant free = pace.concurrency() ? now.plus(IN_FLIGHT_RETRY)
                            : (oldest == null ? now : oldest).plus(pace.window()).plus(jitter(pace));
                    if (wait == null || free.isAfter(wait)) {
                        wait = free;
                        full = pace.bucket();
                    }
                }
            }
            if (wait != null) {
                Wait w = new Wait(wait.plusMillis(1), full);
                waiting.put(target, w);
                permits.add(w);
                continue;
            }
            List<Long> inFlight = new ArrayList<>();
            for (Pace pace : each.get(i).values()) {
                used.merge(pace.bucket(), (long) pace.weight(), Long::sum);
                if (pace.concurrency()) {
                    inFlight.add(mapper.take(pace.bucket(), pace.weight(), now));
                } else {
                    slots.add(new BucketUse(pace.bucket(), pace.weight(), now));
                }
            }
            permits.add(new Granted(inFlight));
        }
        for (int i = 0; i < slots.size(); i += 1000) {
            mapper.takeAll(slots.subList(i, Math.min(slots.size(), i + 1000)), now);
        }
        return permits;
    }

    private static Duration jitter(Pace pace) {
        long most = pace.jitter().toMillis();
        return most <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(most + 1));
    }

    /** The send is over: concurrency slots are free again. */
    public void done(Permit permit) {
        if (permit instanceof Granted granted && !granted.inFlight().isEmpty()) {
            ownTransaction.executeWithoutResult(status -> mapper.giveBack(granted.inFlight()));
        }
    }

    /** Slots older than the longest window (a day) count for nothing any more. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void forgetOldSlots() {
        try {
            mapper.forgetBefore(clock.instant().minus(Duration.ofDays(1)).minusSeconds(60));
        } catch (RuntimeException e) {
            log.warn("could not clean up old pacing slots: {}", e.toString());
        }
    }

    private double lastMinute(String channel) {
        try {
            return mapper.usedWithPrefix(PaceRules.DOOR + channel, clock.instant().minusSeconds(60));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
