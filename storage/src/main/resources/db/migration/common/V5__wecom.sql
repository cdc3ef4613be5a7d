-- WeCom: access tokens shared by every instance, callback nonces seen (replay protection), attachments.

CREATE TABLE wecom_access_token (
    app_key      VARCHAR(100) NOT NULL PRIMARY KEY,
    token        VARCHAR(1000),
    expires_at   DATETIME(3),
    refreshed_at DATETIME(3)
);

CREATE TABLE callback_nonce (
    door       VARCHAR(16)  NOT NULL,
    nonce      VARCHAR(64)  NOT NULL,
    stamp      BIGINT       NOT NULL,
    seen_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (door, nonce, stamp)
);
CREATE INDEX ix_callback_nonce_seen ON callback_nonce (seen_at);

-- A picture, file or voice message's content, fetched from the platform after the message is filed.
CREATE TABLE attachment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id   BIGINT        NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    source       VARCHAR(2000) NOT NULL,
    decrypt_key  VARCHAR(100),
    file_name    VARCHAR(255),
    content_type VARCHAR(100),
    size_bytes   BIGINT,
    sha256       VARCHAR(64),
    stored_path  VARCHAR(500),
    status       VARCHAR(12)   NOT NULL,
    attempts     INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3) NOT NULL,
    claimed_by   VARCHAR(64),
    claimed_until DATETIME(3),
    last_error   VARCHAR(1000),
    created_at   DATETIME(3)   NOT NULL,
    stored_at    DATETIME(3)
);
CREATE INDEX ix_attachment_message ON attachment (message_id);
CREATE INDEX ix_attachment_due ON attachment (status, next_attempt_at);
