-- 002-account-summary.sql — schema version 2: per-account figures cached for
-- the queue. Derived data: src/summary.c keeps it right in the transaction of
-- every change that moves it, and `relance check --rebuild` remakes it.
--
-- The figures are those of the day `as_of`. Those that grow with time alone
-- are stored so that they stay right on later days: euro-days (sum over the
-- overdue items of open amount x days past due) are day(today) x overdue -
-- due_weight. They hold until an item that was not yet overdue on as_of falls
-- due: the earliest such due date is next_due, and a row with next_due <
-- today (or as_of > today) is stale and recomputed.
CREATE TABLE account_summary (
	account_no    TEXT PRIMARY KEY NOT NULL REFERENCES customers(account_no) ON DELETE CASCADE,
	as_of         TEXT NOT NULL,
	open_total    INTEGER NOT NULL,  -- every open item, credit notes included
	overdue       INTEGER NOT NULL,  -- open invoices past due, open disputes left out
	overdue_items INTEGER NOT NULL,
	due_weight    INTEGER NOT NULL,  -- sum of open x day number (days since 1970) of the due date
	oldest_due    TEXT,              -- of the overdue items
	next_due      TEXT,              -- earliest due date of the open invoices not yet overdue
	disputed      INTEGER NOT NULL   -- open amount of invoices under an open dispute
) WITHOUT ROWID;
CREATE INDEX account_summary_next_due ON account_summary(next_due);
