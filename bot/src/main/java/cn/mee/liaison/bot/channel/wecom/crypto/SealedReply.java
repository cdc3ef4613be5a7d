package cn.mee.liaison.bot.channel.wecom.crypto;

/**
 * An encrypted passive reply: the fields WeCom expects back ({@code encrypt}, {@code msgsignature},
 * {@code timestamp}, {@code nonce}); the caller renders them as XML (app) or JSON (intelligent robot).
 */
public record SealedReply(String encrypt, String msgSignature, String timestamp, String nonce) {
}
