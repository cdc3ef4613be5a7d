package cn.mee.liaison.bot.channel.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeXmlTest {

    @Test
    void readsTheFieldsOfWeComsFlatXml() {
        String xml = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
                + "<FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1348831860</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[日报 检查企业3家]]></Content>"
                + "<MsgId>1234567890123456</MsgId><AgentID>1</AgentID></xml>";
        assertThat(SafeXml.fields(xml)).containsEntry("FromUserName", "zhangsan")
                .containsEntry("Content", "日报 检查企业3家").containsEntry("MsgId", "1234567890123456");
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Content>&x;</Content></xml>";
        assertThatThrownBy(() -> SafeXml.fields(xxe)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\">");
        char previous = 'a';
        for (char name = 'b'; name <= 'k'; name++) {
            bomb.append("<!ENTITY ").append(name).append(" \"");
            bomb.append(("&" + previous + ";").repeat(10)).append("\">");
            previous = name;
        }
        bomb.append("]><xml><Content>&k;</Content></xml>");
        assertThatThrownBy(() -> SafeXml.fields(bomb.toString())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> SafeXml.fields("<xml><Encrypt>abc</xml")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafeXml.fields("{\"encrypt\":1}")).isInstanceOf(IllegalArgumentException.class);
    }
}
