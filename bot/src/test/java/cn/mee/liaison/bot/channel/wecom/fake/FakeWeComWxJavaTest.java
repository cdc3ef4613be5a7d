package cn.mee.liaison.bot.channel.wecom.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mee.liaison.testsupport.MutableClock;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import me.chanjar.weixin.common.bean.result.WxMediaUploadResult;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.message.WxCpAppChatMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessageSendResult;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WxJava's own client (weixin-java-cp), pointed at the fake, speaks with it without a single violation. */
class FakeWeComWxJavaTest {

    final MutableClock clock = MutableClock.at(LocalDateTime.of(2025, 6, 2, 9, 0));
    FakeWeCom wecom;
    WxCpService service;

    @BeforeEach
    void start() {
        wecom = FakeWeCom.start(clock).corp("ww-corp", "app-secret").member("zhangsan").member("lisi")
                .webhookKey("hook-1");
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setCorpId("ww-corp");
        config.setCorpSecret("app-secret");
        config.setAgentId(FakeWeCom.DEFAULT_AGENT_ID);
        config.setBaseApiUrl(wecom.apiBaseUrl());
        service = new WxCpServiceImpl();
        service.setWxCpConfigStorage(config);
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    @Test
    void sendsAnAppMessageWithATokenItFetched() throws Exception {
        WxCpMessageSendResult result = service.getMessageService()
                .send(WxCpMessage.TEXT().toUser("zhangsan|lisi").content("日报已收到").build());

        assertThat(result.getErrCode()).isZero();
        assertThat(result.getMsgId()).isNotEmpty();
        assertThat(wecom.gettokenCalls()).isEqualTo(1);
        Recorded sent = wecom.received("/cgi-bin/message/send").get(0);
        assertThat(sent.json().path("agentid").asInt()).isEqualTo(FakeWeCom.DEFAULT_AGENT_ID);
        assertThat(sent.json().path("text").path("content").asText()).isEqualTo("日报已收到");
        assertThat(sent.json().path("safe").asText()).isEqualTo("0");
        assertThat(wecom.violations()).isEmpty();
    }

    @Test
    void refreshesTheTokenAfterTheFakeInvalidatesIt() throws Exception {
        service.getMessageService().send(WxCpMessage.TEXT().toUser("zhangsan").content("one").build());

        wecom.expireAllTokens();
        WxCpMessageSendResult result = service.getMessageService()
                .send(WxCpMessage.TEXT().toUser("zhangsan").content("two").build());

        assertThat(result.getErrCode()).isZero();
        assertThat(wecom.gettokenCalls()).isEqualTo(2);
        assertThat(wecom.received("/cgi-bin/message/send")).hasSize(3);
        assertThat(wecom.violations()).isEmpty();
    }

    @Test
    void createsAnAppChatAndSendsToIt() throws Exception {
        String chatId = service.getChatService().create("联络群", "zhangsan", List.of("zhangsan", "lisi"), "group1");
        service.getChatService().sendMsg(WxCpAppChatMessage.buildTextMsg(chatId, "开会", false));

        assertThat(chatId).isEqualTo("group1");
        assertThat(wecom.appChatMembers("group1")).containsExactly("zhangsan", "lisi");
        assertThat(wecom.received("/cgi-bin/appchat/send")).hasSize(1);
        assertThat(wecom.violations()).isEmpty();
    }

    @Test
    void aWeComErrorBecomesAWxErrorExceptionWithItsCode() {
        assertThatThrownBy(() -> service.getChatService()
                .sendMsg(WxCpAppChatMessage.buildTextMsg("nowhere", "x", false)))
                .isInstanceOfSatisfying(WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(86003));
    }

    @Test
    void uploadsAndDownloadsMedia(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary.txt");
        Files.writeString(file, "季度汇总 quarterly summary", StandardCharsets.UTF_8);

        WxMediaUploadResult uploaded = service.getMediaService().upload("file", file.toFile());
        File downloaded = service.getMediaService().download(uploaded.getMediaId());

        assertThat(uploaded.getType()).isEqualTo("file");
        assertThat(Files.readString(downloaded.toPath(), StandardCharsets.UTF_8)).isEqualTo("季度汇总 quarterly summary");
        assertThat(wecom.violations()).isEmpty();
    }

    @Test
    void sendsThroughTheGroupRobotWebhook() throws Exception {
        service.getGroupRobotService().sendText(wecom.apiBaseUrl() + "/cgi-bin/webhook/send?key=hook-1",
                "请及时报送", List.of("zhangsan"), List.of());
        service.getGroupRobotService().sendMarkdown(wecom.apiBaseUrl() + "/cgi-bin/webhook/send?key=hook-1",
                "**急报**");

        assertThat(wecom.received("/cgi-bin/webhook/send")).extracting(r -> r.json().path("msgtype").asText())
                .containsExactly("text", "markdown");
        assertThat(wecom.violations()).isEmpty();
    }
}
