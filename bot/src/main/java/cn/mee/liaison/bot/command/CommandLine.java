package cn.mee.liaison.bot.command;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A command as written: its verb and the rest. The command word must open the message (after @-mentions, which the
 * caller strips) and stand alone: followed by a space, a line break, punctuation or nothing, or wrapped as 【日报】,
 * [日报] or #日报. "问题清单发了吗" is therefore not the command 问题. A few commands take only a body of their
 * shape ({@link Verb.Body}): "已完成，谢谢" is not the command 已完成, "延后3天" is the command 延后.
 */
public record CommandLine(Verb verb, String body) {

    private static final List<Map.Entry<String, Verb>> WORDS = java.util.Arrays.stream(Verb.values())
            .flatMap(v -> v.words().stream().map(w -> Map.entry(w, v)))
            .sorted(Comparator.comparing((Map.Entry<String, Verb> e) -> e.getKey().length()).reversed())
            .toList();
    private static final Map<String, Verb> BY_WORD = WORDS.stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    private static final String SEPARATORS = " \n:,.;!?、，。：；！？-—~";

    /** @param text normalised text (half-width punctuation), bot mentions removed */
    public static Optional<CommandLine> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Optional<CommandLine> bracketed = bracketed(t);
        if (bracketed.isPresent()) {
            return bracketed;
        }
        if (t.startsWith("#") || t.startsWith("/")) {
            t = t.substring(1).strip();
        }
        for (Map.Entry<String, Verb> word : WORDS) {
            String w = word.getKey();
            Verb verb = word.getValue();
            if (!t.regionMatches(true, 0, w, 0, w.length())) {
                continue;
            }
            String after = t.substring(w.length());
            boolean separated = after.isEmpty() || SEPARATORS.indexOf(after.charAt(0)) >= 0;
            if ((separated || verb.body().mayJoin(after)) && verb.body().accepts(rest(after))) {
                return Optional.of(new CommandLine(verb, rest(after)));
            }
        }
        return Optional.empty();
    }

    private static Optional<CommandLine> bracketed(String t) {
        for (String[] pair : new String[][] {{"【", "】"}, {"[", "]"}, {"〖", "〗"}}) {
            if (t.startsWith(pair[0])) {
                int close = t.indexOf(pair[1]);
                if (close > 1) {
                    Verb verb = BY_WORD.get(t.substring(1, close).strip());
                    if (verb != null) {
                        return Optional.of(new CommandLine(verb, rest(t.substring(close + 1))));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String rest(String after) {
        int start = 0;
        while (start < after.length() && SEPARATORS.indexOf(after.charAt(start)) >= 0) {
            start++;
        }
        return after.substring(start).strip();
    }

    static Function<String, Optional<Verb>> lookup() {
        return word -> Optional.ofNullable(BY_WORD.get(word));
    }
}
