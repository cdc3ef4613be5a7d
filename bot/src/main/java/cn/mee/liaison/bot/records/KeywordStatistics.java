package cn.mee.liaison.bot.records;

import cn.mee.liaison.storage.message.BigramSample;
import cn.mee.liaison.storage.message.FiledMessageMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How common the words of the filed messages are, for the keyword search to ask its index only for what narrows
 * ({@link BigramSample}): the bigrams of the newest {@value #SAMPLED} messages, taken at start and every hour. Until
 * the first sample is taken the search asks for everything, as before; the results are the same either way.
 */
@Component
public class KeywordStatistics {

    private static final Logger log = LoggerFactory.getLogger(KeywordStatistics.class);
    static final int SAMPLED = 20_000;

    private final FiledMessageMapper messages;
    private volatile BigramSample sample = BigramSample.UNKNOWN;

    KeywordStatistics(FiledMessageMapper messages) {
        this.messages = messages;
    }

    public BigramSample sample() {
        return sample;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT0S")
    void refresh() {
        try {
            long started = System.nanoTime();
            sample = BigramSample.of(messages.newestMessages(SAMPLED), messages.countAll(), messages.firstReceived(),
                    messages.lastReceived(), messages.poolHoldsMessages());
            log.info("Keyword statistics: {} of {} messages sampled in {} ms (their rows in the database's memory: {})",
                    sample.sampled(), sample.filed(), (System.nanoTime() - started) / 1_000_000,
                    sample.rowsInMemory());
        } catch (RuntimeException e) {
            log.warn("Keyword statistics not refreshed, the search keeps the last: {}", e.toString());
        }
    }
}
