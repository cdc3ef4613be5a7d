package cn.mee.liaison.bot.channel.wechaty;

import cn.mee.liaison.bot.channel.wechaty.grpc.ContactPayloadRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.ContactPayloadResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.DingRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.EventRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.EventResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.MessagePayloadRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.MessagePayloadResponse;
import cn.mee.liaison.bot.channel.wechaty.grpc.MessageSendTextRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.PuppetGrpc;
import cn.mee.liaison.bot.channel.wechaty.grpc.StartRequest;
import cn.mee.liaison.bot.channel.wechaty.grpc.StopRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The calls the bot makes to a Wechaty puppet service, over one gRPC channel: each carries the token
 * ({@code authorization: Wechaty <token>}) and a deadline. Contact names are cached (they are asked for every
 * message).
 */
public class PuppetClient implements AutoCloseable {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final int MAX_CACHED_NAMES = 10_000;

    private final ManagedChannel channel;
    private final PuppetGrpc.PuppetBlockingStub blocking;
    private final PuppetGrpc.PuppetStub async;
    private final Duration callTimeout;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    PuppetClient(ManagedChannel channel, String token, Duration callTimeout) {
        this.channel = channel;
        ClientInterceptor auth = new TokenInterceptor(token);
        this.blocking = PuppetGrpc.newBlockingStub(channel).withInterceptors(auth);
        this.async = PuppetGrpc.newStub(channel).withInterceptors(auth);
        this.callTimeout = callTimeout;
    }

    private PuppetGrpc.PuppetBlockingStub call() {
        return blocking.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void start() {
        call().start(StartRequest.getDefaultInstance());
    }

    void stop() {
        call().stop(StopRequest.getDefaultInstance());
    }

    void ding(String data) {
        call().ding(DingRequest.newBuilder().setData(data).build());
    }

    MessagePayloadResponse message(String id) {
        return call().messagePayload(MessagePayloadRequest.newBuilder().setId(id).build());
    }

    /** The contact's name (its alias if it has one), asked once. */
    String nameOf(String contactId) {
        String known = names.get(contactId);
        if (known != null) {
            return known;
        }
        ContactPayloadResponse contact = call().contactPayload(ContactPayloadRequest.newBuilder().setId(contactId)
                .build());
        String name = !contact.getAlias().isBlank() ? contact.getAlias() : contact.getName();
        if (names.size() > MAX_CACHED_NAMES) {
            names.clear();
        }
        names.put(contactId, name);
        return name;
    }

    /** @return the id of the message sent */
    String sendText(String conversationId, String text, List<String> mentions) {
        return call().messageSendText(MessageSendTextRequest.newBuilder().setConversationId(conversationId)
                .setText(text).addAllMentionalIds(mentions).build()).getId();
    }

    /**
     * Follows the event stream; the returned handle cancels it. {@code events} hears every event, then one of
     * completion or error.
     */
    Runnable events(StreamObserver<EventResponse> events) {
        EventFollower follower = new EventFollower(events);
        async.event(EventRequest.getDefaultInstance(), follower);
        return follower::cancel;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes the events on and keeps the call, so that it can be cancelled. */
    private static final class EventFollower implements ClientResponseObserver<EventRequest, EventResponse> {

        private final StreamObserver<EventResponse> events;
        private volatile ClientCallStreamObserver<EventRequest> call;

        EventFollower(StreamObserver<EventResponse> events) {
            this.events = events;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<EventRequest> requestStream) {
            this.call = requestStream;
        }

        @Override
        public void onNext(EventResponse value) {
            events.onNext(value);
        }

        @Override
        public void onError(Throwable t) {
            events.onError(t);
        }

        @Override
        public void onCompleted() {
            events.onCompleted();
        }

        void cancel() {
            ClientCallStreamObserver<EventRequest> c = call;
            if (c != null) {
                c.cancel("the bot closes the event stream", null);
            }
        }
    }

    /** {@code authorization: Wechaty <token>} on every call. */
    private record TokenInterceptor(String token) implements ClientInterceptor {

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    if (token != null && !token.isBlank()) {
                        headers.put(AUTHORIZATION, "Wechaty " + token);
                    }
                    super.start(listener, headers);
                }
            };
        }
    }
}
