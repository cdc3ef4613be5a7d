package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.classify.ParsedRecord;
import cn.mee.liaison.storage.message.RecordType;
import java.util.Optional;

/**
 * What a message means, decided before it is filed: the command it is (if any), its record type and parsed fields.
 *
 * @param text the normalised text without bot mentions
 */
public record Interpretation(String text, Optional<CommandLine> command, RecordType type, ParsedRecord parsed) {

    public Optional<Verb> verb() {
        return command.map(CommandLine::verb);
    }
}
