package cn.mee.liaison.bot.classify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads fields that are named in the text, in any order and in any of the shapes people use: {@code 检查企业数：12},
 * {@code 检查企业12家}, {@code 检查了十二家企业}, {@code 今天查了3家企业发现2个问题}, {@code 明日计划：…},
 * numbered lists, one item a line or all on one line.
 *
 * <p>Every alias of every field is looked for (an <em>anchor</em>); where anchors overlap the one that starts first
 * wins, then the longer one ({@code 核查交办问题} beats {@code 交办}). A NUMBER anchor takes the count inside its
 * own gap or right after it, within its clause; a word of negation right before it ({@code 未发现问题}) gives 0.
 * Each field is read once: when its name comes again ({@code 检查企业数:12 … 检查企业数:15}), the first value stands.
 * A TEXT anchor takes the rest of its line, or the following lines when its own line is empty, and stops at the
 * next anchor written as {@code 名称:}, at a count or (daily replies) another text field opening a clause, and
 * (daily replies) at a sign-off such as {@code 联系电话:}. A parenthesis right after a name qualifies it
 * ({@code 检查企业数(家)}, {@code 督办问题核查数(含交办件)}): no name inside it counts.
 */
final class LabeledFieldReader {

    /** Whether a TEXT field must be written as {@code 名称:值}, or may also just start a clause ({@code 明天继续…}). */
    enum TextLabels { KEYED_ONLY, KEYED_OR_CLAUSE_START }

    /** A short gap inside an alias: within one clause, and never into a parenthesis ({@code 检查企业数(家)}). */
    private static final String GAP = "[^,;。!?:、()\\n\\uFFFC]{0,6}?";
    private static final String PARENTHESIS = "(?:\\([^)\\n]{0,8}\\))";
    private static final Pattern KEYED = Pattern.compile("^\\s*[】\\]]?\\s*" + PARENTHESIS + "?\\s*(?:为|是)?\\s*[:=]");
    private static final Pattern TEXT_LEAD = Pattern.compile(
            "^\\s*[】\\]]?\\s*" + PARENTHESIS + "?\\s*(?:为|是)?\\s*[:=]?[\\s,]*");
    private static final Pattern NUMBER_LEAD = Pattern.compile(
            "^(?:\\s|" + PARENTHESIS + ")*(?:问题|企业|任务|点位)?(?:数量|个数|次数|件数|家数|总数|数)?\\s*"
                    + PARENTHESIS + "?\\s*(?:为|是|有)?\\s*[:=]?\\s*(?:为|是|有)?\\s*(?:共计|合计|累计|总计|共|计|约|达)?\\s*");
    /** A parenthesis right after a field's name qualifies the name: {@code 督办问题核查数(含交办件):2}. */
    private static final Pattern QUALIFIER = Pattern.compile("^\\s*" + PARENTHESIS);
    /** Words of time or sum that may open a count clause: {@code 明天继续排查,今天检查企业5家}. */
    private static final Pattern COUNT_CLAUSE_LEAD = Pattern.compile(
            "^\\s*(?:今天|今日|当天|当日|本日)?\\s*(?:共计|合计|累计|共|已)?\\s*$");
    /** A sign-off item that ends a text value of a daily reply: {@code 明日继续。联系人:李伟 139…}. */
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?<=[,;。!?、\\s])(?:填报人|填表人|报送人|审核人|签发人|联系人|联系电话|联系方式)\\s*[:=]");
    /** A noun after an unkeyed name that makes the name a determiner: 其他企业未发现问题 is no remark (其他). */
    private static final Pattern DETERMINED_NOUN = Pattern.compile(
            "^(?:企业|单位|公司|问题|点位|人员|部门|地区|县区|区县|乡镇|街道|工地|组)");
    private static final Pattern NEGATION_BEFORE = Pattern.compile("(?:未|没有|没|无|暂无|暂未|均未|尚未)\\s*$");
    private static final Pattern SEPARATORS_AT_START = Pattern.compile("^[\\s,;:=、。]+");
    private static final Pattern SEPARATORS_AT_END = Pattern.compile("[\\s,;、。\\p{So}\\x{FE0F}\\x{200D}]+$");
    private static final Pattern LEFTOVER_SEPARATORS = Pattern.compile("([,;、。])(?:\\s*[,;、。])+");
    /** Sign-offs that end a message but belong to no field: 谢谢!, 请领导审阅, 汇报完毕. */
    private static final Pattern COURTESY_AT_END = Pattern.compile(
            "[。.!,\\s]*(?:谢谢|感谢|辛苦了|请审阅|请领导审阅|请指示|请领导指示|汇报完毕|以上)[!。.~\\s]*$");
    private static final String CLAUSE_SEPARATORS = ",;。!?、\n|";
    private static final int NUMBER_SEARCH_REACH = 8;
    /** How much may stand before {@code 名称:} in its clause: {@code 发现问题:} yes, {@code 复查某某砖厂督办问题:} no. */
    private static final int SHORT_LEAD_IN = 4;
    /** A text label this long ({@code 明日计划}, {@code 下一步工作}) is a label wherever it stands. */
    private static final int UNMISTAKABLE_LABEL = 4;

    /** Each field's aliases, compiled once (a plan's fields are read for every daily report). */
    private static final Map<FieldSpec, List<CompiledAlias>> ALIASES = new ConcurrentHashMap<>();

    private final TextLabels textLabels;

    LabeledFieldReader(TextLabels textLabels) {
        this.textLabels = textLabels;
    }

    /** What was read: values by field code, and which characters of the text were used up by names and values. */
    record LabeledFields(Map<String, Object> values, BitSet consumed) {

        /**
         * What is left of each line once the field names and values are taken out, in order; lines with nothing
         * left are dropped, lines no field touched are kept as they are.
         */
        List<String> untouchedLines(String text) {
            List<String> lines = new ArrayList<>();
            int start = 0;
            while (start <= text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                StringBuilder left = new StringBuilder();
                for (int i = start; i < end; i++) {
                    if (!consumed.get(i)) {
                        left.append(text.charAt(i));
                    }
                }
                String line = left.length() == end - start ? left.toString()
                        : cleanText(LEFTOVER_SEPARATORS.matcher(left).replaceAll("$1"));
                if (!line.isBlank()) {
                    lines.add(line);
                }
                start = end + 1;
            }
            return lines;
        }
    }

    /**
     * An alias ready to be looked for: its pattern, and the literal pieces without case that any match contains —
     * a text lacking one of them is not searched with the pattern at all.
     */
    private record CompiledAlias(String alias, Pattern pattern, List<String> literals) {

        static CompiledAlias of(String alias) {
            String[] pieces = withoutClauseStart(alias).split(FieldSpec.GAP, -1);
            StringBuilder regex = new StringBuilder();
            List<String> literals = new ArrayList<>();
            boolean caseless = true;
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    regex.append('(').append(GAP).append(')');
                }
                regex.append(Pattern.quote(pieces[i]));
                if (pieces[i].chars().allMatch(CompiledAlias::caseless)) {
                    if (!pieces[i].isEmpty()) {
                        literals.add(pieces[i]);
                    }
                } else {
                    caseless = false;
                }
            }
            // an alias with no letter that has a case (most: Han characters) is matched as written, which is several
            // times faster than a case-insensitive match of the same characters
            int flags = caseless ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            return new CompiledAlias(alias, Pattern.compile(regex.toString(), flags), List.copyOf(literals));
        }

        /** A character that a case-insensitive match can only meet as itself: Han characters, ASCII non-letters. */
        private static boolean caseless(int c) {
            return Character.isIdeographic(c) || (c < 128 && !Character.isLetter(c));
        }

        boolean mayOccurIn(String masked) {
            for (String literal : literals) {
                if (masked.indexOf(literal) < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Anchor(FieldSpec spec, String alias, int order, int start, int end, List<int[]> gaps,
                          boolean keyed) {
        int length() {
            return end - start;
        }
    }

    LabeledFields read(String text, String masked, List<FieldSpec> specs, LocalDate today) {
        List<Anchor> anchors = validAnchors(masked, specs);
        Map<String, Object> values = new LinkedHashMap<>();
        BitSet consumed = new BitSet(text.length());
        int consumedUntil = 0;
        for (int i = 0; i < anchors.size(); i++) {
            Anchor anchor = anchors.get(i);
            if (anchor.start() < consumedUntil || values.containsKey(anchor.spec().code())) {
                continue;
            }
            int nextStart = i + 1 < anchors.size() ? anchors.get(i + 1).start() : text.length();
            switch (anchor.spec().kind()) {
                case NUMBER -> readNumber(masked, anchor, nextStart).ifPresent(count -> {
                    values.put(anchor.spec().code(), count.value());
                    consumed.set(anchor.start(), count.end());
                });
                case DATE -> readDate(text, anchor, nextStart, today).ifPresent(date -> {
                    values.put(anchor.spec().code(), date.date().toString());
                    consumed.set(anchor.start(), date.end());
                });
                case TEXT -> {
                    int[] range = textRange(text, masked, anchors, i, values);
                    String value = cleanText(text.substring(range[0], range[1]));
                    if (!value.isEmpty()) {
                        values.put(anchor.spec().code(), value);
                        consumed.set(anchor.start(), range[1]);
                        consumedUntil = range[1];
                    }
                }
                default -> throw new IllegalStateException("unknown kind " + anchor.spec().kind());
            }
        }
        return new LabeledFields(values, consumed);
    }

    // ---- anchors ---------------------------------------------------------------------------------------------

    private List<Anchor> validAnchors(String masked, List<FieldSpec> specs) {
        List<Anchor> all = new ArrayList<>();
        for (int order = 0; order < specs.size(); order++) {
            FieldSpec spec = specs.get(order);
            for (CompiledAlias compiled : ALIASES.computeIfAbsent(spec, LabeledFieldReader::compile)) {
                if (!compiled.mayOccurIn(masked)) {
                    continue;
                }
                String alias = compiled.alias();
                Matcher matcher = compiled.pattern().matcher(masked);
                while (matcher.find()) {
                    if (matcher.end() == matcher.start()) {
                        continue;
                    }
                    List<int[]> gaps = new ArrayList<>();
                    for (int g = 1; g <= matcher.groupCount(); g++) {
                        gaps.add(new int[] {matcher.start(g), matcher.end(g)});
                    }
                    boolean keyed = alias.endsWith(":") || alias.endsWith(",")
                            || KEYED.matcher(masked).region(matcher.end(), masked.length()).lookingAt();
                    all.add(new Anchor(spec, alias, order, matcher.start(), matcher.end(), gaps, keyed));
                }
            }
        }
        all.sort(Comparator.comparingInt(Anchor::start)
                .thenComparing(Comparator.comparingInt(Anchor::length).reversed())
                .thenComparingInt(Anchor::order));
        List<Anchor> kept = new ArrayList<>();
        int coveredUntil = 0;
        for (Anchor anchor : all) {
            if (anchor.start() >= coveredUntil && isValid(anchor, masked)) {
                kept.add(anchor);
                Matcher qualifier = QUALIFIER.matcher(masked).region(anchor.end(), masked.length());
                coveredUntil = qualifier.lookingAt() ? qualifier.end() : anchor.end();
            }
        }
        return kept;
    }

    private static List<CompiledAlias> compile(FieldSpec spec) {
        return spec.allAliases().stream().map(CompiledAlias::of).toList();
    }

    private static String withoutClauseStart(String alias) {
        return alias.startsWith(FieldSpec.CLAUSE_START) ? alias.substring(FieldSpec.CLAUSE_START.length()) : alias;
    }

    private boolean isValid(Anchor anchor, String masked) {
        if (anchor.alias().startsWith(FieldSpec.CLAUSE_START) && !startsClause(masked, anchor.start())) {
            return false;
        }
        if (anchor.spec().kind() != FieldKind.TEXT) {
            return true;
        }
        if (anchor.keyed() && anchor.start() - clauseStart(masked, anchor.start()) <= SHORT_LEAD_IN) {
            return true;
        }
        if (!anchor.keyed() && DETERMINED_NOUN.matcher(masked.substring(anchor.end())).lookingAt()) {
            return false;
        }
        return textLabels == TextLabels.KEYED_OR_CLAUSE_START
                && (startsClause(masked, anchor.start()) || anchor.alias().length() >= UNMISTAKABLE_LABEL
                    || followsCount(masked, anchor.start()));
    }

    /** Right after a count such as {@code 2个}: {@code 督办核查2个明日继续排查}. */
    private static boolean followsCount(String masked, int index) {
        return index >= 2 && ChineseNumerals.isMeasureWord(masked.charAt(index - 1))
                && ChineseNumerals.isNumeralChar(masked.charAt(index - 2));
    }

    private static boolean startsClause(String masked, int index) {
        int i = index - 1;
        while (i >= 0 && masked.charAt(i) == TextMask.MASK) {
            i--;
        }
        return i < 0 || ChineseNumerals.isBoundary(masked.charAt(i));
    }

    // ---- numbers and dates -----------------------------------------------------------------------------------

    /** A count read for an anchor, and where the text that gave it ends. */
    private record CountRead(long value, int end) {
    }

    private static Optional<CountRead> readNumber(String masked, Anchor anchor, int nextAnchorStart) {
        for (int[] gap : anchor.gaps()) {
            Optional<ChineseNumerals.NumeralMatch> inGap = ChineseNumerals.findCount(masked, gap[0], gap[1]);
            if (inGap.isPresent()) {
                return Optional.of(new CountRead(inGap.get().value(), anchor.end()));
            }
        }
        int scopeEnd = Math.max(anchor.end(), Math.min(clauseEnd(masked, anchor.end()), nextAnchorStart));
        String after = masked.substring(anchor.end(), scopeEnd);
        Matcher lead = NUMBER_LEAD.matcher(after);
        String value = lead.lookingAt() ? after.substring(lead.end()) : after;
        OptionalLong direct = ChineseNumerals.parseCount(value);
        if (direct.isPresent()) {
            return Optional.of(new CountRead(direct.getAsLong(), scopeEnd));
        }
        Optional<ChineseNumerals.NumeralMatch> near = ChineseNumerals.findCount(value);
        if (near.isPresent() && near.get().start() <= NUMBER_SEARCH_REACH) {
            return Optional.of(new CountRead(near.get().value(), scopeEnd));
        }
        int clauseStart = clauseStart(masked, anchor.start());
        if (NEGATION_BEFORE.matcher(masked.substring(clauseStart, anchor.start())).find()) {
            return Optional.of(new CountRead(0L, anchor.end()));
        }
        return Optional.empty();
    }

    private static Optional<ChineseDates.DateMatch> readDate(String text, Anchor anchor, int nextAnchorStart,
                                                             LocalDate today) {
        int scopeEnd = Math.min(lineEnd(text, anchor.end()), Math.max(nextAnchorStart, anchor.end()));
        String after = text.substring(anchor.end(), scopeEnd);
        return ChineseDates.find(after, today)
                .filter(date -> date.start() <= NUMBER_SEARCH_REACH)
                .map(date -> new ChineseDates.DateMatch(date.date(), anchor.end() + date.start(),
                        anchor.end() + date.end()));
    }

    // ---- text ------------------------------------------------------------------------------------------------

    /** The characters of a TEXT anchor's value: rest of its line, or the lines below when its own line is empty. */
    private int[] textRange(String text, String masked, List<Anchor> anchors, int index, Map<String, Object> values) {
        Anchor anchor = anchors.get(index);
        Matcher lead = TEXT_LEAD.matcher(text.substring(anchor.end()));
        int valueStart = anchor.end() + (lead.lookingAt() ? lead.end() : 0);
        int lineEnd = lineEnd(text, anchor.end());
        int end = lineEnd;
        for (int j = index + 1; j < anchors.size() && anchors.get(j).start() < lineEnd; j++) {
            Anchor next = anchors.get(j);
            int stop = next.start() < valueStart ? -1
                    : next.keyed() ? next.start()
                    : Math.max(countClauseStart(text, masked, anchors, j, valueStart, values),
                            textClauseStart(text, masked, next, valueStart, values, anchor.spec()));
            if (stop >= 0) {
                end = stop;
                break;
            }
        }
        if (textLabels == TextLabels.KEYED_OR_CLAUSE_START) {
            // in a daily reply the sign-off belongs to no field; elsewhere (a request for help) it may matter
            end = signOffStart(text, valueStart, end);
        }
        boolean ownLineEmpty = cleanText(text.substring(Math.min(valueStart, end), end)).isEmpty();
        if (end < lineEnd) {
            return new int[] {Math.min(valueStart, end), end};
        }
        int lineStart = lineEnd + 1;
        while (lineStart < text.length()) {
            int nextLineEnd = lineEnd(text, lineStart);
            boolean listItem = TextMask.startsWithListMarker(text, lineStart);
            if (!ownLineEmpty && !listItem
                    || isStopLine(masked, anchors, lineStart, nextLineEnd, values, anchor.spec())) {
                break;
            }
            end = nextLineEnd;
            lineStart = nextLineEnd + 1;
        }
        return new int[] {Math.min(valueStart, end), end};
    }

    /**
     * A count named at the start of a clause inside a text value ({@code 参会单位：A、B,参会人数20人}), perhaps after
     * a word for today ({@code 明天继续排查,今天检查企业5家}), ends the value: where its clause starts, or -1. Not when
     * its field is already known (a plan that mentions {@code 检查企业5家} again) or the value would be empty.
     */
    private static int countClauseStart(String text, String masked, List<Anchor> anchors, int index,
                                        int valueStart, Map<String, Object> values) {
        Anchor anchor = anchors.get(index);
        if (anchor.spec().kind() != FieldKind.NUMBER || values.containsKey(anchor.spec().code())) {
            return -1;
        }
        int clause = clauseStart(masked, anchor.start());
        int opening = startsClause(masked, anchor.start()) ? anchor.start()
                : clause > valueStart && COUNT_CLAUSE_LEAD.matcher(masked.substring(clause, anchor.start())).matches()
                ? clause : -1;
        if (opening < 0 || cleanText(text.substring(valueStart, opening)).isEmpty()) {
            return -1;
        }
        int nextStart = index + 1 < anchors.size() ? anchors.get(index + 1).start() : masked.length();
        return readNumber(masked, anchor, nextStart).isPresent() ? opening : -1;
    }

    /**
     * Another text field that opens a clause inside a text value ({@code 明日计划继续排查,其他无}) ends the value:
     * where it starts, or -1.
     */
    private static int textClauseStart(String text, String masked, Anchor next, int valueStart,
                                       Map<String, Object> values, FieldSpec reading) {
        boolean opens = next.spec().kind() == FieldKind.TEXT && !next.spec().code().equals(reading.code())
                && !values.containsKey(next.spec().code()) && startsClause(masked, next.start())
                && !cleanText(text.substring(valueStart, next.start())).isEmpty();
        return opens ? next.start() : -1;
    }

    /** Where a sign-off item ({@code 填报人:}, {@code 联系电话:}) ends a text value, or {@code end}. */
    private static int signOffStart(String text, int valueStart, int end) {
        if (valueStart >= end) {
            return end;
        }
        Matcher signOff = SIGN_OFF.matcher(text).region(valueStart, end).useTransparentBounds(true);
        while (signOff.find()) {
            if (!cleanText(text.substring(valueStart, signOff.start())).isEmpty()) {
                return signOff.start();
            }
        }
        return end;
    }

    /** A line that starts a field of its own and so ends the text value above it. */
    private boolean isStopLine(String masked, List<Anchor> anchors, int lineStart, int lineEnd,
                               Map<String, Object> values, FieldSpec reading) {
        for (int j = 0; j < anchors.size(); j++) {
            Anchor anchor = anchors.get(j);
            if (anchor.start() < lineStart || anchor.start() >= lineEnd || values.containsKey(anchor.spec().code())
                    || anchor.spec().code().equals(reading.code())) {
                continue;
            }
            if (anchor.keyed() || anchor.spec().kind() == FieldKind.TEXT) {
                return true;
            }
            int nextStart = j + 1 < anchors.size() ? anchors.get(j + 1).start() : masked.length();
            if (anchor.spec().kind() == FieldKind.NUMBER && readNumber(masked, anchor, nextStart).isPresent()) {
                return true;
            }
        }
        return false;
    }

    static String cleanText(String raw) {
        String value = COURTESY_AT_END.matcher(raw.strip()).replaceFirst("");
        value = SEPARATORS_AT_END.matcher(SEPARATORS_AT_START.matcher(value).replaceFirst("")).replaceFirst("");
        return value.strip();
    }

    // ---- positions -------------------------------------------------------------------------------------------

    private static int clauseEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (CLAUSE_SEPARATORS.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static int clauseStart(String text, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (CLAUSE_SEPARATORS.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }
}
