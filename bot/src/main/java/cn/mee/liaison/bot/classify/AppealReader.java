package cn.mee.liaison.bot.classify;

import java.util.Optional;
import java.util.regex.Pattern;

/** A city's appeal against a problem finding (第二条(四)): which problem, and why the city disagrees. */
final class AppealReader implements FreeTextReader {

    private static final Pattern AGAINST = Pattern.compile(
            "对\\s*([^,;。\\n]{2,30}?)\\s*(?:问题)?\\s*(?:的认定|认定)?\\s*(?:提出申诉|申诉|有异议|提出异议)");
    private static final Pattern CONCERNING = Pattern.compile("关于\\s*([^,;。\\n]{2,30}?)\\s*(?:的)?问题");
    private static final Pattern APPEAL_PREFIX = Pattern.compile("^(?:申诉|关于申诉)\\s*[:]\\s*");
    private static final Pattern REASON = Pattern.compile(
            "(?:理由是|理由为|理由:|原因是|原因为|因为|主要是|认为|申诉理由)\\s*[:]?\\s*([\\s\\S]+)$");

    @Override
    public void fill(Draft draft) {
        String text = draft.text();
        draft.offer("problemRef", FreeTextReader.firstGroup(AGAINST, text)
                .map(against -> RectificationReader.problemCode(against).orElse(against))
                .or(() -> RectificationReader.problemCode(text))
                .or(() -> FreeTextReader.firstGroup(CONCERNING, text))
                .or(() -> EnterpriseNames.find(text)));
        draft.offer("reason", FreeTextReader.firstGroup(REASON, text)
                .map(LabeledFieldReader::cleanText)
                .or(() -> Optional.of(APPEAL_PREFIX.matcher(draft.untouchedText()).replaceFirst(""))));
    }
}
