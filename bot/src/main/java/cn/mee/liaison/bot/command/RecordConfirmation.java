package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.classify.FieldSpec;
import cn.mee.liaison.bot.classify.ParsedRecord;
import cn.mee.liaison.bot.classify.RecordSchemas;
import cn.mee.liaison.storage.message.RecordType;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The answer to a record command (日报, 问题, 党建 …): what was filed, with the fields as understood; or, when
 * required fields are missing or the command is empty, exactly what is missing and an example of the right form.
 * The message is filed in every case.
 */
@Component
class RecordConfirmation {

    private static final int MAX_VALUE = 60;

    private final Replies replies;

    RecordConfirmation(Replies replies) {
        this.replies = replies;
    }

    OutboxMessage answer(Exchange exchange, Verb verb) {
        ParsedRecord parsed = exchange.meaning().parsed();
        RecordType type = parsed.type();
        String body = exchange.meaning().command().map(CommandLine::body).orElse(exchange.meaning().text());
        if (body.isBlank()) {
            return exchange.reply(replies.text("record.empty", type.label(), replies.exampleOf(verb)), true);
        }
        if (!parsed.missing().isEmpty()) {
            String missing = parsed.missing().stream().map(FieldSpec::label).collect(Collectors.joining("、"));
            return exchange.reply(replies.text("record.incomplete", type.label(), missing, replies.exampleOf(verb)),
                    true);
        }
        String group = exchange.sender().groupName() == null ? ""
                : replies.text("record.saved.group", exchange.sender().groupName());
        String fields = describe(RecordSchemas.fieldsOf(type), parsed.fields());
        return exchange.reply(replies.text("record.saved", type.label(), group) + (fields.isEmpty() ? "" : "\n" + fields),
                true);
    }

    private String describe(List<FieldSpec> specs, Map<String, Object> values) {
        return specs.stream().filter(spec -> values.containsKey(spec.code()))
                .map(spec -> replies.text("record.field", spec.label(), clip(String.valueOf(values.get(spec.code())))))
                .collect(Collectors.joining("\n"));
    }

    private static String clip(String value) {
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE) + "…";
    }
}
