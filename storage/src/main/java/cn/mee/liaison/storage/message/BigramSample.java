package cn.mee.liaison.storage.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How common each Han bigram is, from a sample of the newest filed messages: the share of the sampled messages
 * containing it, the share of each record type, the number of messages filed in all and the span of time they were
 * received in (what share of them a window of time holds, at an even pace). The keyword search uses it to ask the
 * FULLTEXT index only for what narrows ({@link SearchText#query(MessageQuery, long)}): InnoDB reads every required
 * term's whole posting list, so a bigram in half the messages ({@code 有限_}, {@code 公司_} of an enterprise's name)
 * costs far more than it narrows, while the exact {@code text LIKE} decides anyway.
 *
 * <p>{@link #UNKNOWN} knows nothing: every bigram rare, every keyword common — all bigrams and all tags required.
 */
public final class BigramSample {

    /** No sample: the index is asked for everything (all bigrams, all tags). */
    public static final BigramSample UNKNOWN = new BigramSample(Map.of(), Map.of(), Map.of(), 0, Long.MAX_VALUE, null,
            null, false);

    private final Map<String, Integer> messagesWith;
    /** Per record type and bigram ({@code type + '/' + bigram}): the sampled messages of the type containing it. */
    private final Map<String, Integer> messagesOfTypeWith;
    private final Map<String, Integer> messagesOfType;
    private final int sampled;
    private final long filed;
    /** When the first and the last message filed were received, null when unknown. */
    private final Instant first;
    private final Instant last;
    /** Whether the database holds the messages' rows in memory (a row read is then cheap against a posting list). */
    private final boolean rowsInMemory;

    private BigramSample(Map<String, Integer> messagesWith, Map<String, Integer> messagesOfTypeWith,
                         Map<String, Integer> messagesOfType, int sampled, long filed, Instant first, Instant last,
                         boolean rowsInMemory) {
        this.messagesWith = messagesWith;
        this.messagesOfTypeWith = messagesOfTypeWith;
        this.messagesOfType = messagesOfType;
        this.sampled = sampled;
        this.filed = filed;
        this.first = first;
        this.last = last;
        this.rowsInMemory = rowsInMemory;
    }

    /**
     * The sample of these messages, out of {@code filed} messages in all, received from {@code first} to
     * {@code last} (null when unknown), their rows in the database's memory or not.
     */
    public static BigramSample of(Collection<SampledMessage> messages, long filed, Instant first, Instant last,
                                  boolean rowsInMemory) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> countsByType = new HashMap<>();
        Map<String, Integer> types = new HashMap<>();
        for (SampledMessage message : messages) {
            for (String bigram : SearchText.bigrams(message.text())) {
                counts.merge(bigram, 1, Integer::sum);
                if (message.recordType() != null) {
                    countsByType.merge(message.recordType() + '/' + bigram, 1, Integer::sum);
                }
            }
            if (message.recordType() != null) {
                types.merge(message.recordType(), 1, Integer::sum);
            }
        }
        return new BigramSample(Map.copyOf(counts), Map.copyOf(countsByType), Map.copyOf(types), messages.size(),
                filed, first, last, rowsInMemory);
    }

    /** The share of the sampled messages containing the (padded) bigram; 0 when unknown. */
    public double share(String bigram) {
        return sampled == 0 ? 0 : messagesWith.getOrDefault(bigram, 0) / (double) sampled;
    }

    /**
     * About how many messages of the type contain all these bigrams, at most: the type's messages times the share
     * of the rarest among them (a word of party activities is not in daily reports); every message without a sample.
     */
    public long messagesOfTypeWithAll(String recordType, Collection<String> bigrams) {
        if (sampled == 0) {
            return filed;
        }
        double ofType = Math.max(1, messagesOfType.getOrDefault(recordType, 0));
        double rarest = bigrams.stream()
                .mapToDouble(b -> messagesOfTypeWith.getOrDefault(recordType + '/' + b, 0) / ofType)
                .min().orElse(1);
        return Math.round(rarest * typeShare(recordType) * filed);
    }

    /** The share of the sampled messages of this record type; 1 when there is no sample (nothing known to narrow). */
    public double typeShare(String recordType) {
        return sampled == 0 ? 1 : messagesOfType.getOrDefault(recordType, 0) / (double) sampled;
    }

    /**
     * About what share of the filed messages a window of time holds: the part of the time they were received in that
     * it covers (an even pace); 1 when unknown (no sample, a window not bounded, messages all of one instant).
     */
    public double timeShare(Instant from, Instant to) {
        if (sampled == 0 || from == null || to == null || first == null || last == null || !last.isAfter(first)) {
            return 1;
        }
        Instant start = from.isAfter(first) ? from : first;
        Instant end = to.isBefore(last) ? to : last;
        return end.isAfter(start)
                ? Duration.between(start, end).toMillis() / (double) Duration.between(first, last).toMillis() : 0;
    }

    /**
     * About how many messages contain all these bigrams, at most: the filed messages times the share of the rarest;
     * every message when there is no sample.
     */
    public long messagesWithAll(Collection<String> bigrams) {
        if (sampled == 0) {
            return filed;
        }
        double rarest = bigrams.stream().mapToDouble(this::share).min().orElse(1);
        return Math.round(rarest * filed);
    }

    /** Whether the messages' rows are in the database's memory (its buffer pool holds their table). */
    public boolean rowsInMemory() {
        return rowsInMemory;
    }

    public int sampled() {
        return sampled;
    }

    public long filed() {
        return filed;
    }
}
