-- 003-snoozes.sql — schema version 3: an account can be snoozed (put out of
-- the queue) until a date. Collector work, keyed by unique ids like the rest;
-- the latest snooze of an account is the one in force. Its date is copied
-- into account_summary so that the queue reads it from its index.
CREATE TABLE account_snoozes (
	id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	account_no TEXT NOT NULL REFERENCES customers(account_no),
	until      TEXT NOT NULL,         -- out of the queue before this day
	user       TEXT NOT NULL,
	at         TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX account_snoozes_account ON account_snoozes(account_no, at);

ALTER TABLE account_summary ADD COLUMN snoozed_until TEXT;
DROP INDEX account_summary_queue;
CREATE INDEX account_summary_queue
	ON account_summary(collector, overdue, name, segment, due_weight, oldest_due, disputes,
			   promise_status, promise_date, task_date, task_text, missed_date, snoozed_until);
-- the copies are made again by the next reader
DELETE FROM book_meta WHERE key = 'summary_day';
