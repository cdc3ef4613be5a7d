package cn.mee.liaison.bot.channel.wecom.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.channel.wecom.api.WeComFailure.Kind;
import org.junit.jupiter.api.Test;

/** A permanent failure says in Chinese what went wrong, then WeCom's code and its own message. */
class WeComFailureTest {

    private static String described(int errcode, String said) {
        return new WeComFailure(ErrorCodes.classify(errcode), errcode, said).describe();
    }

    @Test
    void commonCodesAreExplainedAndKeepTheCodeAndWhatWeComSaid() {
        assertThat(described(86003, "/cgi-bin/appchat/send：chatid not exist"))
                .isEqualTo("群聊不存在：群已解散，或群聊 ID 有误（企业微信错误 86003：/cgi-bin/appchat/send：chatid not exist）");
        assertThat(described(86001, "/cgi-bin/appchat/send：invalid chatid")).startsWith("群聊 ID 不合法（")
                .contains("86001").endsWith("invalid chatid）");
        assertThat(described(93000, "/cgi-bin/webhook/send：invalid webhook url")).startsWith("群机器人 webhook 地址无效")
                .contains("移出群聊").contains("93000").contains("invalid webhook url");
        assertThat(described(81013, "/cgi-bin/message/send：user & party & tag all invalid"))
                .startsWith("收信人全部无效").contains("81013");
        assertThat(described(60111, "x")).startsWith("成员 UserID 不存在（企业微信错误 60111：x）");
        assertThat(described(86008, "x")).startsWith("该群不是本应用创建的");
    }

    @Test
    void otherCodesKeepTheirCodeAndMessageAndOtherFailuresTheirOwnWords() {
        assertThat(described(12345, "something new")).isEqualTo("企业微信错误 12345：something new");
        assertThat(new WeComFailure(Kind.TRANSIENT, 0, "/cgi-bin/appchat/send 返回 HTTP 502").describe())
                .isEqualTo("/cgi-bin/appchat/send 返回 HTTP 502");
    }
}
