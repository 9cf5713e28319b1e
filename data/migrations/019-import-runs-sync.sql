-- 019-import-runs-sync.sql — schema version 19: the record of each import
-- of the ledger travels between copies (004-sync.sql says how), so that a
-- copy that gets the ledger only from change files knows when the office
-- last read it, and says how fresh its payments are (src/book/freshness.c)
-- as the office does. A run is written once and never changed.
CREATE TRIGGER import_runs_sync_insert AFTER INSERT ON import_runs WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('import_runs', NEW.id, 0); END;
CREATE TRIGGER import_runs_sync_delete AFTER DELETE ON import_runs WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('import_runs', OLD.id, 1); END;

-- The runs of a book at schema 18: version 1, made by this copy, not
-- exported yet.
INSERT INTO sync_rows(tbl, key, rev, at, copy, seq)
SELECT 'import_runs', id, 1, CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
       (SELECT n FROM sync_copies WHERE id = (SELECT value FROM book_meta WHERE key = 'copy_id')),
       (SELECT coalesce(max(seq), 0) FROM sync_rows) + row_number() OVER ()
FROM import_runs WHERE true
ON CONFLICT (tbl, key) DO NOTHING;
