package cn.mee.liaison.bot.channel.sandbox;

/**
 * What a member says in a sandbox chat.
 *
 * @param externalId optional: the platform message id to simulate (a repeated id files nothing new); generated when
 *                   left out
 * @param quote      optional: the text of a message this one quotes (a reply to a notice, say)
 */
public record SandboxMessage(String chatId, String userId, String userName, String text, String externalId,
                             String quote) {
}
