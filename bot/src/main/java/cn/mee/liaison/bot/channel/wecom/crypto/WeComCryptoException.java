package cn.mee.liaison.bot.channel.wecom.crypto;

/**
 * A WeCom callback could not be verified or decrypted: bad signature, bad Base64, wrong length, bad padding or a
 * foreign ReceiveId. The message says which check failed and never carries key material or plaintext, so it is safe
 * to log.
 */
public final class WeComCryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WeComCryptoException(String message) {
        super(message);
    }
}
