package cn.mee.liaison.bot.classify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A brief, a summary or a typical case (第四条(四)): a bracketed heading or a short first line is the title, the
 * rest is the content. A heading that only names the kind ({@code 【典型案例】}, {@code 简报：}) is not a title by
 * itself: the words after it are.
 */
final class TitledTextReader implements FreeTextReader {

    private static final Pattern BRACKETED = Pattern.compile("^\\s*[【《\\[]([^】》\\]]{2,40})[】》\\]]\\s*");
    private static final Pattern KIND_ONLY = Pattern.compile("^(?:典型案例|案例|案例分享|工作简报|简报|工作总结|总结|小结|工作小结)$");
    private static final Pattern KIND_PREFIX = Pattern.compile("^(?:典型案例|案例|工作简报|简报|工作总结|总结)\\s*[:]\\s*");
    private static final int LONGEST_TITLE = 40;
    private static final int SHORT_SUFFIX = 12;

    @Override
    public void fill(Draft draft) {
        List<String> lines = draft.untouchedLines();
        if (lines.isEmpty()) {
            return;
        }
        String first = lines.get(0);
        String rest = String.join("\n", lines.subList(1, lines.size())).strip();
        Matcher bracketed = BRACKETED.matcher(first);
        if (bracketed.lookingAt()) {
            String heading = bracketed.group(1).strip();
            String after = first.substring(bracketed.end()).strip();
            boolean kindOnly = KIND_ONLY.matcher(heading).matches();
            if (kindOnly && rest.isEmpty() && !after.isEmpty()) {
                draft.offer("title", after);
                draft.offer("content", after);
            } else if (after.isEmpty() || rest.isEmpty()) {
                draft.offer("title", heading);
                draft.offer("content", rest.isEmpty() ? after : rest);
            } else if (after.length() <= SHORT_SUFFIX && !rest.isEmpty()) {
                draft.offer("title", heading + " " + after);
                draft.offer("content", rest);
            } else if (kindOnly && !rest.isEmpty()) {
                draft.offer("title", after);
                draft.offer("content", rest);
            } else {
                draft.offer("title", heading);
                draft.offer("content", (after + "\n" + rest).strip());
            }
            return;
        }
        String title = KIND_PREFIX.matcher(first).replaceFirst("");
        if (!rest.isEmpty() && title.length() <= LONGEST_TITLE && !first.endsWith("。") && !first.endsWith(":")) {
            draft.offer("title", title);
            draft.offer("content", rest);
        } else {
            draft.offer("content", String.join("\n", lines));
        }
    }
}
