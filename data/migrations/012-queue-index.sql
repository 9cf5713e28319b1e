-- 012-queue-index.sql — schema version 12: the queue's covering index holds
-- only the accounts that can be in a queue: something overdue, or one of
-- the columns a next action is made of (src/work/queue.c, QUEUE_CANDIDATE,
-- which spells the same condition so that SQLite uses this index). A
-- collector's queue reads half the entries it read, and the accounts with
-- nothing to do (most of a book) cost no index entry when they change.
DROP INDEX account_summary_queue;
CREATE INDEX account_summary_queue
	ON account_summary(collector, overdue, name, segment, due_weight, oldest_due, disputes,
			   promise_status, promise_date, task_date, task_text, missed_date, snoozed_until,
			   plan_next_date, followed_at, recontact_date, last_contact, worked_at, dunning_level,
			   phone, open_total)
	WHERE overdue > 0 OR oldest_due IS NOT NULL OR promise_status IS NOT NULL OR promise_date IS NOT NULL
	   OR task_date IS NOT NULL OR missed_date IS NOT NULL OR snoozed_until IS NOT NULL
	   OR plan_next_date IS NOT NULL OR recontact_date IS NOT NULL OR worked_at IS NOT NULL;
-- The open promises by their date: the workstation's start (and every new
-- day) asks which have lapsed; it scanned every promise of the book.
CREATE INDEX promises_open ON promises(promised_date) WHERE status = 'open';
