package cn.mee.liaison.bot.channel.wecom.fake;

import java.util.HashSet;
import java.util.Set;
import org.java_websocket.WebSocket;

/** One long connection from the bot: its subscription, the callbacks pushed to it and the replies awaiting acks. */
final class BotSession {

    private final WebSocket socket;
    private String botId;
    private final Set<String> callbackReqIds = new HashSet<>();
    private final Set<String> awaitingAck = new HashSet<>();
    private final Set<String> finishedStreams = new HashSet<>();

    BotSession(WebSocket socket) {
        this.socket = socket;
    }

    WebSocket socket() {
        return socket;
    }

    synchronized String botId() {
        return botId;
    }

    synchronized void subscribed(String botId) {
        this.botId = botId;
    }

    synchronized void pushed(String reqId) {
        callbackReqIds.add(reqId);
    }

    synchronized boolean knows(String reqId) {
        return callbackReqIds.contains(reqId);
    }

    /** Marks a reply in flight; false if another reply with this req_id still waits for its ack. */
    synchronized boolean startReply(String reqId) {
        return awaitingAck.add(reqId);
    }

    synchronized void acked(String reqId) {
        awaitingAck.remove(reqId);
    }

    synchronized boolean isFinished(String streamId) {
        return finishedStreams.contains(streamId);
    }

    synchronized void finish(String streamId) {
        finishedStreams.add(streamId);
    }
}
