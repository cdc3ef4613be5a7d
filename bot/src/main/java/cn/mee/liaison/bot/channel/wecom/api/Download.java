package cn.mee.liaison.bot.channel.wecom.api;

/** Bytes fetched from WeCom, with the file name and type the platform gave (either may be null). */
public record Download(byte[] bytes, String fileName, String contentType) {
}
