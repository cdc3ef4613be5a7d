-- Every message that reaches the bot, filed before it is acknowledged (domain.md, "What arrives in the groups").
-- Times are Asia/Shanghai local time (the campaign's only zone; no DST since 1991).

CREATE TABLE filed_message (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel       VARCHAR(16)  NOT NULL,
    chat_id       VARCHAR(128) NOT NULL,
    chat_type     VARCHAR(8)   NOT NULL,
    external_id   VARCHAR(128) NOT NULL,
    sender_id     VARCHAR(64),
    sender_name   VARCHAR(64),
    work_group_id BIGINT,
    unit_id       BIGINT,
    city_id       BIGINT,
    round_id      BIGINT,
    record_type   VARCHAR(32)  NOT NULL,
    content_kind  VARCHAR(16)  NOT NULL,
    text          LONGTEXT,
    fields_json   LONGTEXT,
    raw_payload   LONGTEXT,
    received_at   DATETIME(3)  NOT NULL,
    CONSTRAINT uk_filed_message_external UNIQUE (channel, external_id)
);
CREATE INDEX ix_filed_message_received ON filed_message (received_at);
CREATE INDEX ix_filed_message_chat ON filed_message (chat_id, received_at);
CREATE INDEX ix_filed_message_group ON filed_message (work_group_id, received_at);
CREATE INDEX ix_filed_message_unit ON filed_message (unit_id, received_at);
CREATE INDEX ix_filed_message_city ON filed_message (city_id, received_at);
CREATE INDEX ix_filed_message_type ON filed_message (record_type, received_at);
CREATE INDEX ix_filed_message_sender ON filed_message (sender_id, received_at);
