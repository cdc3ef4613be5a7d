package cn.mee.liaison.bot.channel.wechaty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The calls to a puppet service, against the in-process fake: the token, the payloads, sending, the name cache. */
class PuppetClientTest {

    private final FakePuppet puppet = new FakePuppet("insecure_test-token").contact("wxid_zhang", "张三");

    @AfterEach
    void close() {
        puppet.close();
    }

    private PuppetClient client(String token) {
        return new PuppetClient(puppet.channel(), token, Duration.ofSeconds(5));
    }

    @Test
    void everyCallCarriesTheTokenAndAWrongOneIsRefused() {
        try (PuppetClient right = client("insecure_test-token"); PuppetClient wrong = client("insecure_other")) {
            right.start();
            assertThat(puppet.starts()).isEqualTo(1);
            assertThatThrownBy(wrong::start).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
            assertThat(puppet.refusedTokens()).containsExactly("Wechaty insecure_other");
        }
    }

    @Test
    void aMessageIsFetchedAndATextSentWithItsMentions() {
        try (PuppetClient client = client("insecure_test-token")) {
            client.start();
            String id = puppet.say("wxid_zhang", "room-1@chatroom", "日报 检查企业3家", FakePuppet.SELF);
            assertThat(client.message(id)).satisfies(m -> {
                assertThat(m.getTalkerId()).isEqualTo("wxid_zhang");
                assertThat(m.getRoomId()).isEqualTo("room-1@chatroom");
                assertThat(m.getText()).isEqualTo("日报 检查企业3家");
                assertThat(m.getMentionIdsList()).containsExactly(FakePuppet.SELF);
            });
            assertThat(client.sendText("room-1@chatroom", "@张三\u2005收到", List.of("wxid_zhang"))).startsWith("sent-");
            assertThat(puppet.said()).containsExactly(
                    new FakePuppet.Said("room-1@chatroom", "@张三\u2005收到", List.of("wxid_zhang")));
            assertThatThrownBy(() -> client.message("nothing")).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        }
    }

    @Test
    void aContactsNameIsAskedOnce() {
        try (PuppetClient client = client("insecure_test-token")) {
            assertThat(client.nameOf("wxid_zhang")).isEqualTo("张三");
            assertThat(client.nameOf("wxid_zhang")).isEqualTo("张三");
            assertThat(puppet.contactQueries()).isEqualTo(1);
        }
    }
}
