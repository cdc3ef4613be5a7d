package cn.mee.liaison.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.pacing.Pacer;
import cn.mee.liaison.bot.support.BotContexts;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMapper;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.OutboxStatus;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import cn.mee.liaison.testsupport.MutableClock;
import cn.mee.liaison.testsupport.TestDatabase;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A worker held up between its claim and its send (a long pause, a slow pacing transaction) must not send a row whose
 * claim has (nearly) lapsed: by then another instance may have claimed and sent it. Here the test's own worker claims
 * a row, the clock moves on, and the row goes out exactly once — by the worker that holds a live claim.
 */
class OutboxClaimLapseTest {

    private static final MutableClock CLOCK = MutableClock.at(LocalDateTime.of(2026, 12, 1, 10, 0));
    private static ConfigurableApplicationContext context;
    private static OutboxWorker worker;
    private static OutboxClaims claims;
    private static final List<String> SENT = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        Map<String, Object> properties = BotContexts.base("claim-lapse-"
                + UUID.randomUUID().toString().substring(0, 8));
        properties.putAll(TestDatabase.preferredProperties());
        context = BotContexts.startWithoutOutboxPoller(properties, CLOCK);
        claims = context.getBean(OutboxClaims.class);
        ChatDoor recording = new ChatDoor() {
            @Override
            public Channel channel() {
                return Channel.SANDBOX;
            }

            @Override
            public Delivery deliver(OutboxMessage message) {
                SENT.add(message.content());
                return Delivery.sent();
            }
        };
        worker = new OutboxWorker(claims, context.getBean(Pacer.class), context.getBean(OutboxProperties.class),
                List.of(recording), CLOCK);
    }

    @AfterAll
    static void stop() {
        worker.destroy();
        context.close();
    }

    private long enqueue(String content) {
        return context.getBean(Outbox.class).enqueue(List.of(OutboxMessage.pending(Channel.SANDBOX, TargetType.CHAT,
                "lapse-chat", MessageFormat.TEXT, content, null, Purpose.REPLY, null, CLOCK.instant()))).get(0);
    }

    private OutboxStatus status(long id) {
        return context.getBean(OutboxMapper.class).findByIds(List.of(id)).get(0).status();
    }

    @Test
    void aWorkerHeldUpPastHalfItsLeaseLeavesTheRowToTheNextClaim() {
        String content = "延误的认领 " + UUID.randomUUID();
        long id = enqueue(content);
        List<OutboxMessage> held = claims.take(List.of(id));
        assertThat(held).hasSize(1);

        CLOCK.advance(Duration.ofSeconds(40)); // 20 s of the 60 s lease left: no room for a send
        worker.deliver(held.get(0));
        assertThat(SENT).doesNotContain(content);
        assertThat(status(id)).isEqualTo(OutboxStatus.SENDING);
        assertThat(claims.take(List.of(id))).as("still claimed until the lease lapses").isEmpty();

        CLOCK.advance(Duration.ofSeconds(21)); // lapsed: due again, and sent once by the next claim
        worker.deliverNow(List.of(id)); // as a poll would, limited to this row (the database may be shared)
        assertThat(SENT).containsOnlyOnce(content);
        assertThat(status(id)).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void aWorkerWithinHalfItsLeaseSends() {
        String content = "及时的认领 " + UUID.randomUUID();
        long id = enqueue(content);
        List<OutboxMessage> held = claims.take(List.of(id));

        CLOCK.advance(Duration.ofSeconds(25));
        worker.deliver(held.get(0));
        assertThat(SENT).containsOnlyOnce(content);
        assertThat(status(id)).isEqualTo(OutboxStatus.SENT);
    }
}
