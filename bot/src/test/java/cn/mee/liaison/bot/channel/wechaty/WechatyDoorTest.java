package cn.mee.liaison.bot.channel.wechaty;

import cn.mee.liaison.bot.outbox.PlainText;
import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.outbox.Delivery;
import io.grpc.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How the puppet service's answers become deliveries, and what WeChat is sent for markdown. */
class WechatyDoorTest {

    @ParameterizedTest
    @EnumSource(value = Status.Code.class, names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "INTERNAL", "UNKNOWN",
            "UNAUTHENTICATED", "ABORTED", "CANCELLED"})
    void passingTroubleIsTriedAgain(Status.Code code) {
        assertThat(WechatyDoor.outcome(Status.fromCode(code).withDescription("x")))
                .isInstanceOfSatisfying(Delivery.Retry.class, r -> assertThat(r.error()).contains(code.name()));
    }

    @ParameterizedTest
    @EnumSource(value = Status.Code.class, names = {"INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED",
            "FAILED_PRECONDITION", "UNIMPLEMENTED"})
    void aRefusalIsFinal(Status.Code code) {
        assertThat(WechatyDoor.outcome(Status.fromCode(code).withDescription("no such room")))
                .isInstanceOfSatisfying(Delivery.Failed.class, f -> assertThat(f.error())
                        .isEqualTo("Wechaty " + code + "：no such room"));
    }

    @Test
    void beingThrottledWaitsAMinute() {
        assertThat(WechatyDoor.outcome(Status.RESOURCE_EXHAUSTED)).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.after()).isEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void markdownIsSentAsPlainText() {
        assertThat(PlainText.of("## 每日调度汇总\n> **保定市** 已报 <font color=\"warning\">3</font> 组\n[看板](http://x/d)"))
                .isEqualTo("每日调度汇总\n保定市 已报 3 组\n看板（http://x/d）");
    }
}
