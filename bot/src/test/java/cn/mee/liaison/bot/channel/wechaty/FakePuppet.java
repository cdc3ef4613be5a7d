package cn.mee.liaison.bot.channel.wechaty;

import cn.mee.liaison.bot.channel.wechaty.grpc.ContactPayloadRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.ContactPayloadResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.DingRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.DingResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.EventRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.EventResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.EventType;
import cn.mee.liaison.bot.channel.wechaty.grpc.MessagePayloadRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.MessagePayloadResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.MessageSendTextRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.MessageSendTextResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.MessageType;
import cn.mee.liaison.bot.channel.wechaty.grpc.PuppetGrpc;
import cn.mee.liaison.bot.channel.wechaty.grpc.RoomPayloadRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.RoomPayloadResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.StartRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.StartResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.StopRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.StopResponse;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Wechaty puppet service in the test's own process (grpc-java's in-process transport), speaking the bot's subset of
 * the protocol: it checks the token on every call, logs the account in when started, streams events, answers
 * payload queries from a scripted world of contacts and rooms, and records what the bot says — echoing each of the
 * bot's messages back as a message event, as a real puppet does, so that a bot answering itself would show.
 */
public class FakePuppet extends PuppetGrpc.PuppetImplBase implements AutoCloseable {

    public static final String SELF = "wxid_liaison_bot";

    /** What the bot said, where, mentioning whom. */
    public record Said(String conversationId, String text, List<String> mentions) {
    }

    private final String name = "fake-puppet-" + UUID.randomUUID();
    private final String token;
    private final Server server;
    private final Map<String, String> contacts = new ConcurrentHashMap<>();
    private final Map<String, MessagePayloadResponse> messages = new ConcurrentHashMap<>();
    private final List<StreamObserver<EventResponse>> streams = new CopyOnWriteArrayList<>();
    private final List<Said> said = new CopyOnWriteArrayList<>();
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger eventCalls = new AtomicInteger();
    private final AtomicInteger contactQueries = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> refusedTokens = new CopyOnWriteArrayList<>();
    private volatile Status sendFailure;
    private volatile Status startFailure;
    private volatile boolean answerDings = true;
    private volatile boolean loggedIn;

    public FakePuppet(String token) {
        this.token = token;
        contacts.put(SELF, "联络机器人");
        try {
            this.server = InProcessServerBuilder.forName(name).addService(service()).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A channel to this service, as the bot would open one. */
    public ManagedChannel channel() {
        return InProcessChannelBuilder.forName(name).build();
    }

    /** This service with its token check, to serve on another transport too (a TLS test's Netty server). */
    public ServerServiceDefinition service() {
        return ServerInterceptors.intercept(this, new TokenCheck());
    }

    public FakePuppet contact(String id, String contactName) {
        contacts.put(id, contactName);
        return this;
    }

    // --- what the scripted world does -------------------------------------------------------------------------

    /** A contact says something in a room (or, with a null room, to the bot); returns the message id. */
    public String say(String talker, String room, String text, String... mentions) {
        String id = "msg-" + ids.incrementAndGet() + "-" + name.substring(name.length() - 6);
        MessagePayloadResponse.Builder payload = MessagePayloadResponse.newBuilder().setId(id).setText(text)
                .setType(MessageType.MESSAGE_TYPE_TEXT).setTalkerId(talker)
                .addAllMentionIds(List.of(mentions))
                .setReceiveTime(Timestamp.newBuilder().setSeconds(System.currentTimeMillis() / 1000));
        if (room != null) {
            payload.setRoomId(room);
        } else {
            payload.setListenerId(SELF);
        }
        messages.put(id, payload.build());
        emit(EventType.EVENT_TYPE_MESSAGE, "{\"messageId\":\"" + id + "\"}");
        return id;
    }

    /** The same message event again (a replay after a reconnect). */
    public void replay(String messageId) {
        emit(EventType.EVENT_TYPE_MESSAGE, "{\"messageId\":\"" + messageId + "\"}");
    }

    public void login() {
        loggedIn = true;
        emit(EventType.EVENT_TYPE_LOGIN, "{\"contactId\":\"" + SELF + "\"}");
    }

    public void logout() {
        loggedIn = false;
        emit(EventType.EVENT_TYPE_LOGOUT, "{\"contactId\":\"" + SELF + "\",\"data\":\"test logout\"}");
    }

    public void heartbeat() {
        emit(EventType.EVENT_TYPE_HEARTBEAT, "{\"data\":\"heartbeat\"}");
    }

    /** People join a room (invited by someone), as the service tells it. */
    public void roomJoin(String room, String inviter, String... joined) {
        emit(EventType.EVENT_TYPE_ROOM_JOIN, "{\"roomId\":\"" + room + "\",\"inviterId\":\"" + inviter
                + "\",\"inviteeIdList\":" + idList(joined) + ",\"timestamp\":" + System.currentTimeMillis() + "}");
    }

    public void roomLeave(String room, String remover, String... left) {
        emit(EventType.EVENT_TYPE_ROOM_LEAVE, "{\"roomId\":\"" + room + "\",\"removerId\":\"" + remover
                + "\",\"removeeIdList\":" + idList(left) + ",\"timestamp\":" + System.currentTimeMillis() + "}");
    }

    public void roomTopic(String room, String changer, String oldTopic, String newTopic) {
        emit(EventType.EVENT_TYPE_ROOM_TOPIC, "{\"roomId\":\"" + room + "\",\"changerId\":\"" + changer
                + "\",\"oldTopic\":\"" + oldTopic + "\",\"newTopic\":\"" + newTopic + "\"}");
    }

    public void error(String data) {
        emit(EventType.EVENT_TYPE_ERROR, "{\"data\":\"" + data + "\"}");
    }

    private static String idList(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> "\"" + id + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /** Every open event stream breaks, as when the service restarts. */
    public void breakStreams() {
        synchronized (streams) {
            List<StreamObserver<EventResponse>> open = new ArrayList<>(streams);
            streams.clear();
            open.forEach(s -> s.onError(Status.UNAVAILABLE.withDescription("puppet service restarted").asException()));
        }
    }

    /** Start is refused (the stream is still accepted and greeted), until given null. */
    public void failStartsWith(Status status) {
        this.startFailure = status;
    }

    public void failSendsWith(Status status) {
        this.sendFailure = status;
    }

    public void answerDings(boolean answer) {
        this.answerDings = answer;
    }

    // --- what the test reads ----------------------------------------------------------------------------------

    public List<Said> said() {
        return List.copyOf(said);
    }

    public List<Said> saidIn(String conversationId) {
        return said.stream().filter(s -> s.conversationId().equals(conversationId)).toList();
    }

    public int starts() {
        return starts.get();
    }

    public int eventCalls() {
        return eventCalls.get();
    }

    public int openStreams() {
        return streams.size();
    }

    public int contactQueries() {
        return contactQueries.get();
    }

    public List<String> refusedTokens() {
        return List.copyOf(refusedTokens);
    }

    private void emit(EventType type, String payload) {
        EventResponse event = EventResponse.newBuilder().setType(type).setPayload(payload).build();
        synchronized (streams) { // one writer at a time: a stream observer is not thread-safe
            for (StreamObserver<EventResponse> stream : streams) {
                try {
                    stream.onNext(event);
                } catch (RuntimeException cancelled) {
                    streams.remove(stream);
                }
            }
        }
    }

    // --- the service --------------------------------------------------------------------------------------------

    @Override
    public void start(StartRequest request, StreamObserver<StartResponse> answer) {
        starts.incrementAndGet();
        Status failure = startFailure;
        if (failure != null) {
            answer.onError(failure.asException());
            return;
        }
        answer.onNext(StartResponse.getDefaultInstance());
        answer.onCompleted();
        if (!loggedIn) {
            login();
        }
    }

    @Override
    public void stop(StopRequest request, StreamObserver<StopResponse> answer) {
        answer.onNext(StopResponse.getDefaultInstance());
        answer.onCompleted();
    }

    @Override
    public void ding(DingRequest request, StreamObserver<DingResponse> answer) {
        answer.onNext(DingResponse.getDefaultInstance());
        answer.onCompleted();
        if (answerDings) {
            emit(EventType.EVENT_TYPE_DONG, "{\"data\":\"" + request.getData() + "\"}");
        }
    }

    @Override
    public void event(EventRequest request, StreamObserver<EventResponse> events) {
        eventCalls.incrementAndGet();
        ((ServerCallStreamObserver<EventResponse>) events).setOnCancelHandler(() -> streams.remove(events));
        synchronized (streams) {
            // as the real service does: a heartbeat at once, and the login if the account is logged in already
            events.onNext(EventResponse.newBuilder().setType(EventType.EVENT_TYPE_HEARTBEAT)
                    .setPayload("{\"data\":\"stream connected\"}").build());
            if (loggedIn) {
                events.onNext(EventResponse.newBuilder().setType(EventType.EVENT_TYPE_LOGIN)
                        .setPayload("{\"contactId\":\"" + SELF + "\"}").build());
            }
            streams.add(events);
        }
    }

    @Override
    public void messagePayload(MessagePayloadRequest request, StreamObserver<MessagePayloadResponse> answer) {
        MessagePayloadResponse payload = messages.get(request.getId());
        if (payload == null) {
            answer.onError(Status.NOT_FOUND.withDescription("no message " + request.getId()).asException());
            return;
        }
        answer.onNext(payload);
        answer.onCompleted();
    }

    @Override
    public void contactPayload(ContactPayloadRequest request, StreamObserver<ContactPayloadResponse> answer) {
        contactQueries.incrementAndGet();
        String contactName = contacts.get(request.getId());
        if (contactName == null) {
            answer.onError(Status.NOT_FOUND.withDescription("no contact " + request.getId()).asException());
            return;
        }
        answer.onNext(ContactPayloadResponse.newBuilder().setId(request.getId()).setName(contactName).build());
        answer.onCompleted();
    }

    @Override
    public void roomPayload(RoomPayloadRequest request, StreamObserver<RoomPayloadResponse> answer) {
        answer.onNext(RoomPayloadResponse.newBuilder().setId(request.getId()).setTopic("测试群").build());
        answer.onCompleted();
    }

    @Override
    public void messageSendText(MessageSendTextRequest request, StreamObserver<MessageSendTextResponse> answer) {
        Status failure = sendFailure;
        if (failure != null) {
            answer.onError(failure.asException());
            return;
        }
        if (!loggedIn) {
            answer.onError(Status.FAILED_PRECONDITION.withDescription("not logged in").asException());
            return;
        }
        said.add(new Said(request.getConversationId(), request.getText(), List.copyOf(request.getMentionalIdsList())));
        answer.onNext(MessageSendTextResponse.newBuilder().setId("sent-" + ids.incrementAndGet()).build());
        answer.onCompleted();
        // WeChat tells the account about its own message too
        boolean room = request.getConversationId().endsWith("@chatroom");
        say(SELF, room ? request.getConversationId() : null, request.getText());
    }

    @Override
    public void close() {
        breakStreams();
        server.shutdownNow();
    }

    /** Refuses a call without {@code authorization: Wechaty <token>}. */
    private final class TokenCheck implements ServerInterceptor {

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                           ServerCallHandler<Q, R> next) {
            String given = headers.get(PuppetClient.AUTHORIZATION);
            if (!("Wechaty " + token).equals(given)) {
                refusedTokens.add(String.valueOf(given));
                call.close(Status.UNAUTHENTICATED.withDescription("wrong token"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            return next.startCall(call, headers);
        }
    }
}
