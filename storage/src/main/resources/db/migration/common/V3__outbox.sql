-- Whatever the bot says becomes a row here first; workers deliver it through the chat's door.

CREATE TABLE outbox_message (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel         VARCHAR(16)   NOT NULL,
    target_type     VARCHAR(8)    NOT NULL,
    target_id       VARCHAR(128)  NOT NULL,
    format          VARCHAR(16)   NOT NULL,
    content         LONGTEXT      NOT NULL,
    mentions        VARCHAR(2000),
    purpose         VARCHAR(16)   NOT NULL,
    in_reply_to     BIGINT,
    status          VARCHAR(12)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)   NOT NULL,
    claimed_by      VARCHAR(64),
    claimed_until   DATETIME(3),
    last_error      VARCHAR(1000),
    created_at      DATETIME(3)   NOT NULL,
    sent_at         DATETIME(3)
);
CREATE INDEX ix_outbox_due ON outbox_message (status, next_attempt_at);
CREATE INDEX ix_outbox_target ON outbox_message (channel, target_id, created_at);
CREATE INDEX ix_outbox_reply ON outbox_message (in_reply_to);
