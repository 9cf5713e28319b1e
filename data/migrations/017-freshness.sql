-- 017-freshness.sql — how fresh the book's payments are (src/book/freshness.c)
-- asks for the latest import of invoices and of payments: each a look-up at
-- the end of this index, never a read of every import the book remembers.
CREATE INDEX import_runs_kind_at ON import_runs(kind, at);
