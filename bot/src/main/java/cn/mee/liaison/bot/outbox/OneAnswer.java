package cn.mee.liaison.bot.outbox;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.outbox.MessageFormat;
import cn.mee.liaison.storage.outbox.OutboxMessage;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows said in answer to one message, given as one text in a door's single answer (the robot's passive reply,
 * a respond frame, one response_url post): joined by a blank line while the whole stays within the door's limit
 * (the one each row was split to, wecom.md "Limits"). The first row that does not fit closes the answer: it and the
 * rows after it go the usual way, in order, so the answer never carries more than the platform takes.
 */
public final class OneAnswer {

    public static final String SEPARATOR = "\n\n";

    /** The answer's limit in UTF-8 bytes; 0: each row's own door's. */
    private final int maxBytes;
    private int bytes;
    private int rows;
    private boolean closed;

    /** An answer within the limit of the door of each row added. */
    public OneAnswer() {
        this(0);
    }

    private OneAnswer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** An answer of at most this many UTF-8 bytes. */
    public static OneAnswer within(int maxBytes) {
        return new OneAnswer(maxBytes);
    }

    /** Whether the row still fits (it is then part of the answer); once one does not, none does. */
    public boolean add(OutboxMessage row) {
        if (closed) {
            return false;
        }
        int limit = maxBytes > 0 ? maxBytes : PayloadLimits.maxBytes(row.channel(), row.format());
        int size = bytes + (rows == 0 ? 0 : TextParts.utf8(SEPARATOR)) + TextParts.utf8(row.content());
        if (limit > 0 && size > limit) {
            closed = true;
            return false;
        }
        bytes = size;
        rows++;
        return true;
    }

    /** The rows as the answer's one text. */
    public static String joined(List<OutboxMessage> rows) {
        return rows.stream().map(OutboxMessage::content).collect(Collectors.joining(SEPARATOR));
    }

    /** The largest text a door takes in one message of this format, in UTF-8 bytes; 0 for no limit. */
    public static int limit(Channel channel, MessageFormat format) {
        return PayloadLimits.maxBytes(channel, format);
    }
}
