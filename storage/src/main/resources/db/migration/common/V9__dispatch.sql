-- Working days (调休 included) and the daily dispatch (每日工作调度, 第四条(七), 第五条(五)).

CREATE TABLE calendar_day (
    calendar_date DATE     NOT NULL PRIMARY KEY,
    kind       VARCHAR(8)  NOT NULL,
    name       VARCHAR(64),
    source     VARCHAR(64) NOT NULL,
    updated_by VARCHAR(64),
    updated_at DATETIME(3) NOT NULL
);

-- What a group reports each day, and when: per round and group kind, or the default for all.
CREATE TABLE dispatch_plan (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_key    VARCHAR(80)  NOT NULL,
    round_id    BIGINT,
    group_kind  VARCHAR(16),
    enabled     BOOLEAN      NOT NULL,
    fields_json LONGTEXT     NOT NULL,
    prompt_at   VARCHAR(5)   NOT NULL,
    reminders   VARCHAR(100) NOT NULL,
    close_at    VARCHAR(5)   NOT NULL,
    days_rule   VARCHAR(24)  NOT NULL,
    updated_by  VARCHAR(64),
    updated_at  DATETIME(3)  NOT NULL,
    CONSTRAINT uk_dispatch_plan UNIQUE (plan_key)
);

-- A group's report for a day; a later one replaces it (the earlier stays, not current), so history is kept.
CREATE TABLE daily_report (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    report_date   DATE         NOT NULL,
    work_group_id BIGINT       NOT NULL,
    message_id    BIGINT       NOT NULL,
    reporter_id   VARCHAR(64),
    reporter_name VARCHAR(64),
    submitted_at  DATETIME(3)  NOT NULL,
    late          BOOLEAN      NOT NULL,
    fields_json   LONGTEXT,
    missing       VARCHAR(500),
    current_key   VARCHAR(40),
    CONSTRAINT uk_daily_report_current UNIQUE (current_key)
);
CREATE INDEX ix_daily_report_day ON daily_report (report_date, work_group_id);
CREATE INDEX ix_daily_report_group ON daily_report (work_group_id, report_date);

-- Each stage of a day's dispatch (prompt, reminders, close) happens once, on whichever instance gets to it.
CREATE TABLE dispatch_event (
    event_date DATE        NOT NULL,
    plan_key   VARCHAR(80) NOT NULL,
    stage      VARCHAR(24) NOT NULL,
    done_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (event_date, plan_key, stage)
);
