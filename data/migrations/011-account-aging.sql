-- 011-account-aging.sql — schema version 11: each account's open amounts by
-- age bucket and currency, kept for the aging report of today and the
-- dashboard (report aging as of another day reads the invoices). Derived
-- data like account_summary: src/book/summary.c computes a row whenever it
-- computes the account's summary, and `relance check --rebuild` remakes
-- both. A row holds the buckets of the day as_of; they stay right until
-- next_change, the first day an open item moves to the next bucket (or an
-- invoice issued later starts to count): the report recomputes the rows
-- whose day has come before it reads them.
-- Buckets, in days past the due date: 0 not due (0 or less), 1 1-30,
-- 2 31-60, 3 61-90, 4 91-180, 5 over 180. a: open amount (credit notes
-- negative), d: the part under an open dispute, n: open items.
CREATE TABLE account_aging (
	account_no  TEXT NOT NULL REFERENCES customers(account_no) ON DELETE CASCADE,
	currency    TEXT NOT NULL,
	as_of       TEXT NOT NULL,
	next_change TEXT,
	a0 INTEGER NOT NULL, a1 INTEGER NOT NULL, a2 INTEGER NOT NULL,
	a3 INTEGER NOT NULL, a4 INTEGER NOT NULL, a5 INTEGER NOT NULL,
	d0 INTEGER NOT NULL, d1 INTEGER NOT NULL, d2 INTEGER NOT NULL,
	d3 INTEGER NOT NULL, d4 INTEGER NOT NULL, d5 INTEGER NOT NULL,
	n0 INTEGER NOT NULL, n1 INTEGER NOT NULL, n2 INTEGER NOT NULL,
	n3 INTEGER NOT NULL, n4 INTEGER NOT NULL, n5 INTEGER NOT NULL,
	PRIMARY KEY (account_no, currency)
) WITHOUT ROWID;
-- Filled by the next reader: the summary's day mark goes, so the summary
-- (and with it this table) is computed again in one pass.
DELETE FROM book_meta WHERE key = 'summary_day';
