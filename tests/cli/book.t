#!/bin/sh
# book.t — where the book lives, how it is protected: the path rules, mode
# 0600, the append-only journal, ids that copies never share, schema
# versions, files that are not books, and `relance check`.
. "$(dirname "$0")/../lib/tap.sh"

# location: -d, then RELANCE_DB, then XDG_DATA_HOME, then ~/.local/share
"$R" import customers "$DATA/customers.csv" >/dev/null
ok "default: ~/.local/share/relance/relance.db" test -f "$HOME/.local/share/relance/relance.db"
is "$(stat -c %a "$HOME/.local/share/relance")" 700 "its directory is made private"
XDG_DATA_HOME="$T/xdg" "$R" import customers "$DATA/customers.csv" >/dev/null
ok "XDG_DATA_HOME is honoured" test -f "$T/xdg/relance/relance.db"
RELANCE_DB="$T/env.db" XDG_DATA_HOME="$T/xdg2" "$R" import customers "$DATA/customers.csv" >/dev/null
ok "RELANCE_DB wins over XDG_DATA_HOME" test -f "$T/env.db"
RELANCE_DB="$T/env2.db" "$R" -d "$T/flag.db" import customers "$DATA/customers.csv" >/dev/null
ok "-d wins over RELANCE_DB" test -f "$T/flag.db"
ok "-d may come after the command" "$R" accounts -d "$T/flag.db"
ok "... and --db=FILE" "$R" --db="$T/flag.db" accounts
is "$(stat -c %a "$T/flag.db")" 600 "mode 0600"
fails "reading commands never create a book" "$R" -d "$T/none.db" accounts
ok "... and leave no file behind" test ! -e "$T/none.db"
out=$("$R" -d "$T/none.db" accounts 2>&1)
like "$out" "no book at .*none.db" "and say so"

B="$T/book.db"
"$R" -d "$B" demo --accounts 20 >/dev/null
is "$(sqlite3 "$B" 'PRAGMA journal_mode')" wal "the book is in WAL mode"
is "$(sqlite3 "$B" 'PRAGMA user_version')" "$SCHEMA" "schema version $SCHEMA"
ok "the demo book passes check" "$R" -d "$B" check

# the journal is append-only, in the database itself
id=$(sqlite3 "$B" 'SELECT id FROM activities LIMIT 1')
out=$(sqlite3 "$B" "UPDATE activities SET summary = 'x' WHERE id = '$id'" 2>&1)
like "$out" "activities is a journal: entries cannot be changed" "UPDATE on the journal is refused"
out=$(sqlite3 "$B" "DELETE FROM activities WHERE id = '$id'" 2>&1)
like "$out" "activities is a journal: entries cannot be deleted" "DELETE on the journal is refused"
like "$id" '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' "ids are UUIDv7"

# a copy made with cp mints other ids than the original
"$R" -d "$T/orig.db" import customers "$DATA/customers.csv" >/dev/null
cp "$T/orig.db" "$T/copy.db"
sqlite3 "$T/orig.db" "DELETE FROM customers; DELETE FROM collectors"
sqlite3 "$T/copy.db" "DELETE FROM customers; DELETE FROM collectors"
"$R" -d "$T/orig.db" demo --accounts 30 --seed 5 >/dev/null
"$R" -d "$T/copy.db" demo --accounts 30 --seed 5 >/dev/null
sqlite3 "$T/orig.db" "ATTACH '$T/copy.db' AS c;
	SELECT count(*) FROM activities a JOIN c.activities b USING (id)" > "$T/shared"
is "$(cat "$T/shared")" 0 "two copies doing the same work share no id"
is "$(sqlite3 "$T/orig.db" 'SELECT count(*) FROM activities')" \
   "$(sqlite3 "$T/copy.db" 'SELECT count(*) FROM activities')" "(and they did the same work)"

# files that are not books, and books from the future
echo "hello" > "$T/text.db"
out=$("$R" -d "$T/text.db" accounts 2>&1)
like "$out" "text.db is not a relance book" "a text file is refused"
sqlite3 "$T/other.db" "CREATE TABLE t(x)"
out=$("$R" -d "$T/other.db" accounts 2>&1)
like "$out" "other.db is an SQLite database but not a relance book" "another SQLite database is refused"
is "$(sqlite3 "$T/other.db" "SELECT count(*) FROM sqlite_schema")" 1 "and left untouched"
cp "$B" "$T/future.db"
sqlite3 "$T/future.db" "PRAGMA user_version = 99"
out=$("$R" -d "$T/future.db" accounts 2>&1)
like "$out" "schema version 99; this relance knows up to $SCHEMA: use a newer relance" "a newer schema is refused with the version"
sqlite3 "$T/future.db" "PRAGMA journal_mode = DELETE" >/dev/null
"$R" -d "$T/future.db" accounts 2>/dev/null
is "$(sqlite3 "$T/future.db" 'PRAGMA journal_mode')" delete "and left as it was"

# relance check finds what is wrong
cp "$B" "$T/broken.db"
sqlite3 "$T/broken.db" "PRAGMA ignore_check_constraints = 1;
	UPDATE invoices SET status = 'open' WHERE invoice_no = (SELECT min(invoice_no) FROM invoices WHERE status = 'closed');
	DROP TRIGGER activities_append_only_delete; DROP TRIGGER promises_sync_update;"
out=$("$R" -d "$T/broken.db" check)
is "$?" 1 "check exits 1 on a broken book"
like "$out" "FAIL  invoice status follows its open amount" "it names the broken invariant"
like "$out" "missing trigger activities_append_only_delete" "and the missing trigger"
like "$out" "missing trigger promises_sync_update" "a missing sync trigger too: changes would not travel"
like "$out" "CHECK constraint failed in invoices" "SQLite's own check sees it too"
like "$out" "FAIL: 6 problems" "and counts them (the cached figures and the kept aging buckets no longer match either)"
cp "$B" "$T/orphan.db"
sqlite3 "$T/orphan.db" "PRAGMA foreign_keys = OFF; INSERT INTO invoices(invoice_no, account_no, due_date, amount, open_amount, status, imported_at) VALUES ('ORPH1', 'GHOST', '2026-01-01', 100, 100, 'open', 'x')"
out=$("$R" -d "$T/orphan.db" check)
like "$out" "invoices ORPH1 -> customers GHOST" "an orphan row is named by its key"

done_testing
