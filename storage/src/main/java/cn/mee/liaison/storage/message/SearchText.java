package cn.mee.liaison.storage.message;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The keyword search's index text for MySQL/MariaDB FULLTEXT (the {@code search_text} column).
 *
 * <p>MariaDB has no ngram parser, and its default parser takes a run of Chinese characters for one word and drops
 * words shorter than {@code innodb_ft_min_token_size} (3). So the text is indexed as its Han bigrams — every two
 * adjacent Han characters — each padded to three characters with {@code _} (a word character to the parser), once
 * each, separated by spaces: {@code 扬尘治理} → {@code 扬尘_ 尘治_ 治理_}. A keyword with at least one bigram is
 * looked up with all of its bigrams required ({@code +扬尘_ +尘治_} in BOOLEAN MODE), which finds every message
 * whose text contains the keyword (and a few more, whose bigrams are there but apart); the search then keeps
 * exactly those the LIKE keeps. A keyword without two adjacent Han characters (a single character, Latin letters,
 * digits) has no bigram: LIKE alone, as before. The same works on MySQL 8; H2 uses LIKE alone.
 *
 * <p>The filters of a search are in the index text too, as tags the bigrams cannot be confused with — the unit
 * {@code zu7}, city {@code zc5}, work group {@code zg3}, month received (UTC) {@code zm202611} and, last, the record
 * type {@code ztdaily_report} — so that a keyword with filters is answered inside the index (the posting lists
 * intersected) and only the messages matching all of it are read: a common word in one unit's month is a few dozen
 * rows, not the tens of thousands of messages that contain the word. Since InnoDB reads each required term's whole
 * posting list, the pairs a search narrows by are tags too — the type in its month ({@code ztdaily_report202611}),
 * the unit and the city in their month ({@code zu7m202611}) and with the type ({@code zu7ztdaily_report}) — so that
 * the daily reports of a quarter cost the posting lists of three months of daily reports, not those of all daily
 * reports and of three months of everything. The exact filters (the time, the unit scope) still apply as before; the
 * tags only narrow. A message filed again under another type has its type in every tag replaced
 * ({@code FiledMessageMapper.reclassify}).
 *
 * <p>For the same reason, with a {@link BigramSample} of how common the bigrams and types are, a query requires only
 * the bigrams and tags that narrow ({@link #query(MessageQuery, long)}): a rare name by its rare bigrams, a common
 * word with the tags of its filters where they spare reading rows.
 */
public final class SearchText {

    private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    /** The month of an instant, in UTC as the tags. */
    private static final DateTimeFormatter MONTH = YEAR_MONTH.withZone(ZoneOffset.UTC);
    /** A search over more months than this is not narrowed by month (the tag group would be long). */
    private static final int MAX_MONTHS = 36;
    /** A bigram in this share of the messages or more is common: not worth requiring when rarer ones are there. */
    static final double COMMON_SHARE = 0.01;
    /** How many of a keyword's bigrams are required when all are common. */
    static final int COMMON_BIGRAMS = 2;
    /** From this many possible messages, the unit's, city's and group's tags are required. */
    static final long SELECTIVE_TAGS_FROM = 1_000;
    /**
     * Rows read from disk: from this many possible messages, the type's and the months' tags are required (when no
     * unit, city or group tag is): their posting lists cost less than the rows they spare.
     */
    static final long BROAD_TAGS_FROM = 5_000;
    /**
     * Rows in memory: about how many posting-list entries InnoDB reads in the time it reads one row to test
     * ({@code text LIKE}, the exact filters), measured with the table in the buffer pool (docs/performance.md).
     */
    static final double POSTINGS_PER_ROW = 20;

    private SearchText() {
    }

    /**
     * The index text of a message: its bigrams, then the tags of its unit, city, group, month and type, then the tags
     * of the pairs a search narrows by: its type in its month, its unit and city in its month, and its unit and city
     * with its type ({@code ztdaily_report202611 zu7m202611 zc5m202611 zu7ztdaily_report zc5ztdaily_report}). Every
     * tag that names the type holds {@link #typeTag}, so that {@code reclassify} replaces them all at once.
     */
    public static String of(String text, Long unitId, Long cityId, Long workGroupId, String recordType,
                            Instant receivedAt) {
        StringBuilder s = new StringBuilder(of(text));
        String month = receivedAt == null ? null : MONTH.format(receivedAt);
        String type = recordType == null ? null : typeTag(recordType);
        tag(s, unitId == null ? null : "zu" + unitId);
        tag(s, cityId == null ? null : "zc" + cityId);
        tag(s, workGroupId == null ? null : "zg" + workGroupId);
        tag(s, month == null ? null : "zm" + month);
        tag(s, type);
        if (month != null) {
            tag(s, type == null ? null : type + month);
            tag(s, unitId == null ? null : "zu" + unitId + "m" + month);
            tag(s, cityId == null ? null : "zc" + cityId + "m" + month);
        }
        if (type != null) {
            tag(s, unitId == null ? null : "zu" + unitId + type);
            tag(s, cityId == null ? null : "zc" + cityId + type);
        }
        return s.toString();
    }

    /** The tag of a record type, as {@code reclassify} replaces it. */
    public static String typeTag(String recordType) {
        return "zt" + recordType.toLowerCase(Locale.ROOT);
    }

    private static void tag(StringBuilder s, String tag) {
        if (tag != null) {
            s.append(s.isEmpty() ? "" : " ").append(tag);
        }
    }

    /** The BOOLEAN MODE query of a search that reads all its matches: {@link #query(MessageQuery, long)}. */
    public static String query(MessageQuery q) {
        return query(q, Long.MAX_VALUE);
    }

    /**
     * The BOOLEAN MODE query of a search, null when the keyword has no bigram (then the index is not used at all), for
     * a statement that stops after {@code upTo} matches ({@code Long.MAX_VALUE}: one that reads them all, to sort or
     * to count them). What it requires depends on how common the keyword's bigrams are in the query's
     * {@link BigramSample} ({@link BigramSample#UNKNOWN}: all of it):
     * <ul>
     * <li>its bigrams in under 1 % of the messages — or, when all are more common, its two rarest: a rare name is
     *     found by its rare bigrams alone, without reading the posting lists of {@code 有限_} and {@code 公司_};</li>
     * <li>when the keyword may be in 1,000 messages or more, the group's tag, and the unit's and city's each paired
     *     with what narrows it more — the window's months ({@code +(zu7m202610 zu7m202611)}) or the type
     *     ({@code +zu7ztproblem}) — and the unit scope's tags;</li>
     * <li>when none of those is there, the type's and the window's tags, paired where both are there
     *     ({@code +(ztdaily_report202609 ztdaily_report202610)}): where the rows are read from disk, from 5,000
     *     possible messages; where the database holds them in memory, when they spare more rows than their posting
     *     lists cost, {@link #POSTINGS_PER_ROW} entries to a row: a rare type in a short window, yes; a common keyword
     *     among the daily reports of a quarter, whose count stops at 1,000 matches after a few thousand rows,
     *     no.</li>
     * </ul>
     * The exact filters and {@code text LIKE} decide in every case; this only chooses how the candidates are found.
     */
    public static String query(MessageQuery q, long upTo) {
        String keyword = q.text() == null ? null : q.text().strip();
        Set<String> bigrams = bigrams(keyword);
        if (bigrams.isEmpty()) {
            return null;
        }
        BigramSample sample = q.sample() == null ? BigramSample.UNKNOWN : q.sample();
        StringBuilder s = new StringBuilder();
        for (String bigram : narrowing(bigrams, sample)) {
            s.append(s.isEmpty() ? "+" : " +").append(bigram);
        }
        long candidates = sample.messagesWithAll(bigrams);
        List<String> months = months(q);
        String type = q.type() == null ? null : typeTag(q.type().name());
        int selective = s.length();
        if (candidates >= SELECTIVE_TAGS_FROM) {
            // a unit's or city's messages paired with the months of the window or with the type, whichever is fewer
            boolean byMonths = !months.isEmpty() && (type == null || monthsShare(q, sample) <= sample.typeShare(
                    q.type().name()));
            paired(s, q.unitId() == null ? null : "zu" + q.unitId(), byMonths, months, type);
            paired(s, q.cityId() == null ? null : "zc" + q.cityId(), byMonths, months, type);
            if (q.workGroupId() != null) {
                s.append(" +zg").append(q.workGroupId());
            }
            if (q.unitScope() != null && !q.unitScope().isEmpty() && q.unitScope().size() <= 50) {
                anyOf(s, q.unitScope().stream().map(u -> "zu" + u));
            }
        }
        // after a unit's, city's or group's tag a few thousand candidates are left at most: cheaper read than the
        // posting lists of the type and the months
        boolean narrowed = s.length() > selective && q.sample() != null;
        if (!narrowed && (type != null || !months.isEmpty()) && (q.sample() == null || (sample.rowsInMemory()
                ? broadTagsPay(q, sample, bigrams, candidates, months, upTo) : candidates >= BROAD_TAGS_FROM))) {
            if (months.isEmpty()) {
                s.append(" +").append(type);
            } else {
                anyOf(s, months.stream().map(m -> type == null ? "zm" + m : type + m));
            }
        }
        return s.toString();
    }

    /** One of these tags required: {@code +(a b c)}. */
    private static void anyOf(StringBuilder s, Stream<String> tags) {
        s.append(" +(").append(tags.collect(Collectors.joining(" "))).append(')');
    }

    /** A unit's or city's tag, required with the months of the window or with the type when there are. */
    private static void paired(StringBuilder s, String tag, boolean byMonths, List<String> months, String type) {
        if (tag == null) {
            return;
        }
        if (byMonths) {
            anyOf(s, months.stream().map(m -> tag + "m" + m));
        } else {
            s.append(" +").append(tag).append(type == null ? "" : type);
        }
    }

    /**
     * Whether the type's and the window's tags spare more than they cost: the rows read without them (all candidates,
     * or as many as it takes to find {@code upTo} matches) less those read with them, against their posting list (the
     * messages of the type in the window's months).
     */
    private static boolean broadTagsPay(MessageQuery q, BigramSample sample, Set<String> bigrams, long candidates,
                                        List<String> months, long upTo) {
        if (candidates <= 0) {
            return false;
        }
        // the keyword's messages of the type, as sampled (not the type's share of them: words belong to types)
        double ofType = q.type() == null ? candidates : sample.messagesOfTypeWithAll(q.type().name(), bigrams);
        double matches = ofType * sample.timeShare(q.from(), q.to());
        double rowsWithout = matches >= upTo ? upTo * candidates / matches : candidates;
        double rowsWith = Math.min(matches, upTo);
        double postings = sample.filed() * (q.type() == null ? 1 : sample.typeShare(q.type().name()))
                * (months.isEmpty() ? 1 : monthsShare(q, sample));
        return (rowsWithout - rowsWith) * POSTINGS_PER_ROW > postings;
    }

    /** The share of the messages in the months of the query's window (whole months, as the tags), 1 without one. */
    private static double monthsShare(MessageQuery q, BigramSample sample) {
        return q.from() == null || q.to() == null ? 1
                : sample.timeShare(monthStart(q.from(), 0), monthStart(q.to().minusMillis(1), 1));
    }

    /** The start of the month (UTC, as the tags) of the instant, or of a later one. */
    private static Instant monthStart(Instant at, int monthsLater) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).plusMonths(monthsLater).atDay(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The bigrams worth requiring: the rare ones, else the few rarest. */
    private static List<String> narrowing(Set<String> bigrams, BigramSample sample) {
        List<String> byShare = new ArrayList<>(bigrams);
        byShare.sort(Comparator.comparingDouble(sample::share)); // stable: the keyword's order among equals
        List<String> rare = byShare.stream().filter(b -> sample.share(b) < COMMON_SHARE).toList();
        return rare.isEmpty() ? byShare.subList(0, Math.min(COMMON_BIGRAMS, byShare.size())) : rare;
    }

    /** The months ({@code 202611}) of the query's time window, none without one or past {@value #MAX_MONTHS}. */
    private static List<String> months(MessageQuery q) {
        List<String> months = new ArrayList<>();
        if (q.from() != null && q.to() != null && q.to().isAfter(q.from())) {
            YearMonth month = YearMonth.from(q.from().atZone(ZoneOffset.UTC));
            YearMonth last = YearMonth.from(q.to().minusMillis(1).atZone(ZoneOffset.UTC));
            while (!month.isAfter(last) && months.size() <= MAX_MONTHS) {
                months.add(month.format(YEAR_MONTH));
                month = month.plusMonths(1);
            }
        }
        return months.size() <= MAX_MONTHS ? months : List.of();
    }

    /** The index text of a message's text: its distinct Han bigrams, padded; empty for none. */
    public static String of(String text) {
        return String.join(" ", bigrams(text));
    }

    /** The BOOLEAN MODE query requiring every bigram of the keyword, or null when the keyword has none. */
    public static String query(String keyword) {
        Set<String> bigrams = bigrams(keyword);
        if (bigrams.isEmpty()) {
            return null;
        }
        StringBuilder query = new StringBuilder();
        for (String bigram : bigrams) {
            query.append(query.isEmpty() ? "" : " ").append('+').append(bigram);
        }
        return query.toString();
    }

    static Set<String> bigrams(String text) {
        Set<String> bigrams = new LinkedHashSet<>();
        if (text == null) {
            return bigrams;
        }
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (han && previous != -1) {
                bigrams.add(new StringBuilder().appendCodePoint(previous).appendCodePoint(c).append('_').toString());
            }
            previous = han ? c : -1;
            i += Character.charCount(c);
        }
        return bigrams;
    }
}
