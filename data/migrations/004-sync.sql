-- 004-sync.sql — schema version 4: what travels between copies of the book.
--
-- A "unit" is one row of a synced table together with the rows that belong
-- to it (a promise and its invoices; a plan, its installments and its
-- invoices). sync_rows holds one version per unit:
--   rev          a change made on top of version n is n+1 (successive local
--                changes between two exports, however many rows they
--                write, are one change), so a change outranks what it saw
--   at, copy     when (milliseconds since 1970, UTC) and on which copy of the
--                book (sync_copies) the version was made
--   base_at,     the version it was made on top of, as this copy last
--   base_copy    received or exported it (successive local changes between
--                two exports keep the same base): two versions neither of
--                which is the other's base were made apart — a conflict
--   gone         the row was deleted
--   seq          this copy's own order of changes: export sends seq above
--                book_meta 'sync_exported'; it never goes down.
-- Versions are ordered by (rev, at, copy id); the greatest wins everywhere
-- (src/sync_import.c), which makes copies converge in any order.
--
-- Who keeps them: for the collectors' work, the triggers below, so that no
-- write can forget it; for the ledger (collectors, customers, invoices,
-- payments), written in bulk by imports only, the import itself, in one
-- statement at its end (src/sync_versions.c): a trigger per row would
-- double the time of an import. `relance check` finds a row without its
-- version.

-- The copies versions name: this one, the others, and "rules" (the rules'
-- verdicts, the same on every copy).
CREATE TABLE sync_copies (
	n  INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE
);
INSERT INTO sync_copies(id) SELECT value FROM book_meta WHERE key = 'copy_id';
INSERT INTO sync_copies(id) VALUES ('rules');

CREATE TABLE sync_rows (
	tbl       TEXT NOT NULL,
	key       TEXT NOT NULL,
	rev       INTEGER NOT NULL,
	at        INTEGER NOT NULL,
	copy      INTEGER NOT NULL REFERENCES sync_copies(n),
	base_at   INTEGER,
	base_copy INTEGER REFERENCES sync_copies(n),
	gone      INTEGER NOT NULL DEFAULT 0 CHECK (gone IN (0, 1)),
	seq       INTEGER NOT NULL,
	PRIMARY KEY (tbl, key)
) WITHOUT ROWID;
CREATE INDEX sync_rows_seq ON sync_rows(seq);

-- The other copies this one has received changes from.
CREATE TABLE sync_peers (
	copy_id    TEXT PRIMARY KEY NOT NULL,
	name       TEXT,
	user       TEXT,              -- who made their last file
	last_seq   INTEGER NOT NULL,  -- the sender's seq the last file reached
	last_made  TEXT NOT NULL,     -- when that file was made
	received   TEXT NOT NULL,     -- when it was imported here
	files      INTEGER NOT NULL,
	units      INTEGER NOT NULL   -- units that file brought that were new or newer
) WITHOUT ROWID;

-- Two copies may each open a dispute on one invoice before they meet: both
-- are facts and both travel. One open dispute per invoice stays the rule
-- where disputes are opened (dispute.c); resolving one resolves them all.
DROP INDEX disputes_one_open;
CREATE INDEX disputes_open ON disputes(invoice_no) WHERE status = 'open';

-- One place makes a new version: inserting (tbl, key, gone) into the view
-- sync_touch. gone NULL keeps the unit's gone flag (a change to a row that
-- belongs to the unit).
CREATE VIEW sync_touch(tbl, key, gone) AS SELECT NULL, NULL, NULL WHERE 0;
CREATE TRIGGER sync_touch_insert INSTEAD OF INSERT ON sync_touch BEGIN
	INSERT INTO sync_rows(tbl, key, rev, at, copy, gone, seq)
	VALUES (NEW.tbl, NEW.key, 1, CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		(SELECT n FROM sync_copies WHERE id = (SELECT value FROM book_meta WHERE key = 'copy_id')),
		coalesce(NEW.gone, 0), (SELECT coalesce(max(seq), 0) + 1 FROM sync_rows))
	ON CONFLICT (tbl, key) DO UPDATE SET
		-- the base moves on unless the unit was last changed here, after the last export
		base_at = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER)
			FROM book_meta WHERE key = 'sync_exported'), 0), base_at, at),
		base_copy = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER)
			FROM book_meta WHERE key = 'sync_exported'), 0), base_copy, copy),
		-- and so does the number: a change made on top of version n is n+1,
		-- however many rows and commands it took
		rev = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER)
			FROM book_meta WHERE key = 'sync_exported'), 0), rev, rev + 1),
		at = excluded.at, copy = excluded.copy,
		gone = coalesce(NEW.gone, gone), seq = excluded.seq;
END;

-- A change to the collectors' work. Not while book_meta 'sync_quiet' is
-- set: while the rules write what they derive from the units (a promise
-- kept or broken, an installment paid or missed, a plan completed or
-- broken), which every copy derives alike and is no change; and while an
-- import of changes writes versions it brings.
CREATE TRIGGER activities_sync_insert AFTER INSERT ON activities WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('activities', NEW.id, 0); END;
CREATE TRIGGER activities_sync_update AFTER UPDATE ON activities WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('activities', NEW.id, 0); END;
CREATE TRIGGER activities_sync_delete AFTER DELETE ON activities WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('activities', OLD.id, 1); END;
CREATE TRIGGER promises_sync_insert AFTER INSERT ON promises WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('promises', NEW.id, 0); END;
CREATE TRIGGER promises_sync_update AFTER UPDATE ON promises WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('promises', NEW.id, 0); END;
CREATE TRIGGER promises_sync_delete AFTER DELETE ON promises WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('promises', OLD.id, 1); END;
CREATE TRIGGER plans_sync_insert AFTER INSERT ON plans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.id, 0); END;
CREATE TRIGGER plans_sync_update AFTER UPDATE ON plans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.id, 0); END;
CREATE TRIGGER plans_sync_delete AFTER DELETE ON plans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', OLD.id, 1); END;
CREATE TRIGGER disputes_sync_insert AFTER INSERT ON disputes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('disputes', NEW.id, 0); END;
CREATE TRIGGER disputes_sync_update AFTER UPDATE ON disputes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('disputes', NEW.id, 0); END;
CREATE TRIGGER disputes_sync_delete AFTER DELETE ON disputes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('disputes', OLD.id, 1); END;
CREATE TRIGGER tasks_sync_insert AFTER INSERT ON tasks WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('tasks', NEW.id, 0); END;
CREATE TRIGGER tasks_sync_update AFTER UPDATE ON tasks WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('tasks', NEW.id, 0); END;
CREATE TRIGGER tasks_sync_delete AFTER DELETE ON tasks WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('tasks', OLD.id, 1); END;
CREATE TRIGGER account_snoozes_sync_insert AFTER INSERT ON account_snoozes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_snoozes', NEW.id, 0); END;
CREATE TRIGGER account_snoozes_sync_update AFTER UPDATE ON account_snoozes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_snoozes', NEW.id, 0); END;
CREATE TRIGGER account_snoozes_sync_delete AFTER DELETE ON account_snoozes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_snoozes', OLD.id, 1); END;

-- A change to a row that belongs to a unit (not when its head is being deleted).
CREATE TRIGGER promise_invoices_sync_insert AFTER INSERT ON promise_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('promises', NEW.promise_id, NULL); END;
CREATE TRIGGER promise_invoices_sync_update AFTER UPDATE ON promise_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('promises', NEW.promise_id, NULL); END;
CREATE TRIGGER promise_invoices_sync_delete AFTER DELETE ON promise_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
	AND EXISTS (SELECT 1 FROM promises WHERE id = OLD.promise_id)
BEGIN INSERT INTO sync_touch VALUES ('promises', OLD.promise_id, NULL); END;
CREATE TRIGGER plan_installments_sync_insert AFTER INSERT ON plan_installments WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_installments_sync_update AFTER UPDATE ON plan_installments WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_installments_sync_delete AFTER DELETE ON plan_installments WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
	AND EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id)
BEGIN INSERT INTO sync_touch VALUES ('plans', OLD.plan_id, NULL); END;
CREATE TRIGGER plan_invoices_sync_insert AFTER INSERT ON plan_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_invoices_sync_update AFTER UPDATE ON plan_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_invoices_sync_delete AFTER DELETE ON plan_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
	AND EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id)
BEGIN INSERT INTO sync_touch VALUES ('plans', OLD.plan_id, NULL); END;

-- The rows of a book made before schema 4: version 1, made by this copy,
-- not exported yet.
WITH u(tbl, key) AS (
	SELECT 'collectors', login FROM collectors
	UNION ALL
	SELECT 'customers', account_no FROM customers
	UNION ALL
	SELECT 'invoices', invoice_no FROM invoices
	UNION ALL
	SELECT 'payments', payment_ref FROM payments
	UNION ALL
	SELECT 'activities', id FROM activities
	UNION ALL
	SELECT 'promises', id FROM promises
	UNION ALL
	SELECT 'plans', id FROM plans
	UNION ALL
	SELECT 'disputes', id FROM disputes
	UNION ALL
	SELECT 'tasks', id FROM tasks
	UNION ALL
	SELECT 'account_snoozes', id FROM account_snoozes
)
INSERT INTO sync_rows(tbl, key, rev, at, copy, seq)
SELECT tbl, key, 1, CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
       (SELECT n FROM sync_copies WHERE id = (SELECT value FROM book_meta WHERE key = 'copy_id')),
       row_number() OVER ()
FROM u;
