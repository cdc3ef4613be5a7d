package cn.mee.liaison.bot.classify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A city's request for expert help (第三条(七)): what it needs, and in which field. */
final class AssistanceReader implements FreeTextReader {

    private static final Pattern EXPERT = Pattern.compile("专家");
    /** The verbs of asking; the field of expertise is what stands between the last of them and 专家. */
    private static final Pattern ASKING = Pattern.compile("恳请|请求|需要|希望|申请|协调|安排|邀请|选派|派出|组织|派|请");
    private static final Pattern QUALIFIERS = Pattern.compile(
            "^(?:部里|上级|相关|有关|能|可以|尽快|帮助|给予|\\d+名|[一二两三几]名|名|位|一批|一些)+");
    private static final Pattern TRAILING_WORDS = Pattern.compile("(?:方面的|方面|领域的|领域|的|技术|行业)+$");
    private static final Pattern FIELD_OF_HELP = Pattern.compile(
            "(?:需要|请求|希望|申请|协调)[^,;。\\n]{0,6}?在?\\s*([^,;。\\n]{2,14}?)(?:方面|领域)的?(?:技术)?(?:支持|指导|帮扶|帮助)");
    private static final int REACH = 20;

    @Override
    public void fill(Draft draft) {
        String text = draft.text();
        draft.offer("expertise", expertise(text));
        draft.offer("topic", draft.untouchedText());
    }

    private static Optional<String> expertise(String text) {
        Matcher expert = EXPERT.matcher(text);
        while (expert.find()) {
            int start = expert.start();
            while (start > 0 && expert.start() - start < REACH && !isPunctuation(text.charAt(start - 1))) {
                start--;
            }
            String before = text.substring(start, expert.start());
            Matcher asking = ASKING.matcher(before);
            int cut = 0;
            while (asking.find()) {
                cut = asking.end();
            }
            String field = QUALIFIERS.matcher(before.substring(cut).strip()).replaceFirst("");
            field = TRAILING_WORDS.matcher(field).replaceFirst("").strip();
            if (field.length() >= 2) {
                return Optional.of(field);
            }
        }
        return FreeTextReader.firstGroup(FIELD_OF_HELP, text);
    }

    private static boolean isPunctuation(char c) {
        return Character.getType(c) >= Character.DASH_PUNCTUATION && Character.getType(c) <= Character.OTHER_PUNCTUATION
                || c == '\n';
    }
}
