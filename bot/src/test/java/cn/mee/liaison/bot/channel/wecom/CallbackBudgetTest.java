package cn.mee.liaison.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.wecom.CallbackNonceMapper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A callback's nonce is recorded within its budget like the rest of its work, never on the request thread after it:
 * on the app door in the transaction that files the message, and for a robot callback that files nothing (a stream
 * refresh) on the pipeline's threads. Here the database holds the nonce's row locked (another transaction inserted
 * the same nonce and has not committed) until the callback has been answered.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallbackBudgetTest extends WeComTestBase {

    @Autowired
    CallbackNonceMapper nonces;
    @Autowired
    TransactionTemplate transactions;

    /** Another transaction records the nonce and holds it, uncommitted, until released. */
    private final class NonceHeld implements AutoCloseable {
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean held = new AtomicBoolean(true);
        private final Thread locker;

        NonceHeld(String door, SignedCallbacks.Signed signed) throws InterruptedException {
            locker = new Thread(() -> transactions.executeWithoutResult(status -> {
                nonces.record(door, signed.nonce(), Long.parseLong(signed.timestamp()), CLOCK.instant());
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                held.set(false);
                status.setRollbackOnly();
            }));
            locker.start();
            holding.await();
        }

        boolean stillHeld() {
            return held.get();
        }

        @Override
        public void close() throws InterruptedException {
            release.countDown();
            locker.join();
        }
    }

    @Test
    void anAppMessageWhoseNonceStallsIsNotFiledApartFromItsNonce() throws Exception {
        String xml = "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><FromUserName><![CDATA[" + member()
                + "]]></FromUserName><CreateTime>" + CLOCK.instant().getEpochSecond() + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[收到]]></Content><MsgId>nonce-" + tag
                + "</MsgId><AgentID>" + FakeWeCom.DEFAULT_AGENT_ID + "</AgentID></xml>";
        SignedCallbacks.Signed signed = app.app(xml, CORP, FakeWeCom.DEFAULT_AGENT_ID);
        SignedCallbacks.Answer answer;
        try (NonceHeld held = new NonceHeld("APP", signed)) {
            answer = app.post("/wecom/app/callback", signed);
            assertThat(held.stillHeld()).as("answered while the nonce was still held").isTrue();
            // the nonce belongs to the filing: while it waits, so does the message (nothing filed apart from it)
            assertThat(messages.findByExternalId(Channel.WECOM_APP, "nonce-" + tag)).isEmpty();
        }
        assertThat(answer.status()).isEqualTo(503);
        // the stalled filing goes on once the lock is gone; WeCom's next delivery finds the message filed
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(app.post("/wecom/app/callback",
                app.app(xml, CORP, FakeWeCom.DEFAULT_AGENT_ID)).status()).isEqualTo(200));
        assertThat(filed(member())).isEqualTo(1);
    }

    @Test
    void aRobotCallbackThatFilesNothingIsAnsweredWithinItsBudget(CapturedOutput output) throws Exception {
        CLOCK.advance(Duration.ofMinutes(1)); // refusals of a kind are logged once a minute, and others came before
        String refresh = "{\"msgid\":\"refresh-" + tag + "\",\"aibotid\":\"bot-1\",\"chattype\":\"group\",\"chatid\":\""
                + robotChat() + "\",\"from\":{\"userid\":\"" + member() + "\"},\"msgtype\":\"stream\","
                + "\"stream\":{\"id\":\"s-" + tag + "\"}}";
        SignedCallbacks.Signed signed = robot.robot(refresh);
        SignedCallbacks.Answer answer;
        try (NonceHeld held = new NonceHeld("ROBOT", signed)) {
            answer = robot.post("/wecom/robot/callback", signed);
            assertThat(held.stillHeld()).as("answered while the nonce was still held").isTrue();
        }
        assertThat(answer.status()).isEqualTo(503);
        // refused because its budget ran out, not because the database gave up waiting for the lock first
        assertThat(output.getAll()).contains("was not recorded in time");
        assertThat(robot.post("/wecom/robot/callback", robot.robot(refresh)).status()).isEqualTo(200);
    }
}
