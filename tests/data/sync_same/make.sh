#!/bin/sh
# make.sh — made the fixtures of tests/cli/sync_import_same.t with the
# relance of commit 5c1075c (before import changes was made faster): three
# copies' books as sqlite3 .dump text and their change files. Kept to show
# how they were made; run it only to remake them with a relance known good:
#   RELANCE=... TESTS_DATA=tests/data sh tests/data/sync_same/make.sh OUTDIR
set -eu
R=$RELANCE DATA=$TESTS_DATA OUT=$1
export RELANCE_TODAY=2026-11-24
T=$(mktemp -d) O="$T/office.db" A="$T/alice.db" B="$T/bob.db"
o() { "$R" -d "$O" --user office "$@"; }
a() { "$R" -d "$A" --user alice "$@"; }
b() { "$R" -d "$B" --user bob "$@"; }
. "$(dirname "$0")/../../lib/queue_book.sh"
# dump DB: the book as text, with the two numbers .dump leaves out
dump() {
	sqlite3 "$1" .dump
	sqlite3 "$1" "SELECT 'PRAGMA application_id = ' || (SELECT * FROM pragma_application_id) || ';'
		|| char(10) || 'PRAGMA user_version = ' || (SELECT * FROM pragma_user_version) || ';'"
}
queue_book "$O"
o sync name office >/dev/null
P=$(o promise add Q1 --date 2026-12-10 --amount 300)
TASK=$(o task add Q2 --date 2026-11-30 send the statement)
o export changes -o "$OUT/o1.chg" >/dev/null
a sync join "$O" >/dev/null; b sync join "$O" >/dev/null
dump "$A" > "$OUT/empty.sql" # alice's book before any file
a import changes "$OUT/o1.chg" >/dev/null; b import changes "$OUT/o1.chg" >/dev/null
a sync name alice >/dev/null; b sync name bob >/dev/null
printf 'payment_ref,account_no,date,amount,invoice_no\nPAY-1,Q2,2026-11-23,100.00,Q2-1\n' > "$T/pay.csv"
o import payments "$T/pay.csv" >/dev/null
o export changes -o "$OUT/o2.chg" >/dev/null
a log call Q1 --outcome reached --note "alice: will pay on the 15th" >/dev/null
a note Q1 "alice: sent the copy invoice" >/dev/null
a promise change "$P" --date 2026-12-15 >/dev/null
a plan add Q4 --installments 3 --every month --first 2026-12-01 >/dev/null
a dispute Q7-1 --reason price >/dev/null
a task done "$TASK" >/dev/null
sleep 1
b log call Q1 --outcome busy >/dev/null
b note Q1 "bob: the debtor withdrew the promise" >/dev/null
b promise cancel "$P" --note "withdrawn by phone" >/dev/null
b dispute Q7-1 --reason quality >/dev/null
b task done "$TASK" >/dev/null
a export changes -o "$OUT/a1.chg" >/dev/null
b export changes -o "$OUT/b1.chg" >/dev/null
dump "$O" > "$OUT/office.sql"
dump "$B" > "$OUT/bob.sql"
rm -rf "$T"
