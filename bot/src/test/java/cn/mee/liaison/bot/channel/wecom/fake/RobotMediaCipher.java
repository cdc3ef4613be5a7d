package cn.mee.liaison.bot.channel.wecom.fake;

import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the intelligent robot encrypts downloadable media: AES-256-CBC, key = Base64(EncodingAESKey + "="),
 * IV = key[0..16], PKCS#7 padding to 32 bytes, no random prefix or length. Written independently of the bot's cipher
 * so the fake checks it rather than mirrors it.
 */
final class RobotMediaCipher {

    private RobotMediaCipher() {
    }

    static byte[] encrypt(byte[] plain, String encodingAesKey) {
        try {
            byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
            if (key.length != 32) {
                throw new IllegalArgumentException("EncodingAESKey must decode to 32 bytes");
            }
            int pad = 32 - plain.length % 32;
            byte[] padded = Arrays.copyOf(plain, plain.length + pad);
            Arrays.fill(padded, plain.length, padded.length, (byte) pad);
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOf(key, 16)));
            return cipher.doFinal(padded);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC unavailable", e);
        }
    }
}
