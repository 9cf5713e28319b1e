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
CREATE INDEX account_aging_next ON account_aging(next_change);
CREATE INDEX account_aging_day ON account_aging(as_of);

-- The sums of account_aging per currency, kept by its triggers: today's
-- aging of the whole book without reading every account. c0..c5: the
-- accounts with an open item in each bucket.
CREATE TABLE aging_totals (
	currency TEXT PRIMARY KEY NOT NULL,
	a0 INTEGER NOT NULL DEFAULT 0,
	a1 INTEGER NOT NULL DEFAULT 0,
	a2 INTEGER NOT NULL DEFAULT 0,
	a3 INTEGER NOT NULL DEFAULT 0,
	a4 INTEGER NOT NULL DEFAULT 0,
	a5 INTEGER NOT NULL DEFAULT 0,
	d0 INTEGER NOT NULL DEFAULT 0,
	d1 INTEGER NOT NULL DEFAULT 0,
	d2 INTEGER NOT NULL DEFAULT 0,
	d3 INTEGER NOT NULL DEFAULT 0,
	d4 INTEGER NOT NULL DEFAULT 0,
	d5 INTEGER NOT NULL DEFAULT 0,
	n0 INTEGER NOT NULL DEFAULT 0,
	n1 INTEGER NOT NULL DEFAULT 0,
	n2 INTEGER NOT NULL DEFAULT 0,
	n3 INTEGER NOT NULL DEFAULT 0,
	n4 INTEGER NOT NULL DEFAULT 0,
	n5 INTEGER NOT NULL DEFAULT 0,
	c0 INTEGER NOT NULL DEFAULT 0,
	c1 INTEGER NOT NULL DEFAULT 0,
	c2 INTEGER NOT NULL DEFAULT 0,
	c3 INTEGER NOT NULL DEFAULT 0,
	c4 INTEGER NOT NULL DEFAULT 0,
	c5 INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TRIGGER account_aging_add AFTER INSERT ON account_aging BEGIN
	INSERT INTO aging_totals(currency, a0, a1, a2, a3, a4, a5, d0, d1, d2, d3, d4, d5,
		n0, n1, n2, n3, n4, n5, c0, c1, c2, c3, c4, c5) VALUES (NEW.currency, NEW.a0, NEW.a1,
		NEW.a2, NEW.a3, NEW.a4, NEW.a5, NEW.d0, NEW.d1, NEW.d2, NEW.d3, NEW.d4, NEW.d5,
		NEW.n0, NEW.n1, NEW.n2, NEW.n3, NEW.n4, NEW.n5, NEW.n0 > 0, NEW.n1 > 0, NEW.n2 > 0,
		NEW.n3 > 0, NEW.n4 > 0, NEW.n5 > 0)
	ON CONFLICT (currency) DO UPDATE SET a0 = a0 + excluded.a0, a1 = a1 + excluded.a1,
		a2 = a2 + excluded.a2, a3 = a3 + excluded.a3, a4 = a4 + excluded.a4,
		a5 = a5 + excluded.a5, d0 = d0 + excluded.d0, d1 = d1 + excluded.d1,
		d2 = d2 + excluded.d2, d3 = d3 + excluded.d3, d4 = d4 + excluded.d4,
		d5 = d5 + excluded.d5, n0 = n0 + excluded.n0, n1 = n1 + excluded.n1,
		n2 = n2 + excluded.n2, n3 = n3 + excluded.n3, n4 = n4 + excluded.n4,
		n5 = n5 + excluded.n5, c0 = c0 + excluded.c0, c1 = c1 + excluded.c1,
		c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4,
		c5 = c5 + excluded.c5;
END;
CREATE TRIGGER account_aging_remove AFTER DELETE ON account_aging BEGIN
	UPDATE aging_totals SET a0 = a0 - OLD.a0, a1 = a1 - OLD.a1, a2 = a2 - OLD.a2,
		a3 = a3 - OLD.a3, a4 = a4 - OLD.a4, a5 = a5 - OLD.a5, d0 = d0 - OLD.d0,
		d1 = d1 - OLD.d1, d2 = d2 - OLD.d2, d3 = d3 - OLD.d3, d4 = d4 - OLD.d4,
		d5 = d5 - OLD.d5, n0 = n0 - OLD.n0, n1 = n1 - OLD.n1, n2 = n2 - OLD.n2,
		n3 = n3 - OLD.n3, n4 = n4 - OLD.n4, n5 = n5 - OLD.n5, c0 = c0 - (OLD.n0 > 0),
		c1 = c1 - (OLD.n1 > 0), c2 = c2 - (OLD.n2 > 0), c3 = c3 - (OLD.n3 > 0),
		c4 = c4 - (OLD.n4 > 0), c5 = c5 - (OLD.n5 > 0) WHERE currency = OLD.currency;
END;
CREATE TRIGGER account_aging_change AFTER UPDATE ON account_aging BEGIN
	UPDATE aging_totals SET a0 = a0 - OLD.a0, a1 = a1 - OLD.a1, a2 = a2 - OLD.a2,
		a3 = a3 - OLD.a3, a4 = a4 - OLD.a4, a5 = a5 - OLD.a5, d0 = d0 - OLD.d0,
		d1 = d1 - OLD.d1, d2 = d2 - OLD.d2, d3 = d3 - OLD.d3, d4 = d4 - OLD.d4,
		d5 = d5 - OLD.d5, n0 = n0 - OLD.n0, n1 = n1 - OLD.n1, n2 = n2 - OLD.n2,
		n3 = n3 - OLD.n3, n4 = n4 - OLD.n4, n5 = n5 - OLD.n5, c0 = c0 - (OLD.n0 > 0),
		c1 = c1 - (OLD.n1 > 0), c2 = c2 - (OLD.n2 > 0), c3 = c3 - (OLD.n3 > 0),
		c4 = c4 - (OLD.n4 > 0), c5 = c5 - (OLD.n5 > 0) WHERE currency = OLD.currency;
	INSERT INTO aging_totals(currency, a0, a1, a2, a3, a4, a5, d0, d1, d2, d3, d4, d5,
		n0, n1, n2, n3, n4, n5, c0, c1, c2, c3, c4, c5) VALUES (NEW.currency, NEW.a0, NEW.a1,
		NEW.a2, NEW.a3, NEW.a4, NEW.a5, NEW.d0, NEW.d1, NEW.d2, NEW.d3, NEW.d4, NEW.d5,
		NEW.n0, NEW.n1, NEW.n2, NEW.n3, NEW.n4, NEW.n5, NEW.n0 > 0, NEW.n1 > 0, NEW.n2 > 0,
		NEW.n3 > 0, NEW.n4 > 0, NEW.n5 > 0)
	ON CONFLICT (currency) DO UPDATE SET a0 = a0 + excluded.a0, a1 = a1 + excluded.a1,
		a2 = a2 + excluded.a2, a3 = a3 + excluded.a3, a4 = a4 + excluded.a4,
		a5 = a5 + excluded.a5, d0 = d0 + excluded.d0, d1 = d1 + excluded.d1,
		d2 = d2 + excluded.d2, d3 = d3 + excluded.d3, d4 = d4 + excluded.d4,
		d5 = d5 + excluded.d5, n0 = n0 + excluded.n0, n1 = n1 + excluded.n1,
		n2 = n2 + excluded.n2, n3 = n3 + excluded.n3, n4 = n4 + excluded.n4,
		n5 = n5 + excluded.n5, c0 = c0 + excluded.c0, c1 = c1 + excluded.c1,
		c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4,
		c5 = c5 + excluded.c5;
END;

-- Filled by the next reader: the summary's day mark goes, so the summary
-- (and with it this table) is computed again in one pass.
DELETE FROM book_meta WHERE key = 'summary_day';
