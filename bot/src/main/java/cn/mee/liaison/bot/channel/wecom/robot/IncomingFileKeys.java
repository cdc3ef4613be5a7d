package cn.mee.liaison.bot.channel.wecom.robot;

/** How an attachment's decryption key is named in the archive, without storing the key itself. */
public final class IncomingFileKeys {

    /** Encrypted with the robot's own EncodingAESKey (files of webhook callbacks). */
    public static final String ROBOT = "robot";

    private IncomingFileKeys() {
    }
}
