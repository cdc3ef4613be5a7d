package cn.mee.liaison.bot.channel.wecom.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption of files the intelligent robot hands out (pictures, files): AES-256-CBC with IV = the first 16 key
 * bytes and PKCS#7 padding to 32 bytes, under the robot's EncodingAESKey (webhook mode) or the file's own aeskey
 * (long connection).
 */
public final class FileCipher {

    private FileCipher() {
    }

    /** @param base64Key the EncodingAESKey (43 characters) or the file's aeskey (Base64 of 32 bytes) */
    public static byte[] decrypt(byte[] encrypted, String base64Key) {
        byte[] key = key(base64Key);
        if (encrypted.length == 0 || encrypted.length % 16 != 0) {
            throw new WeComCryptoException("encrypted file has an invalid length");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            return Pkcs7Padding.strip(cipher.doFinal(encrypted));
        } catch (GeneralSecurityException e) {
            throw new WeComCryptoException("file cannot be decrypted");
        }
    }

    /** For tests and fakes: the inverse of {@link #decrypt}. */
    public static byte[] encrypt(byte[] plain, String base64Key) {
        byte[] key = key(base64Key);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            return cipher.doFinal(Pkcs7Padding.pad(plain));
        } catch (GeneralSecurityException e) {
            throw new WeComCryptoException("file cannot be encrypted");
        }
    }

    private static byte[] key(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new WeComCryptoException("no key for the file");
        }
        String padded = base64Key.length() % 4 == 3 ? base64Key + "=" : base64Key;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(padded);
        } catch (IllegalArgumentException e) {
            throw new WeComCryptoException("file key is not Base64");
        }
        if (key.length != 32) {
            throw new WeComCryptoException("file key is not 32 bytes");
        }
        return key;
    }
}
