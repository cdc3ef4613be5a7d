-- A message is filed first and answered after (two transactions), so that a callback is acknowledged as soon as
-- the message is safe, whatever the commands take. answered marks the second step done; a message left unanswered
-- (the bot stopped in between) is answered later by any instance.
ALTER TABLE filed_message ADD COLUMN mentioned BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE filed_message ADD COLUMN answered BOOLEAN DEFAULT TRUE NOT NULL;
CREATE INDEX ix_filed_message_unanswered ON filed_message (answered, received_at);
