CREATE TABLE console_user (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    display_name  VARCHAR(64),
    role          VARCHAR(24)  NOT NULL,
    unit_id       BIGINT,
    enabled       BOOLEAN      NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    CONSTRAINT uk_console_user_username UNIQUE (username),
    CONSTRAINT fk_console_user_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);

-- Who did what, when: logins, exports, directory and configuration changes, pushes.
CREATE TABLE audit_log (
    id     BIGINT AUTO_INCREMENT PRIMARY KEY,
    at     DATETIME(3)  NOT NULL,
    actor  VARCHAR(64)  NOT NULL,
    action VARCHAR(32)  NOT NULL,
    target VARCHAR(255),
    detail LONGTEXT
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_action ON audit_log (action, at);
