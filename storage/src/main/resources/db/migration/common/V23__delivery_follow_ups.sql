-- The reminder and the coordinator's message of a notice that asks for 收到 are timed per delivery, from when that
-- chat's notice went out (a chat reached late, after retries or a re-send, is followed up late too); each happens
-- once per delivery. notice.reminded_at / escalated_at keep the first of them. Deliveries of notices already followed
-- up count as followed up.
ALTER TABLE notice_delivery ADD COLUMN reminded_at DATETIME(3);
ALTER TABLE notice_delivery ADD COLUMN escalated_at DATETIME(3);
UPDATE notice_delivery SET reminded_at = (SELECT n.reminded_at FROM notice n WHERE n.id = notice_delivery.notice_id)
WHERE reminded_at IS NULL;
UPDATE notice_delivery SET escalated_at = (SELECT n.escalated_at FROM notice n WHERE n.id = notice_delivery.notice_id)
WHERE escalated_at IS NULL;
