-- 013-accounts-aging.sql — schema version 13: what `relance accounts` reads
-- besides the buckets, so that it lists a book from the kept rows of
-- account_aging (src/book/ledger.c): k1..k5, the open credit notes not
-- under dispute in each bucket past due (the list counts them as current);
-- late_since, the oldest due date of the invoices past due and not under
-- dispute; af and df, the open amount of the items dated after as_of (no
-- bucket counts them yet) and its part under dispute. The rows are made
-- again by the next reader.
ALTER TABLE account_aging ADD COLUMN k1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account_aging ADD COLUMN k2 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account_aging ADD COLUMN k3 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account_aging ADD COLUMN k4 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account_aging ADD COLUMN k5 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account_aging ADD COLUMN late_since TEXT;
ALTER TABLE account_aging ADD COLUMN af INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account_aging ADD COLUMN df INTEGER NOT NULL DEFAULT 0;
DELETE FROM book_meta WHERE key = 'summary_day';
