package cn.mee.liaison.bot.classify;

import java.util.regex.Pattern;

/**
 * An interview with county officials (第四条(六)): whom the central group met, and the problems it fed back.
 */
final class InterviewReader implements FreeTextReader {

    private static final Pattern FINAL_STOP = Pattern.compile("[。.]$");
    private static final Pattern OFFICIALS = Pattern.compile(
            "约见(?:了)?\\s*([^,;。\\n]{2,40}?)(?=\\s*(?:[,;。\\n]|反馈|通报|指出|就|进行|$))");
    private static final Pattern PROBLEMS = Pattern.compile(
            "(?:反馈|通报|指出)(?:了)?(?:问题|情况)?(?:如下)?\\s*[:]?\\s*([\\s\\S]+)$");

    @Override
    public void fill(Draft draft) {
        String text = draft.text();
        draft.offer("officials", FreeTextReader.firstGroup(OFFICIALS, text));
        draft.offer("problems", FreeTextReader.firstGroup(PROBLEMS, text)
                .map(LabeledFieldReader::cleanText)
                .map(problems -> FINAL_STOP.matcher(problems).replaceAll("")));
        draft.offer("county", draft.textValue("officials").flatMap(PlaceNames::county)
                .or(() -> PlaceNames.county(text)));
    }
}
