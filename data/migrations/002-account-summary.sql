-- 002-account-summary.sql — schema version 2: per-account figures cached for
-- the queue. Derived data: src/summary.c keeps it right in the transaction of
-- every change that moves it, and `relance check --rebuild` remakes it.
--
-- The figures are those of the day `as_of`. Those that grow with time alone
-- are stored so that they stay right on later days: euro-days (sum over the
-- overdue items of open amount x days past due) are day(today) x overdue -
-- due_weight. They hold until an item that was not yet overdue on as_of falls
-- due: the earliest such due date is next_due; a row with next_due < today is
-- stale and recomputed (book_meta 'summary_day' says when rows were last
-- brought up to date).
--
-- The account's collector, name and segment, and what the collector has to
-- do on it (the latest promise, the next open task, a missed installment,
-- open disputes) are copied here, so that the queue of a collector is one
-- scan of one index (account_summary_queue); which of those actions are due
-- is decided with today's date when the queue is read.
CREATE TABLE account_summary (
	account_no    TEXT PRIMARY KEY NOT NULL REFERENCES customers(account_no) ON DELETE CASCADE,
	collector     TEXT,              -- copies of customers' columns
	name          TEXT NOT NULL,
	segment       TEXT,
	as_of         TEXT NOT NULL,
	open_total    INTEGER NOT NULL,  -- every open item, credit notes included
	overdue       INTEGER NOT NULL,  -- open invoices past due, open disputes left out
	overdue_items INTEGER NOT NULL,
	due_weight    INTEGER NOT NULL,  -- sum of open x day number (days since 1970) of the due date
	oldest_due    TEXT,              -- of the overdue items
	next_due      TEXT,              -- earliest due date of the open invoices not yet overdue
	disputed      INTEGER NOT NULL,  -- open amount of invoices under an open dispute
	disputes      INTEGER NOT NULL,  -- open disputes
	promise_status TEXT,             -- of the latest promise not cancelled: open, kept, ...
	promise_date  TEXT,              -- its promised date
	task_date     TEXT,              -- the earliest open task: its date
	task_text     TEXT,              -- and its text
	missed_date   TEXT               -- the earliest missed installment of an active plan
) WITHOUT ROWID;
CREATE INDEX account_summary_next_due ON account_summary(next_due);
CREATE INDEX account_summary_queue
	ON account_summary(collector, overdue, name, segment, due_weight, oldest_due, disputes,
			   promise_status, promise_date, task_date, task_text, missed_date);

-- The latest promise of every account, read from the index alone.
CREATE INDEX promises_latest ON promises(account_no, made_at, status, promised_date);
