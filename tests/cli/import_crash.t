#!/bin/sh
# import_crash.t — kill -9 at random moments of an import of invoices and
# of an import of changes: the book is whole (integrity_check, relance
# check), back in WAL mode, and exactly as before or as after, each time.
# bench.sh runs the same on the 100,000-account book.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/crash.sh"
seed=${CRASH_SEED:-$(date +%s)}
"$R" demo --accounts 2000 --csv "$T/csv" > /dev/null

B="$T/b.db"
"$R" -d "$B" import customers "$T/csv/customers.csv" > /dev/null
out=$(crash_rounds "$B" 4 "$seed" "$R" -d "$B" import invoices "$T/csv/invoices.csv")
unlike "$out" "BAD" "import invoices killed 4 times (seed $seed): whole, before or after"
printf '%s\n' "$out" | sed 's/^/# /'

# a file of 10,500 journal entries from another copy (a large one: it is
# written as a bulk write)
S="$T/src.db"
D="$T/dst.db"
"$R" -d "$S" import customers "$T/csv/customers.csv" > /dev/null
"$R" clone "$S" "$D" > /dev/null
sqlite3 "$S" "
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10500)
	INSERT INTO activities(id, account_no, at, type, user, copy_id, summary, body)
	SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-8'
	       || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), printf('C%06d', 1 + i % 2000),
	       printf('2026-11-%02dT10:%02d:%02dZ', 1 + i % 23, i % 60, i / 60 % 60), 'note', 'crash',
	       (SELECT value FROM book_meta WHERE key = 'copy_id'), 'Note ' || i, 'Left a message ' || i
	FROM n"
"$R" -d "$S" export changes -o "$T/c.chg" > /dev/null
"$R" -d "$D" check > /dev/null
out=$(crash_rounds "$D" 4 "$seed" "$R" -d "$D" import changes "$T/c.chg")
unlike "$out" "BAD" "import changes killed 4 times (seed $seed): whole, before or after"
printf '%s\n' "$out" | sed 's/^/# /'
done_testing
