package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.classify.ChatText;
import cn.mee.liaison.bot.classify.MessageClassifier;
import cn.mee.liaison.bot.classify.ParsedRecord;
import cn.mee.liaison.bot.classify.RecordParsers;
import cn.mee.liaison.storage.message.RecordType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a message: normalises it, strips @-mentions of the bot, recognises a command, and otherwise classifies the
 * free text; then parses the fields of the record type.
 */
@Component
public class Interpreter {

    private final Pattern botMention;
    private final RecordParsers parsers = new RecordParsers();
    private final MessageClassifier classifier = new MessageClassifier();

    Interpreter(@Value("${liaison.bot-names:联络机器人,联络群机器人,机器人}") List<String> botNames) {
        String names = botNames.stream().map(String::strip).filter(n -> !n.isEmpty())
                .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).collect(Collectors.joining("|"));
        this.botMention = Pattern.compile("@(?:" + names + ")\\s*");
    }

    /** Whether the text @-mentions the bot by one of its names. */
    public boolean mentionsBot(String rawText) {
        return rawText != null && botMention.matcher(ChatText.normalize(rawText)).find();
    }

    public Interpretation interpret(String rawText, LocalDate today) {
        String text = botMention.matcher(ChatText.normalize(rawText)).replaceAll(" ").strip();
        Optional<CommandLine> command = CommandLine.parse(text);
        if (command.isPresent()) {
            Verb verb = command.get().verb();
            ParsedRecord parsed = verb.filesRecord()
                    ? parsers.parse(verb.recordType(), command.get().body(), today)
                    : new ParsedRecord(verb.recordType(), Map.of(), List.of());
            return new Interpretation(text, command, verb.recordType(), parsed);
        }
        RecordType type = classifier.classify(text);
        return new Interpretation(text, command, type, parsers.parse(type, text, today));
    }
}
