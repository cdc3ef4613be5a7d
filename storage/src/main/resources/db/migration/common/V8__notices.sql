-- 统一推送信息 (第十一条(一)): one notice, many chats; a delivery per (notice, chat); acknowledgements and follow-ups.

CREATE TABLE notice (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(16)  NOT NULL,
    title           VARCHAR(200) NOT NULL,
    content         LONGTEXT     NOT NULL,
    format          VARCHAR(16)  NOT NULL,
    attachment_path VARCHAR(500),
    targets_json    LONGTEXT     NOT NULL,
    require_ack     BOOLEAN      NOT NULL,
    send_at         DATETIME(3)  NOT NULL,
    cancelled_at    DATETIME(3),
    created_by      VARCHAR(64)  NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    reminded_at     DATETIME(3),
    escalated_at    DATETIME(3)
);
CREATE INDEX ix_notice_created ON notice (created_at);
CREATE INDEX ix_notice_follow_up ON notice (require_ack, escalated_at, send_at);

CREATE TABLE notice_delivery (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    notice_id      BIGINT       NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    chat_id        VARCHAR(128) NOT NULL,
    work_group_id  BIGINT,
    unit_id        BIGINT,
    acked_at       DATETIME(3),
    acked_by       VARCHAR(64),
    acked_by_name  VARCHAR(64),
    ack_message_id BIGINT,
    CONSTRAINT uk_notice_delivery UNIQUE (notice_id, channel, chat_id),
    CONSTRAINT fk_notice_delivery_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
);
CREATE INDEX ix_notice_delivery_chat ON notice_delivery (channel, chat_id, acked_at);

ALTER TABLE outbox_message ADD COLUMN delivery_id BIGINT;
ALTER TABLE outbox_message ADD COLUMN resent_at DATETIME(3);
CREATE INDEX ix_outbox_delivery ON outbox_message (delivery_id);

-- Pacing across instances: a slot per send taken in a bucket (a webhook key, a member, the company's API budget …);
-- a bucket row is locked while its recent slots are counted, so that two instances cannot both take the last one.
CREATE TABLE pace_bucket (
    bucket VARCHAR(160) NOT NULL PRIMARY KEY
);
CREATE TABLE pace_slot (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    bucket   VARCHAR(160) NOT NULL,
    weight   INT          NOT NULL,
    taken_at DATETIME(3)  NOT NULL
);
CREATE INDEX ix_pace_slot_bucket ON pace_slot (bucket, taken_at);

-- Typical cases (典型案例) the bureau marked for sharing, pushed to all groups in the next digest (第二条(四)).
CREATE TABLE shared_case (
    message_id       BIGINT      NOT NULL PRIMARY KEY,
    marked_by        VARCHAR(64) NOT NULL,
    marked_at        DATETIME(3) NOT NULL,
    digest_notice_id BIGINT
);
CREATE INDEX ix_shared_case_digest ON shared_case (digest_notice_id);
