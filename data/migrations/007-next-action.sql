-- 007-next-action.sql — schema version 7: what the queue needs to give
-- every account one next action and a score (src/work/queue.c), copied into
-- account_summary with the rest of the collector's work, so that a
-- collector's queue stays one scan of one index; and an index of the
-- invoices' payment references.
ALTER TABLE account_summary ADD COLUMN plan_next_date TEXT;  -- the next installment of an active plan not yet paid
ALTER TABLE account_summary ADD COLUMN followed_at TEXT;     -- the latest call logged with an outcome, promise or plan made (UTC)
ALTER TABLE account_summary ADD COLUMN recontact_date TEXT;  -- the day that call's outcome set for calling again
ALTER TABLE account_summary ADD COLUMN last_contact TEXT;    -- "AT WHAT": the latest call, e-mail, letter or SMS
ALTER TABLE account_summary ADD COLUMN worked_at TEXT;       -- the latest entry a collector journaled (UTC)
ALTER TABLE account_summary ADD COLUMN dunning_level INTEGER NOT NULL DEFAULT 0; -- the step of the latest reminder
ALTER TABLE account_summary ADD COLUMN phone TEXT;           -- a copy of customers' column
DROP INDEX account_summary_queue;
CREATE INDEX account_summary_queue
	ON account_summary(collector, overdue, name, segment, due_weight, oldest_due, disputes,
			   promise_status, promise_date, task_date, task_text, missed_date, snoozed_until,
			   plan_next_date, followed_at, recontact_date, last_contact, worked_at, dunning_level,
			   phone, open_total);
-- A payment reference finds its invoice at once (relance find, F): the
-- reference a bank statement carries is most often the one stored.
CREATE INDEX invoices_reference ON invoices(reference) WHERE reference IS NOT NULL;
-- What was agreed today (the queue's title: promises and plans made) is
-- read by the day, not from every promise and plan of the book.
CREATE INDEX promises_made ON promises(made_at);
CREATE INDEX plans_made ON plans(created_at);
-- the copies are made again by the next reader
DELETE FROM book_meta WHERE key = 'summary_day';
