package cn.mee.liaison.bot.pipeline;

import java.time.Instant;

/**
 * A door that gives a message's text replies in its own answer to the platform, rather than through the outbox
 * workers: the robot's passive reply (the HTTP answer to its callback) or the long connection's respond frame. The
 * pipeline asks it, in the transaction that answers the message, how it wants them.
 */
public interface ReplyDoor {

    /**
     * Asked just before the answer is committed: true when the door is still waiting and will give the replies in
     * its answer once the commit is done — they are then written already sent, and no worker ever sees them (one
     * write instead of a row, its claim and its outcome). Once true, true again if asked again (an answer tried a
     * second time); false when the door has stopped waiting: the replies go the usual way.
     */
    boolean takesAsGiven();

    /**
     * For replies not taken as given: until when they are kept from the workers, for the door to take them itself
     * (OutboxClaims.take with the same instant) and record how its own send went; null for not kept.
     */
    Instant holdUntil();

    /** A door that takes its replies from the outbox itself (it sees its send fail): kept for it until then. */
    static ReplyDoor holdingUntil(Instant until) {
        return new ReplyDoor() {
            @Override
            public boolean takesAsGiven() {
                return false;
            }

            @Override
            public Instant holdUntil() {
                return until;
            }
        };
    }
}
