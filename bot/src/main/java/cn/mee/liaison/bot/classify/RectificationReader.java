package cn.mee.liaison.bot.classify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check of an assigned problem's rectification (第五条(四)): which problem, the outcome read as
 * 已整改 / 部分整改 / 未整改, and what was seen.
 */
final class RectificationReader implements FreeTextReader {

    /** A problem number: DB-2026-0153, WT20261128003, 编号：20261128003. */
    private static final Pattern PROBLEM_CODE = Pattern.compile(
            "(?<![A-Za-z0-9])(?!(?:PM|NO|SO|CO|NH|O)\\d)[A-Za-z]{1,8}[-_]?\\d{2,}(?:[-_]\\d+)*(?![A-Za-z0-9])");
    private static final Pattern NUMBERED = Pattern.compile(
            "(?:编号|问题号|督办单号?)\\s*(?:为|是)?\\s*[:#]?\\s*([A-Za-z0-9-]{4,})");
    /** Words and marks that say nothing of what was found: what is left of the text without them is evidence. */
    private static final Pattern NOT_EVIDENCE = Pattern.compile("已整改|未整改|部分整改|整改|核查|督办|问题|[\\p{P}\\s]");
    private static final int SUBSTANTIAL_EVIDENCE = 6;

    @Override
    public void fill(Draft draft) {
        String text = draft.text();
        Optional<String> labelled = draft.textValue("result");
        Optional<String> result = labelled.flatMap(RectificationResults::find)
                .or(() -> RectificationResults.find(text));
        draft.remove("result");
        draft.offer("result", result);
        Optional<String> reference = problemReference(text);
        draft.offer("problemRef", reference);
        String rest = draft.untouchedText();
        String remainder = reference.map(ref -> rest.replace(ref, "")).orElse(rest);
        remainder = NOT_EVIDENCE.matcher(remainder).replaceAll("");
        if (remainder.length() >= SUBSTANTIAL_EVIDENCE) {
            draft.offer("evidence", rest);
        }
    }

    /** A problem number, or else the enterprise the problem is at. */
    static Optional<String> problemReference(String text) {
        return problemCode(text).or(() -> EnterpriseNames.find(text));
    }

    static Optional<String> problemCode(String text) {
        Matcher numbered = NUMBERED.matcher(text);
        if (numbered.find()) {
            return Optional.of(numbered.group(1));
        }
        Matcher code = PROBLEM_CODE.matcher(text);
        return code.find() ? Optional.of(code.group()) : Optional.empty();
    }
}
