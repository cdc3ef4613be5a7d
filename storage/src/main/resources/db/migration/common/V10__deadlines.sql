-- Deadlines (第九条, 第十条, 第四条(四), 第十二条, 第三条(三)) and their reminders.

-- An obligation with a due date: computed by the rules (key from the rule) or created by someone (CUSTOM).
CREATE TABLE deadline (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    deadline_key VARCHAR(200)  NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    due_date     DATE          NOT NULL,
    unit_id      BIGINT,
    city_id      BIGINT,
    round_id     BIGINT,
    status       VARCHAR(8)    NOT NULL,
    done_at      DATETIME(3),
    done_by      VARCHAR(160),
    done_note    VARCHAR(500),
    snoozed_until DATETIME(3),
    created_by   VARCHAR(160),
    created_at   DATETIME(3)   NOT NULL,
    CONSTRAINT uk_deadline_key UNIQUE (deadline_key)
);
CREATE INDEX ix_deadline_due ON deadline (due_date);

-- Each reminder of a deadline is sent once: its scheduled instant (or the escalation) is claimed by a row here.
CREATE TABLE deadline_reminder (
    deadline_id BIGINT      NOT NULL,
    remind_at   DATETIME(3) NOT NULL,
    kind        VARCHAR(12) NOT NULL,
    sent_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (deadline_id, remind_at, kind)
);

-- The formal feedback meetings held with each city (第十条); the next one is due from the latest.
CREATE TABLE city_feedback (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    city_id     BIGINT       NOT NULL,
    held_on     DATE         NOT NULL,
    note        VARCHAR(500),
    recorded_by VARCHAR(160),
    message_id  BIGINT,
    recorded_at DATETIME(3)  NOT NULL,
    CONSTRAINT uk_city_feedback UNIQUE (city_id, held_on)
);

-- When reminders go out: the default, per kind, or per responsible unit.
CREATE TABLE reminder_setting (
    setting_key VARCHAR(80)  NOT NULL PRIMARY KEY,
    lead_days   VARCHAR(100) NOT NULL,
    time_of_day VARCHAR(5)   NOT NULL,
    updated_by  VARCHAR(160),
    updated_at  DATETIME(3)  NOT NULL
);
