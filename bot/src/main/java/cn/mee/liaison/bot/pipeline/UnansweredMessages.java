package cn.mee.liaison.bot.pipeline;

import cn.mee.liaison.storage.message.FiledMessage;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Answers messages that were filed but not answered: the bot stopped between the two steps, or the database failed
 * in the second. Any instance may do it; the claim on each message keeps it to one.
 */
@Component
class UnansweredMessages {

    private static final Logger log = LoggerFactory.getLogger(UnansweredMessages.class);
    /** Younger messages are most likely being answered right now. */
    static final Duration GRACE = Duration.ofSeconds(60);

    private final FiledMessageMapper messages;
    private final InboundPipeline pipeline;
    private final Clock clock;

    UnansweredMessages(FiledMessageMapper messages, InboundPipeline pipeline, Clock clock) {
        this.messages = messages;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT20S")
    void answerLeftovers() {
        try {
            List<FiledMessage> left = messages.findUnanswered(clock.instant().minus(GRACE), 100);
            for (FiledMessage filed : left) {
                pipeline.answer(pipeline.refile(filed));
            }
            if (!left.isEmpty()) {
                log.info("answered {} messages that had been filed but not answered", left.size());
            }
        } catch (RuntimeException e) {
            log.warn("answering unanswered messages failed, will try again: {}", e.toString());
        }
    }
}
