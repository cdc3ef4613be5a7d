package cn.mee.liaison.bot.command;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.directory.DirectoryCache;
import cn.mee.liaison.bot.directory.DirectorySnapshot;
import cn.mee.liaison.bot.inbound.ChatContext;
import cn.mee.liaison.storage.directory.Chat;
import cn.mee.liaison.storage.directory.OrgUnit;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import cn.mee.liaison.storage.outbox.Purpose;
import cn.mee.liaison.storage.outbox.TargetType;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 急报 (第四条(九)): an emergency goes at once to every bureau chat and, personally, to the coordinator of the unit
 * that sent the group; the sender is told who was informed (or that nobody could be), and asked for the details
 * when the 急报 came without any.
 */
@Component
class EmergencyRelay {

    private static final Logger log = LoggerFactory.getLogger(EmergencyRelay.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Replies replies;
    private final DirectoryCache directory;
    private final AuditTrail audit;
    private final Clock clock;

    EmergencyRelay(Replies replies, DirectoryCache directory, AuditTrail audit, Clock clock) {
        this.replies = replies;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    List<OutboxMessage> relay(Exchange exchange, boolean detectedInFreeText) {
        DirectorySnapshot snapshot = directory.snapshot();
        ChatContext sender = exchange.sender();
        String where = sender.group().map(g -> replies.text("emergency.relay.from", g.name(),
                        sender.unit().map(OrgUnit::name).orElse("—"), sender.city().map(c -> c.name()).orElse("—")))
                .orElse(exchange.message().chatId());
        String who = (sender.senderName() == null ? "" : sender.senderName()) + "（" + sender.senderId() + "）";
        // a bare 急报: relayed all the same (an emergency is never dropped), the sender asked for the details
        boolean unstated = !detectedInFreeText && exchange.meaning().command().map(CommandLine::body)
                .map(String::isBlank).orElse(false);
        String what = unstated ? replies.text("emergency.relay.unstated")
                : exchange.meaning().command().map(CommandLine::body).filter(body -> !body.isBlank())
                        .orElse(exchange.meaning().text());
        String text = replies.text("emergency.relay", where, who,
                WHEN.format(exchange.now().atZone(clock.getZone())), what);

        List<OutboxMessage> out = new ArrayList<>();
        List<String> told = new ArrayList<>();
        for (Chat chat : snapshot.bureauChats()) {
            out.add(OutboxMessage.pending(chat.channel(), TargetType.CHAT, chat.chatId(), MessageFormat.TEXT, text,
                    null, Purpose.RELAY, exchange.filed().id(), exchange.now()));
        }
        if (out.isEmpty()) {
            log.warn("emergency from chat {} has no bureau chat to go to: add bureauChats to the directory",
                    exchange.message().chatId());
        } else {
            told.add(replies.text("emergency.told.bureau"));
        }
        Optional<OrgUnit> unit = sender.unit().filter(u -> u.coordinatorUserId() != null);
        unit.ifPresent(u -> {
            out.add(OutboxMessage.pending(exchange.message().channel().personal(), TargetType.USER,
                    u.coordinatorUserId(), MessageFormat.TEXT, text, null, Purpose.RELAY, exchange.filed().id(),
                    exchange.now()));
            told.add(replies.text("emergency.told.coordinator",
                    u.coordinatorName() == null ? u.coordinatorUserId() : u.coordinatorName()));
        });

        audit.record("chat:" + sender.senderId(), AuditTrail.EMERGENCY_RELAYED, where,
                "record " + exchange.filed().id() + " to " + out.size() + " targets");
        String answer = (detectedInFreeText ? replies.text("emergency.detected") : "")
                + (unstated ? replies.text("emergency.unstated") : "")
                + (told.isEmpty() ? replies.text("emergency.told.nobody")
                        : replies.text("emergency.replied", String.join("和", told)))
                + (unstated ? replies.text("emergency.unstated.ask", replies.exampleOf(Verb.EMERGENCY))
                        : replies.text("emergency.safety"));
        out.add(exchange.reply(answer, true));
        return out;
    }
}
