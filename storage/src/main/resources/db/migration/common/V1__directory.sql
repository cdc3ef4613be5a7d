-- The organisation: responsible units, cities, rounds, work groups, members, chats (domain.md, "Who is in the groups").

CREATE TABLE org_unit (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(100) NOT NULL,
    coordinator_user_id VARCHAR(64),
    coordinator_name    VARCHAR(64),
    CONSTRAINT uk_org_unit_name UNIQUE (name)
);

CREATE TABLE city (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(64) NOT NULL,
    lead_unit_id BIGINT      NOT NULL,
    CONSTRAINT uk_city_name UNIQUE (name),
    CONSTRAINT fk_city_lead_unit FOREIGN KEY (lead_unit_id) REFERENCES org_unit (id)
);

CREATE TABLE city_co_unit (
    city_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    PRIMARY KEY (city_id, unit_id),
    CONSTRAINT fk_city_co_unit_city FOREIGN KEY (city_id) REFERENCES city (id),
    CONSTRAINT fk_city_co_unit_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);

CREATE TABLE campaign_round (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(64) NOT NULL,
    start_date DATE        NOT NULL,
    end_date   DATE        NOT NULL,
    CONSTRAINT uk_campaign_round_name UNIQUE (name)
);

CREATE TABLE work_group (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    name     VARCHAR(100) NOT NULL,
    round_id BIGINT       NOT NULL,
    city_id  BIGINT       NOT NULL,
    unit_id  BIGINT       NOT NULL,
    kind     VARCHAR(16)  NOT NULL,
    CONSTRAINT uk_work_group_round_name UNIQUE (round_id, name),
    CONSTRAINT fk_work_group_round FOREIGN KEY (round_id) REFERENCES campaign_round (id),
    CONSTRAINT fk_work_group_city FOREIGN KEY (city_id) REFERENCES city (id),
    CONSTRAINT fk_work_group_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);

CREATE TABLE group_member (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    work_group_id BIGINT      NOT NULL,
    user_id       VARCHAR(64) NOT NULL,
    name          VARCHAR(64) NOT NULL,
    role          VARCHAR(16) NOT NULL,
    CONSTRAINT uk_group_member UNIQUE (work_group_id, user_id),
    CONSTRAINT fk_group_member_group FOREIGN KEY (work_group_id) REFERENCES work_group (id)
);
CREATE INDEX ix_group_member_user ON group_member (user_id);

-- A chat the bot is in: bound to a work group, or a bureau chat when work_group_id is NULL.
CREATE TABLE chat (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel       VARCHAR(16)  NOT NULL,
    chat_id       VARCHAR(128) NOT NULL,
    work_group_id BIGINT,
    name          VARCHAR(100),
    webhook_key   VARCHAR(128),
    CONSTRAINT uk_chat UNIQUE (channel, chat_id),
    CONSTRAINT fk_chat_group FOREIGN KEY (work_group_id) REFERENCES work_group (id)
);

CREATE TABLE bureau_staff (
    user_id VARCHAR(64) NOT NULL PRIMARY KEY,
    name    VARCHAR(64) NOT NULL
);

-- Bumped by every directory change, so that every instance of the bot knows when to reload its snapshot.
CREATE TABLE directory_revision (
    id         INT    NOT NULL PRIMARY KEY,
    revision   BIGINT NOT NULL,
    changed_at DATETIME(3)
);
INSERT INTO directory_revision (id, revision, changed_at) VALUES (1, 0, NULL);
