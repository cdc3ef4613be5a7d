-- When an outbox row first fell due (a scheduled notice's time, not the moment it was written): retries of a
-- transient failure count their deadline from here, or from a re-send by hand. Rows not yet tried take their due
-- time; the others keep counting from their creation (a null here).
ALTER TABLE outbox_message ADD COLUMN first_due_at DATETIME(3);
UPDATE outbox_message SET first_due_at = next_attempt_at WHERE status = 'PENDING' AND attempts = 0;
