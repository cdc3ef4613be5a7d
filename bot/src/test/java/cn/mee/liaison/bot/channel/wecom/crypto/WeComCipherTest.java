package cn.mee.liaison.bot.channel.wecom.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeComCipherTest {

    /** WeCom's published sample (Sample.java / Sample.cpp of WXBizMsgCrypt, workweixin/weworkapi_cplusplus). */
    static final String WECOM_TOKEN = "QDG6eK";
    static final String WECOM_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String WECOM_CORP = "wx5823bf96d3bd56c7";
    static final String WECOM_ECHOSTR =
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    static final String WECOM_MESSAGE_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/"
            + "0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48"
            + "kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r"
            + "+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH"
            + "27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E"
            + "7Q==";

    /**
     * WeChat's published deterministic vector (cryptoDemo WXBizMsgCryptTest.java; the same numbers are in WxJava's
     * WxCryptUtilTest): random prefix "aaaabbbbccccdddd" gives a known ciphertext.
     */
    static final String WECHAT_TOKEN = "pamtest";
    static final String WECHAT_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String WECHAT_APP_ID = "wxb11529c136998cb6";
    static final byte[] WECHAT_RANDOM = "aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII);
    static final String WECHAT_REPLY = "我是中文abcd123";
    static final String WECHAT_REPLY_ENCRYPTED =
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
    static final String WECHAT_REPLY_2 = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName>"
            + "<FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime>"
            + "<MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdU"
            + "kjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description>"
            + "<![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
    static final String WECHAT_REPLY_2_ENCRYPTED = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qj"
            + "PQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fT"
            + "IILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJuc"
            + "QHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWV"
            + "INGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8"
            + "igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k"
            + "+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";

    final WeComCipher app = new WeComCipher(WECOM_TOKEN, WECOM_KEY, WECOM_CORP);
    final WeComCipher robot = new WeComCipher(WECOM_TOKEN, WECOM_KEY, "");

    @Nested
    class PublishedVectors {

        @Test
        void weComUrlVerificationVectorSignsAndDecryptsToTheEcho() {
            assertThat(app.signature("1409659589", "263014780", WECOM_ECHOSTR))
                    .isEqualTo("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3");
            assertThat(app.verifyUrl("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780",
                    WECOM_ECHOSTR)).isEqualTo("1616140317555161061");
        }

        @Test
        void weComMessageVectorSignsAndDecryptsToTheSampleXml() {
            assertThat(app.signature("1409659813", "1372623149", WECOM_MESSAGE_ENCRYPT))
                    .isEqualTo("477715d11cdb4164915debcba66cb864d751f3e6");

            String xml = app.open("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149",
                    WECOM_MESSAGE_ENCRYPT);

            assertThat(xml).isEqualTo("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
                    + "<FromUserName><![CDATA[mycreate]]></FromUserName>\n"
                    + "<CreateTime>1409659813</CreateTime>\n"
                    + "<MsgType><![CDATA[text]]></MsgType>\n"
                    + "<Content><![CDATA[hello]]></Content>\n"
                    + "<MsgId>4561255354251345929</MsgId>\n"
                    + "<AgentID>218</AgentID>\n"
                    + "</xml>");
        }

        /**
         * The other direction on WeCom's own vectors: the sample's 16 random bytes, read back from its ciphertext,
         * make the cipher produce that very ciphertext (and so its signature) from the plaintext.
         */
        @Test
        void weComVectorsAreReproducedByEncryptingWithTheSamplesRandomBytes() {
            String echo = app.encrypt("1616140317555161061", randomOf(WECOM_ECHOSTR));
            assertThat(echo).isEqualTo(WECOM_ECHOSTR);
            assertThat(app.signature("1409659589", "263014780", echo))
                    .isEqualTo("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3");

            String xml = app.decrypt(WECOM_MESSAGE_ENCRYPT);
            String message = app.encrypt(xml, randomOf(WECOM_MESSAGE_ENCRYPT));
            assertThat(message).isEqualTo(WECOM_MESSAGE_ENCRYPT);
            assertThat(app.signature("1409659813", "1372623149", message))
                    .isEqualTo("477715d11cdb4164915debcba66cb864d751f3e6");
        }

        @Test
        void weChatVectorEncryptsWithAFixedRandomToTheKnownCiphertextBothWays() {
            WeComCipher cipher = new WeComCipher(WECHAT_TOKEN, WECHAT_KEY, WECHAT_APP_ID);

            assertThat(cipher.encrypt(WECHAT_REPLY, WECHAT_RANDOM)).isEqualTo(WECHAT_REPLY_ENCRYPTED);
            assertThat(cipher.decrypt(WECHAT_REPLY_ENCRYPTED)).isEqualTo(WECHAT_REPLY);
            assertThat(cipher.encrypt(WECHAT_REPLY_2, WECHAT_RANDOM)).isEqualTo(WECHAT_REPLY_2_ENCRYPTED);
            assertThat(cipher.decrypt(WECHAT_REPLY_2_ENCRYPTED)).isEqualTo(WECHAT_REPLY_2);
        }

        @Test
        void theRobotCipherRejectsTheAppVectorBecauseItsReceiveIdIsEmpty() {
            assertThatThrownBy(() -> robot.decrypt(WECOM_ECHOSTR))
                    .isInstanceOf(WeComCryptoException.class)
                    .hasMessageContaining("ReceiveId");
        }
    }

    @Nested
    class RoundTrips {

        @ParameterizedTest
        @ValueSource(strings = {"", "a", "日报 检查企业数：三家", "收到 👍🏻 ✅ 𠀀",
                "{\"msgtype\":\"text\",\"text\":{\"content\":\"@机器人 帮助\"}}"})
        void appAndRobotCiphersDecryptWhatTheyEncrypt(String text) {
            assertThat(app.decrypt(app.encrypt(text))).isEqualTo(text);
            assertThat(robot.decrypt(robot.encrypt(text))).isEqualTo(text);
        }

        @Test
        void everyPaddingLengthFrom1To32RoundTrips() {
            for (int n = 0; n < 70; n++) {
                String text = "中".repeat(n % 5) + "x".repeat(n);
                String encrypted = app.encrypt(text);
                assertThat(Base64.getDecoder().decode(encrypted).length % 32).isZero();
                assertThat(app.decrypt(encrypted)).isEqualTo(text);
            }
        }

        @Test
        void a100KilobyteMessageRoundTrips() {
            String text = "联络群日报📋".repeat(100 * 1024 / 19 + 1);
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(100 * 1024);

            assertThat(app.decrypt(app.encrypt(text))).isEqualTo(text);
        }

        @Test
        void freshRandomMakesEveryCiphertextDifferent() {
            assertThat(app.encrypt("same")).isNotEqualTo(app.encrypt("same"));
        }

        @Test
        void aFixedRandomMakesEncryptionDeterministic() {
            byte[] random = new byte[16];
            Arrays.fill(random, (byte) 7);
            assertThat(app.encrypt("same", random)).isEqualTo(app.encrypt("same", random));
        }

        @Test
        void sealedReplyCarriesASignatureOverItsOwnTimestampAndNonce() {
            SealedReply reply = robot.seal("{\"msgtype\":\"stream\"}", "1700000000", "nonce42");

            assertThat(reply.timestamp()).isEqualTo("1700000000");
            assertThat(reply.nonce()).isEqualTo("nonce42");
            assertThat(reply.msgSignature()).isEqualTo(robot.signature("1700000000", "nonce42", reply.encrypt()));
            assertThat(robot.open(reply.msgSignature(), "1700000000", "nonce42", reply.encrypt()))
                    .isEqualTo("{\"msgtype\":\"stream\"}");
        }

        @Test
        void theCipherIsSafeToShareBetweenThreads() {
            List<String> texts = IntStream.range(0, 400).mapToObj(i -> "消息 " + i).toList();

            List<String> decrypted = texts.parallelStream().map(t -> app.decrypt(app.encrypt(t))).toList();

            assertThat(decrypted).isEqualTo(texts);
        }
    }

    @Nested
    class Signatures {

        @Test
        void signatureSortsTheFourStringsBeforeHashing() {
            // sorted: "1", "QDG6eK", "b", "z"; SHA-1 of "1QDG6eKbz"
            assertThat(app.signature("1", "z", "b")).isEqualTo(sha1Hex("1QDG6eKbz"));
        }

        @Test
        void verifyAcceptsTheRightSignatureInEitherHexCase() {
            String signature = app.signature("1409659589", "263014780", WECOM_ECHOSTR);

            assertThat(app.verify(signature, "1409659589", "263014780", WECOM_ECHOSTR)).isTrue();
            assertThat(app.verify(signature.toUpperCase(), "1409659589", "263014780", WECOM_ECHOSTR)).isTrue();
        }

        @Test
        void verifyRejectsWrongSignatureTimestampNonceOrCiphertext() {
            String signature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";

            assertThat(app.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4", "1409659589", "263014780",
                    WECOM_ECHOSTR)).isFalse();
            assertThat(app.verify(signature, "1409659590", "263014780", WECOM_ECHOSTR)).isFalse();
            assertThat(app.verify(signature, "1409659589", "263014781", WECOM_ECHOSTR)).isFalse();
            assertThat(app.verify(signature, "1409659589", "263014780", WECOM_ECHOSTR.replace('P', 'Q'))).isFalse();
            assertThat(app.verify("", "1409659589", "263014780", WECOM_ECHOSTR)).isFalse();
            assertThat(app.verify(null, "1409659589", "263014780", WECOM_ECHOSTR)).isFalse();
        }

        @Test
        void anotherTokenMakesAnotherSignature() {
            WeComCipher other = new WeComCipher("QDG6eL", WECOM_KEY, WECOM_CORP);

            assertThat(other.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780",
                    WECOM_ECHOSTR)).isFalse();
        }

        @Test
        void urlVerificationWithAWrongSignatureThrowsWithoutDecrypting() {
            assertThatThrownBy(() -> app.verifyUrl("0000000000000000000000000000000000000000", "1409659589",
                    "263014780", WECOM_ECHOSTR))
                    .isInstanceOf(WeComCryptoException.class)
                    .hasMessage("msg_signature does not match");
        }
    }

    @Nested
    class Failures {

        final byte[] fixedRandom = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        final String secret = "保密内容 secret-plaintext";
        final String encrypted = app.encrypt(secret, fixedRandom);

        @Test
        void tamperedCiphertextFailsTheSignatureCheck() {
            String signature = app.signature("1", "2", encrypted);
            String tampered = flipBit(encrypted, 40);

            assertThatThrownBy(() -> app.open(signature, "1", "2", tampered))
                    .isInstanceOf(WeComCryptoException.class)
                    .hasMessage("msg_signature does not match");
        }

        @Test
        void tamperingTheFirstBlockBreaksTheLengthField() {
            assertFailsSafely(flipBit(encrypted, 0), "message length is out of bounds");
        }

        @Test
        void tamperingTheLastBlockBreaksPaddingOrReceiveId() {
            byte[] bytes = Base64.getDecoder().decode(encrypted);
            for (int i = bytes.length - 32; i < bytes.length; i++) {
                String tampered = flipBit(encrypted, i);
                assertThatThrownBy(() -> app.decrypt(tampered)).isInstanceOf(WeComCryptoException.class);
            }
        }

        @Test
        void aForeignReceiveIdIsRejected() {
            WeComCipher otherCorp = new WeComCipher(WECOM_TOKEN, WECOM_KEY, "wwOtherCorp");

            assertFailsSafely(otherCorp.encrypt(secret), "ReceiveId does not match the configured one");
            assertThatThrownBy(() -> otherCorp.decrypt(encrypted))
                    .isInstanceOf(WeComCryptoException.class)
                    .hasMessageContaining("ReceiveId");
        }

        @Test
        void aDifferentKeyCannotDecrypt() {
            WeComCipher otherKey = new WeComCipher(WECOM_TOKEN, WECHAT_KEY, WECOM_CORP);

            assertThatThrownBy(() -> otherKey.decrypt(encrypted)).isInstanceOf(WeComCryptoException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "@@@@", "abc", "not base64!", "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1D=="})
        void garbageOrTruncatedBase64IsRejected(String garbage) {
            assertThatThrownBy(() -> app.decrypt(garbage)).isInstanceOf(WeComCryptoException.class);
        }

        @Test
        void truncatedCiphertextIsRejected() {
            assertFailsSafely(encrypted.substring(0, encrypted.length() - 4), null);
            assertFailsSafely(encrypted.substring(0, encrypted.length() - 1), null);
            byte[] bytes = Base64.getDecoder().decode(encrypted);
            String lastBlockMissing = Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, bytes.length - 16));
            assertFailsSafely(lastBlockMissing, null);
        }

        @Test
        void charactersOutsideBase64AreNamedAsSuch() {
            assertFailsSafely("not base64!", "ciphertext is not valid Base64");
        }

        @Test
        void nullCiphertextIsRejected() {
            assertFailsSafely(null, "ciphertext is empty");
        }

        @Test
        void padValueZeroIsRejected() {
            byte[] plain = layout(secret, WECOM_CORP);
            byte[] padded = Arrays.copyOf(plain, roundUp(plain.length + 1));
            assertFailsSafely(rawEncrypt(padded), "bad padding: pad value out of range");
        }

        @Test
        void padValueAbove32IsRejected() {
            byte[] plain = layout(secret, WECOM_CORP);
            byte[] padded = Arrays.copyOf(plain, roundUp(plain.length + 1));
            padded[padded.length - 1] = 33;
            assertFailsSafely(rawEncrypt(padded), "bad padding: pad value out of range");
        }

        @Test
        void inconsistentPadBytesAreRejected() {
            byte[] plain = layout(secret, WECOM_CORP);
            int amount = roundUp(plain.length + 2) - plain.length;
            byte[] padded = Arrays.copyOf(plain, plain.length + amount);
            Arrays.fill(padded, plain.length, padded.length, (byte) amount);
            padded[padded.length - 2] = (byte) (amount - 1);
            assertFailsSafely(rawEncrypt(padded), "bad padding: inconsistent pad bytes");
        }

        @Test
        void aLengthFieldBeyondTheDataIsRejected() {
            byte[] plain = layout(secret, WECOM_CORP);
            ByteBuffer.wrap(plain).putInt(16, plain.length);
            assertFailsSafely(rawEncrypt(pkcs7(plain)), "message length is out of bounds");
            ByteBuffer.wrap(plain).putInt(16, -1);
            assertFailsSafely(rawEncrypt(pkcs7(plain)), "message length is out of bounds");
        }

        @Test
        void aPlaintextShorterThanItsHeaderIsRejected() {
            assertFailsSafely(rawEncrypt(pkcs7(new byte[10])), "plaintext is shorter than its header");
        }

        @Test
        void invalidUtf8IsRejected() {
            byte[] message = {(byte) 0xe4, (byte) 0xb8};
            byte[] corp = WECOM_CORP.getBytes(StandardCharsets.US_ASCII);
            ByteBuffer plain = ByteBuffer.allocate(20 + message.length + corp.length);
            plain.put(fixedRandom).putInt(message.length).put(message).put(corp);
            assertFailsSafely(rawEncrypt(pkcs7(plain.array())), "message is not valid UTF-8");
        }

        private void assertFailsSafely(String ciphertext, String expectedMessage) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> app.decrypt(ciphertext));
            assertThat(thrown).isInstanceOf(WeComCryptoException.class);
            if (expectedMessage != null) {
                assertThat(thrown).hasMessage(expectedMessage);
            }
            assertThat(thrown.getMessage()).doesNotContain(WECOM_KEY).doesNotContain(secret)
                    .doesNotContain("secret-plaintext").doesNotContain(WECOM_TOKEN);
            assertThat(thrown.getCause()).isNull();
        }

        private byte[] layout(String message, String receiveId) {
            byte[] text = message.getBytes(StandardCharsets.UTF_8);
            byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
            ByteBuffer plain = ByteBuffer.allocate(20 + text.length + id.length);
            plain.put(fixedRandom).putInt(text.length).put(text).put(id);
            return plain.array();
        }
    }

    @Nested
    class Construction {

        @ParameterizedTest
        @ValueSource(strings = {"", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2",
                "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2CC"})
        void aKeyOfTheWrongLengthIsRejectedWithoutEchoingIt(String key) {
            assertThatThrownBy(() -> new WeComCipher(WECOM_TOKEN, key, WECOM_CORP))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("43 characters")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("jWmYm7qr5nMoAUwZ"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B+C",
                "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2=",
                "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B-C", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B中C"})
        void aKeyOutsideTheAlphabetIsRejectedWithoutEchoingIt(String key) {
            assertThatThrownBy(() -> new WeComCipher(WECOM_TOKEN, key, WECOM_CORP))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("WeCom EncodingAESKey must consist of letters and digits only");
        }

        @Test
        void anEmptyTokenIsRejected() {
            assertThatThrownBy(() -> new WeComCipher("", WECOM_KEY, WECOM_CORP))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("WeCom token must not be empty");
        }

        @Test
        void aRandomPrefixOfTheWrongLengthIsRejected() {
            assertThatThrownBy(() -> app.encrypt("x", new byte[15]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("random prefix must be 16 bytes");
        }

        @Test
        void toStringRevealsNoKeyMaterial() {
            assertThat(app.toString()).doesNotContain(WECOM_KEY).doesNotContain(WECOM_TOKEN);
        }
    }

    static String flipBit(String base64, int byteIndex) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[byteIndex] ^= 0x01;
        return Base64.getEncoder().encodeToString(bytes);
    }

    static int roundUp(int length) {
        return (length + 31) / 32 * 32;
    }

    static byte[] pkcs7(byte[] data) {
        int amount = 32 - data.length % 32;
        byte[] padded = Arrays.copyOf(data, data.length + amount);
        Arrays.fill(padded, data.length, padded.length, (byte) amount);
        return padded;
    }

    /** Encrypts raw bytes with the sample key, so tests can craft plaintexts the cipher itself would never make. */
    static String rawEncrypt(byte[] plain) {
        try {
            byte[] key = Base64.getDecoder().decode(WECOM_KEY + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOf(key, 16)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 16 random bytes a ciphertext made with the sample key begins with, read with plain AES. */
    static byte[] randomOf(String encrypted) {
        try {
            byte[] key = Base64.getDecoder().decode(WECOM_KEY + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOf(key, 16)));
            return Arrays.copyOf(cipher.doFinal(Base64.getDecoder().decode(encrypted)), 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha1Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
