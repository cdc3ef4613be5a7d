package cn.mee.liaison.bot.channel.wecom.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** WxJava's WxCryptUtil (weixin-java-common) and our cipher understand each other in both directions. */
class WeComCipherWxJavaInteropTest {

    static final String TOKEN = "QDG6eK";
    static final String KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String CORP = "wx5823bf96d3bd56c7";

    final WeComCipher ours = new WeComCipher(TOKEN, KEY, CORP);
    final WxCryptUtil theirs = new WxCryptUtil(TOKEN, KEY, CORP);

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "<xml><Content><![CDATA[日报 检查企业数 3]]></Content></xml>", "收到 🙏 👍🏻"})
    void weVerifyAndDecryptWhatWxJavaSeals(String text) throws Exception {
        Element sealed = parse(theirs.encrypt(text));
        String encrypt = child(sealed, "Encrypt");

        assertThat(ours.verify(child(sealed, "MsgSignature"), child(sealed, "TimeStamp"), child(sealed, "Nonce"),
                encrypt)).isTrue();
        assertThat(ours.decrypt(encrypt)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "<xml><Content><![CDATA[问题 某企业 超标排放]]></Content></xml>", "收到 🙏 👍🏻"})
    void wxJavaVerifiesAndDecryptsWhatWeSeal(String text) {
        SealedReply reply = ours.seal(text, "1409659813", "1372623149");
        String xml = "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><Encrypt><![CDATA[" + reply.encrypt()
                + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";

        assertThat(theirs.decrypt(reply.msgSignature(), reply.timestamp(), reply.nonce(), xml)).isEqualTo(text);
        assertThat(theirs.decrypt(reply.encrypt())).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaabbbbccccdddd", "0123456789ABCDEF"})
    void withTheSameRandomPrefixBothProduceTheSameCiphertext(String random16) {
        String text = "联络群机器人 ✅";

        assertThat(ours.encrypt(text, random16.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(theirs.encrypt(random16, text));
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 100 * 1024})
    void largeMessagesCrossInBothDirections(int size) {
        String text = "报".repeat(size / 3);

        assertThat(ours.decrypt(theirs.encrypt("abcdefghijklmnop", text))).isEqualTo(text);
        assertThat(theirs.decrypt(ours.encrypt(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"msgtype\":\"text\",\"text\":{\"content\":\"@机器人 帮助\"}}"})
    void theRobotReceiveIdIsEmptyOnBothSides(String json) {
        WeComCipher robot = new WeComCipher(TOKEN, KEY, "");
        WxCryptUtil theirRobot = new WxCryptUtil(TOKEN, KEY, "");

        assertThat(robot.decrypt(theirRobot.encrypt("ponmlkjihgfedcba", json))).isEqualTo(json);
        assertThat(theirRobot.decrypt(robot.encrypt(json))).isEqualTo(json);
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }

    private static String child(Element root, String name) {
        return root.getElementsByTagName(name).item(0).getTextContent();
    }
}
