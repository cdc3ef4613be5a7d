package cn.mee.liaison.bot.channel.wechaty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import cn.mee.liaison.testsupport.MutableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session with a puppet service faked in process, on its own: the reconnect backoff is not defeated by the
 * heartbeat that greets every stream, and each kind of event is handled (heartbeat, error, room join/leave/topic).
 */
class WechatyConnectionTest {

    private final FakePuppet puppet = new FakePuppet("insecure_connection-test");
    private final MutableClock clock = MutableClock.at(LocalDateTime.of(2026, 11, 30, 10, 0));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WechatyRooms rooms = mock(WechatyRooms.class);
    private final WechatyConnection connection = new WechatyConnection(
            new WechatyProperties("in-process", "insecure_connection-test", false, null, null,
                    Duration.ofMillis(10), Duration.ofMillis(80), Duration.ofSeconds(60), Duration.ofSeconds(90),
                    Duration.ofSeconds(5)),
            mock(WechatyMessages.class), new ObjectMapper(), clock, meters, new PuppetChannels() {
                @Override
                public ManagedChannel open(WechatyProperties settings) {
                    return puppet.channel();
                }
            }, rooms);

    @AfterEach
    void stop() {
        connection.stop();
        puppet.close();
    }

    private double events(String type) {
        return meters.counter("liaison.wechaty.events", "type", type).count();
    }

    @Test
    void aServiceThatGreetsTheStreamButRefusesStartIsTriedLaterAndLaterUntilALogin() {
        puppet.failStartsWith(Status.UNAVAILABLE.withDescription("puppet not ready"));
        connection.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> puppet.starts() >= 6);
        assertThat(events("EVENT_TYPE_HEARTBEAT")).as("each new stream was greeted").isGreaterThanOrEqualTo(5);
        assertThat(connection.lastReconnectDelay()).as("doubled to the cap, not reset by the greetings")
                .isEqualTo(Duration.ofMillis(80));

        puppet.failStartsWith(null);
        await().atMost(Duration.ofSeconds(20)).until(() -> connection.selfId().isPresent());
        int calls = puppet.eventCalls();
        puppet.breakStreams();
        await().atMost(Duration.ofSeconds(20)).until(() -> puppet.eventCalls() > calls);
        assertThat(connection.lastReconnectDelay()).as("the login started the backoff over")
                .isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aHeartbeatKeepsTheStreamAliveAndAnErrorIsCounted() {
        connection.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> connection.selfId().isPresent());
        clock.advance(Duration.ofSeconds(60));
        Instant beat = clock.instant();
        puppet.heartbeat();
        await().atMost(Duration.ofSeconds(20)).until(() -> !connection.lastHeard().isBefore(beat));
        clock.advance(Duration.ofSeconds(60)); // 120 s since the connection, 60 s since the heartbeat: not silent
        int calls = puppet.eventCalls();
        puppet.answerDings(false);
        puppet.error("puppet lost its cache");
        await().atMost(Duration.ofSeconds(20)).until(() -> events("EVENT_TYPE_ERROR") == 1);
        assertThat(puppet.eventCalls()).as("no reconnection").isEqualTo(calls);
    }

    @Test
    void roomEventsGoToTheRoomsAndAreCountedByType() {
        connection.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> connection.selfId().isPresent());
        puppet.roomJoin("r1@chatroom", "wxid_leader", "wxid_new");
        puppet.roomLeave("r1@chatroom", "wxid_leader", "wxid_new");
        puppet.roomTopic("r1@chatroom", "wxid_leader", "保定市第一组", "保定市第一组（新）");
        verify(rooms, timeout(20_000)).joined(argThat(e -> e.path("inviteeIdList").get(0).asText().equals("wxid_new")
                && e.path("roomId").asText().equals("r1@chatroom")));
        verify(rooms, timeout(20_000)).left(argThat(e -> e.path("removeeIdList").get(0).asText().equals("wxid_new")));
        verify(rooms, timeout(20_000)).topicChanged(argThat(e -> e.path("newTopic").asText().equals("保定市第一组（新）")));
        await().atMost(Duration.ofSeconds(20)).until(() -> events("EVENT_TYPE_ROOM_JOIN") == 1
                && events("EVENT_TYPE_ROOM_LEAVE") == 1 && events("EVENT_TYPE_ROOM_TOPIC") == 1);
    }
}
