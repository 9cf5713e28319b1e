#!/bin/sh
# sync_quiet.t — schema 22: the 44 triggers that version the collectors'
# work and the bank's no longer each check book_meta 'sync_quiet' (a
# subquery SQLite parsed at every start); they go through the view
# sync_auto, which checks it once. A book at schema 21 migrates; a write
# makes its version, none while quiet; a direct insert into sync_touch
# makes one even while quiet, as before.
. "$(dirname "$0")/../lib/tap.sh"
cd "$(dirname "$0")/../.." || exit 1
B="$T/old.db"
# a book at schema 21, made from the migrations as a relance of then would
cat data/schema.sql data/migrations/0[01]*.sql data/migrations/02[01]-*.sql | sqlite3 "$B"
sqlite3 "$B" "PRAGMA user_version = 21;
	INSERT INTO customers(account_no, name, imported_at) VALUES ('Q1', 'Quinn', '2026-11-01T00:00:00Z')" >/dev/null
is "$(sqlite3 "$B" "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%sync_quiet%'")" 44 "schema 21: 44 triggers check sync_quiet"
ok "relance opens it" "$R" -d "$B" note Q1 "first note"
is "$(sqlite3 "$B" "PRAGMA user_version")" 22 "and brings it to schema 22"
is "$(sqlite3 "$B" "SELECT name FROM sqlite_schema WHERE sql LIKE '%sync_quiet%'")" sync_auto_insert \
	"one trigger checks sync_quiet"
is "$(sqlite3 "$B" "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%INTO sync_auto %'")" 44 \
	"the 44 triggers make their versions through sync_auto"
versions() { sqlite3 "$B" "SELECT count(*) FROM sync_rows WHERE tbl = 'activities'"; }
is "$(versions)" 1 "the note has its version"
ok "a second note" "$R" -d "$B" note Q1 "second note"
is "$(versions)" 2 "has its own"
sqlite3 "$B" "INSERT INTO book_meta(key, value) VALUES ('sync_quiet', '1')"
ok "a note while sync_quiet is set" "$R" -d "$B" note Q1 "quiet note"
is "$(versions)" 2 "makes no version"
sqlite3 "$B" "INSERT INTO sync_touch(tbl, key, gone) VALUES ('invoices', 'I-1', NULL)"
is "$(sqlite3 "$B" "SELECT count(*) FROM sync_rows WHERE tbl = 'invoices' AND key = 'I-1'")" 1 \
	"a direct insert into sync_touch makes one even then"
sqlite3 "$B" "DELETE FROM book_meta WHERE key = 'sync_quiet'"
ok "a note once sync_quiet is gone" "$R" -d "$B" note Q1 "loud note"
is "$(versions)" 3 "has its version (the quiet one still has none)"
done_testing
