package cn.mee.liaison.bot.channel.wecom.robot;

import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import cn.mee.liaison.bot.channel.wecom.WeComProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Opening the long connection can fail before any attempt is made (an address the client refuses at once): that
 * counts as a failed attempt, and the connection is tried again with backoff rather than given up in silence.
 */
@ExtendWith(OutputCaptureExtension.class)
class RobotLongConnectionOpeningTest {

    private static final String RETRY = "reconnecting the robot long connection";

    @Test
    void anAddressRefusedBeforeAnyAttemptIsTriedAgainWithBackoff(CapturedOutput output) {
        WeComProperties properties = new WeComProperties(null, new WeComProperties.Robot(null, null, "bot-1",
                "secret-1", "websocket", "wss://open ws.example", null, null, Duration.ofMillis(10),
                Duration.ofMillis(20), null), null, null, null);
        RobotLongConnection connection = new RobotLongConnection(properties, mock(LongConnectionCallbacks.class),
                new ObjectMapper(), new SimpleMeterRegistry());
        connection.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().split(RETRY, -1).length > 3);
        } finally {
            connection.stop();
        }
    }
}
