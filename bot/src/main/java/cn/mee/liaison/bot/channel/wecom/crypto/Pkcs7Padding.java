package cn.mee.liaison.bot.channel.wecom.crypto;

import java.util.Arrays;

/** PKCS#7 padding to a multiple of 32 bytes, as WeCom uses it (not the 16-byte AES block the JCE would apply). */
final class Pkcs7Padding {

    static final int BLOCK = 32;

    private Pkcs7Padding() {
    }

    static byte[] pad(byte[] data) {
        int amount = BLOCK - data.length % BLOCK;
        byte[] padded = Arrays.copyOf(data, data.length + amount);
        Arrays.fill(padded, data.length, padded.length, (byte) amount);
        return padded;
    }

    /** Removes the padding after checking its value is 1..32 and every padding byte carries it. */
    static byte[] strip(byte[] data) {
        if (data.length == 0) {
            throw new WeComCryptoException("bad padding: no data");
        }
        int amount = data[data.length - 1] & 0xff;
        if (amount < 1 || amount > BLOCK || amount > data.length) {
            throw new WeComCryptoException("bad padding: pad value out of range");
        }
        int mismatch = 0;
        for (int i = data.length - amount; i < data.length; i++) {
            mismatch |= (data[i] & 0xff) ^ amount;
        }
        if (mismatch != 0) {
            throw new WeComCryptoException("bad padding: inconsistent pad bytes");
        }
        return Arrays.copyOf(data, data.length - amount);
    }
}
