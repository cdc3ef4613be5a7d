package cn.mee.liaison.bot.channel.wecom.robot;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.inbound.InboundMessage;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.message.ChatType;
import cn.mee.liaison.storage.message.ContentKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The intelligent robot's message shapes (document 100719) read into inbound messages. */
class RobotMessagesTest {

    private final ObjectMapper json = new ObjectMapper();

    private InboundMessage read(String body, boolean perFileKeys) throws Exception {
        JsonNode node = json.readTree(body);
        return RobotMessages.read(node, body, perFileKeys).orElseThrow();
    }

    @Test
    void aGroupTextMessage() throws Exception {
        InboundMessage m = read("""
                {"msgid":"CAIQ16HMjQYY","aibotid":"AIBOTID","chatid":"wrkSFfCgAAxx","chattype":"group",
                 "from":{"userid":"zhangsan"},"response_url":"https://x/cgi-bin/aibot/response?response_code=R",
                 "msgtype":"text","text":{"content":"@联络机器人 日报 检查企业3家"},
                 "quote":{"msgtype":"text","text":{"content":"请各组报送今日日报"}}}""", false);
        assertThat(m.channel()).isEqualTo(Channel.WECOM_ROBOT);
        assertThat(m.chatId()).isEqualTo("wrkSFfCgAAxx");
        assertThat(m.chatType()).isEqualTo(ChatType.GROUP);
        assertThat(m.externalId()).isEqualTo("CAIQ16HMjQYY");
        assertThat(m.senderId()).isEqualTo("zhangsan");
        assertThat(m.text()).isEqualTo("@联络机器人 日报 检查企业3家");
        assertThat(m.mentionsBot()).isTrue();
        assertThat(m.rawPayload()).contains("response_url").contains("quote");
    }

    @Test
    void aSingleChatIsKeyedByTheSender() throws Exception {
        InboundMessage m = read("""
                {"msgid":"m2","chattype":"single","from":{"userid":"lisi"},"msgtype":"voice",
                 "voice":{"content":"今天检查了五家企业"}}""", false);
        assertThat(m.chatType()).isEqualTo(ChatType.SINGLE);
        assertThat(m.chatId()).isEqualTo("lisi");
        assertThat(m.contentKind()).isEqualTo(ContentKind.VOICE);
        assertThat(m.text()).isEqualTo("今天检查了五家企业");
    }

    @Test
    void mixedMessagesGiveTextAndPictures() throws Exception {
        InboundMessage m = read("""
                {"msgid":"m3","chatid":"c","chattype":"group","from":{"userid":"u"},"msgtype":"mixed",
                 "mixed":{"msg_item":[{"msgtype":"text","text":{"content":"问题 某厂露天堆放"}},
                                      {"msgtype":"image","image":{"url":"https://x/pic1","aeskey":"k1"}}]}}""", true);
        assertThat(m.contentKind()).isEqualTo(ContentKind.MIXED);
        assertThat(m.text()).isEqualTo("问题 某厂露天堆放");
        assertThat(m.files()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("IMAGE");
            assertThat(f.source()).isEqualTo("https://x/pic1");
            assertThat(f.decryptKey()).isEqualTo("k1");
        });
    }

    @Test
    void webhookFilesAreEncryptedWithTheRobotsKey() throws Exception {
        InboundMessage m = read("""
                {"msgid":"m4","chattype":"single","from":{"userid":"u"},"msgtype":"file",
                 "file":{"url":"https://x/file"}}""", false);
        assertThat(m.files()).singleElement().satisfies(f -> assertThat(f.decryptKey()).isEqualTo("robot"));
    }

    @Test
    void eventsAreFiledAndStreamRefreshesAreNot() throws Exception {
        InboundMessage event = read("""
                {"msgid":"e1","create_time":1700000000,"chattype":"single","from":{"userid":"u"},
                 "msgtype":"event","event":{"eventtype":"enter_chat"}}""", false);
        assertThat(event.contentKind()).isEqualTo(ContentKind.EVENT);
        assertThat(event.text()).isEqualTo("enter_chat");
        JsonNode refresh = json.readTree("""
                {"msgid":"s1","chattype":"single","from":{"userid":"u"},"msgtype":"stream","stream":{"id":"x"}}""");
        assertThat(RobotMessages.read(refresh, "", false)).isEmpty();
    }
}
