package cn.mee.liaison.bot.classify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Infers the fields of one record type from free text, after the labelled fields were read. */
interface FreeTextReader {

    void fill(Draft draft);

    /** For types whose fields are all labelled or absent. */
    FreeTextReader NOTHING = draft -> { };

    /** The first group of the first match of {@code pattern}, stripped. */
    static Optional<String> firstGroup(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }
}
