package cn.mee.liaison.bot.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.support.RunningBot;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import cn.mee.liaison.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The personal WeChat account's pace at the pacer, its clock moved by hand: a gap between two sends with a random
 * part on top, and a daily ceiling — besides the per-minute limit, which alone would let ten go back to back.
 */
@Import(WechatyPacingTest.Clocked.class)
@TestPropertySource(properties = {
        "liaison.pacing.wechaty-min-gap=5s",
        "liaison.pacing.wechaty-gap-jitter=2s",
        "liaison.pacing.wechaty-per-day=6"})
class WechatyPacingTest extends RunningBot {

    static final MutableClock CLOCK = MutableClock.at(LocalDateTime.of(2026, 12, 1, 9, 0));

    @TestConfiguration
    static class Clocked {
        @Bean
        @Primary
        Clock pacingClock() {
            return CLOCK;
        }
    }

    @Autowired
    Pacer pacer;

    private static OutboxMessage toRoom(String room) {
        return OutboxMessage.pending(Channel.WECHATY, TargetType.CHAT, room + "@chatroom", MessageFormat.TEXT, "通知",
                null, Purpose.NOTICE, null, CLOCK.instant());
    }

    @Test
    void sendsKeepAGapWithARandomPartAndStopAtTheDailyCeiling() {
        Instant first = CLOCK.instant();
        assertThat(pacer.request(toRoom("a"))).isInstanceOf(Pacer.Granted.class);
        // another room at once: it waits for the gap and up to 2 s more
        Set<Instant> waits = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            assertThat(pacer.request(toRoom("b" + i))).isInstanceOfSatisfying(Pacer.Wait.class, w -> {
                assertThat(w.bucket()).isEqualTo("wechaty:gap");
                assertThat(w.until()).isBetween(first.plusSeconds(5), first.plusSeconds(7).plusMillis(1));
                waits.add(w.until());
            });
        }
        assertThat(waits).as("not all the same: the account does not send like a metronome").hasSizeGreaterThan(1);
        CLOCK.advance(Duration.ofSeconds(4));
        assertThat(pacer.request(toRoom("c"))).isInstanceOf(Pacer.Wait.class);
        CLOCK.advance(Duration.ofMillis(1001));
        assertThat(pacer.request(toRoom("c"))).isInstanceOf(Pacer.Granted.class);

        // four more, a gap apart: six in all, the day's ceiling
        for (int i = 0; i < 4; i++) {
            CLOCK.advance(Duration.ofSeconds(8));
            assertThat(pacer.request(toRoom("d" + i))).isInstanceOf(Pacer.Granted.class);
        }
        CLOCK.advance(Duration.ofMinutes(10));
        assertThat(pacer.request(toRoom("e"))).isInstanceOfSatisfying(Pacer.Wait.class, w -> {
            assertThat(w.bucket()).isEqualTo("wechaty:day");
            assertThat(w.until()).isEqualTo(first.plus(Duration.ofDays(1)).plusMillis(1));
        });
        CLOCK.set(LocalDateTime.of(2026, 12, 2, 9, 0, 1));
        assertThat(pacer.request(toRoom("e"))).isInstanceOf(Pacer.Granted.class);
    }
}
