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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Transient failures are retried up to {@code liaison.outbox.retry-deadline} (24 h) after a row first fell due, then
 * the row is FAILED with the last error. A notice scheduled days ahead counts its deadline from its time, not from
 * when it was written: its first 45009 is retried. The clock is moved; the door always answers 45009.
 */
class OutboxRetryDeadlineTest {

    private static final MutableClock CLOCK = MutableClock.at(LocalDateTime.of(2026, 12, 1, 10, 0));
    private static ConfigurableApplicationContext context;
    private static OutboxWorker worker;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = BotContexts.base("retry-deadline-"
                + UUID.randomUUID().toString().substring(0, 8));
        properties.putAll(TestDatabase.preferredProperties());
        context = BotContexts.startWithoutOutboxPoller(properties, CLOCK);
        ChatDoor busy = new ChatDoor() {
            @Override
            public Channel channel() {
                return Channel.SANDBOX;
            }

            @Override
            public Delivery deliver(OutboxMessage message) {
                return Delivery.retry("errcode 45009 api freq out of limit");
            }
        };
        worker = new OutboxWorker(context.getBean(OutboxClaims.class), context.getBean(Pacer.class),
                context.getBean(OutboxProperties.class), List.of(busy), CLOCK);
    }

    @AfterAll
    static void stop() {
        worker.destroy();
        context.close();
    }

    private long enqueue(Duration dueIn) {
        OutboxMessage row = OutboxMessage.pending(Channel.SANDBOX, TargetType.CHAT, "deadline-" + UUID.randomUUID(),
                MessageFormat.TEXT, "限频中的通知", null, Purpose.NOTICE, null, CLOCK.instant());
        return context.getBean(Outbox.class).enqueue(List.of(row.withNextAttemptAt(CLOCK.instant().plus(dueIn))))
                .get(0);
    }

    private OutboxMessage row(long id) {
        return context.getBean(OutboxMapper.class).findByIds(List.of(id)).get(0);
    }

    @Test
    void aRowStillFailingAfterTheDeadlineIsFailedWithTheLastError() {
        long id = enqueue(Duration.ZERO);
        worker.deliverNow(List.of(id));
        assertThat(row(id).status()).isEqualTo(OutboxStatus.PENDING);

        CLOCK.advance(Duration.ofHours(24).plusMinutes(1));
        worker.deliverNow(List.of(id));
        OutboxMessage failed = row(id);
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastError()).startsWith("重试期限已过").contains("45009");
    }

    @Test
    void aNoticeScheduledBeyondTheDeadlineIsRetriedOnItsFirstFailure() {
        long id = enqueue(Duration.ofHours(48));
        CLOCK.advance(Duration.ofHours(48));
        worker.deliverNow(List.of(id));
        OutboxMessage retried = row(id);
        assertThat(retried.status()).as("retried, not failed").isEqualTo(OutboxStatus.PENDING);
        assertThat(retried.lastError()).contains("45009");

        CLOCK.advance(Duration.ofHours(24).plusMinutes(1)); // the deadline from its own time
        worker.deliverNow(List.of(id));
        assertThat(row(id).status()).isEqualTo(OutboxStatus.FAILED);
    }
}
