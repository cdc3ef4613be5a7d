package cn.mee.liaison.bot.pipeline;

/**
 * A door's refusal of a message, thrown from its own step in the filing transaction (a callback's nonce found
 * recorded: a replay): the transaction rolls back, nothing is filed, and the pipeline does not try again.
 */
public class RefusedByDoor extends RuntimeException {

    public RefusedByDoor(String reason) {
        super(reason);
    }
}
