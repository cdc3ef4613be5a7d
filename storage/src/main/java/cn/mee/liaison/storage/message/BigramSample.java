package cn.mee.liaison.storage.message;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How common each Han bigram is, from a sample of the filed messages' texts: the share of the sampled messages
 * containing it, and the number of messages filed in all. The keyword search uses it to ask the FULLTEXT index only
 * for what narrows ({@link SearchText#query(MessageQuery)}): InnoDB reads every required term's whole posting list,
 * so a bigram in half the messages ({@code 有限_}, {@code 公司_} of an enterprise's name) costs far more than it
 * narrows, while the exact {@code text LIKE} decides anyway.
 *
 * <p>{@link #UNKNOWN} knows nothing: every bigram rare, every keyword common — all bigrams and all tags required.
 */
public final class BigramSample {

    /** No sample: the index is asked for everything (all bigrams, all tags). */
    public static final BigramSample UNKNOWN = new BigramSample(Map.of(), 0, Long.MAX_VALUE);

    private final Map<String, Integer> messagesWith;
    private final int sampled;
    private final long filed;

    private BigramSample(Map<String, Integer> messagesWith, int sampled, long filed) {
        this.messagesWith = messagesWith;
        this.sampled = sampled;
        this.filed = filed;
    }

    /** The sample of these texts, out of {@code filed} messages in all. */
    public static BigramSample of(Collection<String> texts, long filed) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            for (String bigram : SearchText.bigrams(text)) {
                counts.merge(bigram, 1, Integer::sum);
            }
        }
        return new BigramSample(Map.copyOf(counts), texts.size(), filed);
    }

    /** The share of the sampled messages containing the (padded) bigram; 0 when unknown. */
    public double share(String bigram) {
        return sampled == 0 ? 0 : messagesWith.getOrDefault(bigram, 0) / (double) sampled;
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

    public int sampled() {
        return sampled;
    }

    public long filed() {
        return filed;
    }
}
