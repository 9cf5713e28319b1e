-- 016-bank-sync.sql — schema version 16: the bank's rows travel between
-- copies like the rest of the work (004-sync.sql says how), and a ledger
-- payment that shows a bank credit is found at once.
--
-- Units (src/book/sync_tables.c):
--   bank_statements   a statement, as the bank gave it
--   bank_movements    a movement, with its allocations (bank_allocations):
--                     a match, an unmatch, the ledger booking it, each is a
--                     new version of the movement's unit
--   customers         their IBANs (customer_ibans) belong to them: an IBAN
--                     learned from a match is a new version of the account
-- An invoice whose open amount a match lowers gets its new version from
-- whoever writes it (bank_apply: INSERT INTO sync_touch VALUES ('invoices',
-- invoice_no, NULL); a ledger import: sync_ledger_record).
-- Kept by triggers, so that no write can forget it; not while sync_quiet
-- (an import of changes brings its versions).

CREATE TRIGGER bank_statements_sync_insert AFTER INSERT ON bank_statements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_statements', NEW.id, 0); END;
CREATE TRIGGER bank_statements_sync_update AFTER UPDATE ON bank_statements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_statements', NEW.id, 0); END;
CREATE TRIGGER bank_statements_sync_delete AFTER DELETE ON bank_statements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_statements', OLD.id, 1); END;
CREATE TRIGGER bank_movements_sync_insert AFTER INSERT ON bank_movements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', NEW.id, 0); END;
CREATE TRIGGER bank_movements_sync_update AFTER UPDATE ON bank_movements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', NEW.id, 0); END;
CREATE TRIGGER bank_movements_sync_delete AFTER DELETE ON bank_movements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', OLD.id, 1); END;

-- A change to a row that belongs to a unit (not when its head is being deleted).
CREATE TRIGGER bank_allocations_sync_insert AFTER INSERT ON bank_allocations WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', NEW.movement_id, NULL); END;
CREATE TRIGGER bank_allocations_sync_update AFTER UPDATE ON bank_allocations WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', NEW.movement_id, NULL); END;
CREATE TRIGGER bank_allocations_sync_delete AFTER DELETE ON bank_allocations WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
	AND EXISTS (SELECT 1 FROM bank_movements WHERE id = OLD.movement_id)
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', OLD.movement_id, NULL); END;
CREATE TRIGGER customer_ibans_sync_insert AFTER INSERT ON customer_ibans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('customers', NEW.account_no, NULL); END;
CREATE TRIGGER customer_ibans_sync_update AFTER UPDATE ON customer_ibans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('customers', NEW.account_no, NULL); END;
CREATE TRIGGER customer_ibans_sync_delete AFTER DELETE ON customer_ibans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
	AND EXISTS (SELECT 1 FROM customers WHERE account_no = OLD.account_no)
BEGIN INSERT INTO sync_touch VALUES ('customers', OLD.account_no, NULL); END;

-- The ledger's payment a credit was booked as: each shows one credit
-- (bank_booked.c asks for a payment not yet taken).
CREATE INDEX bank_movements_ledger_payment ON bank_movements(ledger_payment) WHERE ledger_payment IS NOT NULL;

-- The rows of a book at schema 15: version 1, made by this copy, not
-- exported yet (an IBAN's account has its version already).
INSERT INTO sync_rows(tbl, key, rev, at, copy, seq)
SELECT tbl, key, 1, CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
       (SELECT n FROM sync_copies WHERE id = (SELECT value FROM book_meta WHERE key = 'copy_id')),
       (SELECT coalesce(max(seq), 0) FROM sync_rows) + row_number() OVER ()
FROM (SELECT 'bank_statements' AS tbl, id AS key FROM bank_statements
      UNION ALL SELECT 'bank_movements', id FROM bank_movements) WHERE true
ON CONFLICT (tbl, key) DO NOTHING;
