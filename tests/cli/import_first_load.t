#!/bin/sh
# import_first_load.t — the first import of invoices into a book without
# any (first_load: one INSERT, the reference numbers bound once, the
# versions numbered from the staging table when the file is in key order)
# leaves the book exactly as the statements of a book with invoices do
# (RELANCE_IMPORT_GENERAL=1): the invoices and their numbers, the
# versions, the accounts' figures, the warnings; and a first import with
# an error leaves nothing.
. "$(dirname "$0")/../lib/tap.sh"

# An OGM of a ten-digit number: +++ddd/dddd/dddcc+++, cc its check.
# $1: 200 rows in key order, ledger references (4000000000 + i) only.
# $2 "mixed": also one reference of a number the book gave (account A2's,
# 9000000002, a warning), one of a number still to give (9000000010, kept
# from being given), one reference twice (a warning).
gen() {
	awk -v mixed="$1" 'function ogm(n,  c, s) {
		c = n % 97; if (c == 0) c = 97
		s = sprintf("%010.0f%02d", n, c)
		return "+++" substr(s, 1, 3) "/" substr(s, 4, 4) "/" substr(s, 8, 5) "+++"
	}
	BEGIN {
		print "invoice_no,account_no,kind,issue_date,due_date,amount,open_amount,currency,reference,description"
		for (i = 1; i <= 200; i++) {
			acc = "A" (1 + i % 3)
			ref = ogm(4000000000 + i)
			if (mixed && i == 5) ref = ogm(9000000002)
			if (mixed && i == 7) ref = ogm(9000000010)
			if (mixed && i == 10) ref = ogm(4000000009)
			if (i % 11 == 0) ref = ""
			if (i % 17 == 0)
				printf "K%04d,%s,credit_note,2026-09-01,2026-09-01,-%d.50,-%d.50,EUR,%s,\n", i, acc, i, i, ref
			else
				printf "K%04d,%s,invoice,2026-01-%02d,2026-%02d-%02d,%d.25,%s,EUR,%s,%s\n", i, acc,
					1 + i % 28, 2 + i % 10, 1 + i % 28, i * 3, i % 5 == 0 ? "0" : (i * 3) ".25", ref,
					i % 7 == 0 ? "Consulting " i : ""
		}
	}'
}
gen "" > "$T/plain.csv"
gen mixed > "$T/mixed.csv"
# the plain file out of key order: the versions are numbered in key order all the same
{ head -1 "$T/plain.csv"; sed 1d "$T/plain.csv" | sort -r; } > "$T/reversed.csv"

dump() {
	sqlite3 "$1" "
		SELECT invoice_no, account_no, kind, issue_date, due_date, amount, open_amount, currency,
		       reference, status, closed_on, description, ref_no FROM invoices ORDER BY invoice_no;
		SELECT count(DISTINCT imported_at), count(*) FROM invoices;
		SELECT tbl, key, rev, copy, base_at, base_copy, gone, seq FROM sync_rows
		WHERE tbl NOT IN ('import_runs') ORDER BY seq;
		SELECT tbl, rev, seq FROM sync_rows WHERE tbl = 'import_runs' ORDER BY seq;
		SELECT * FROM account_summary ORDER BY account_no;
		SELECT * FROM account_aging ORDER BY 1, 2;
		SELECT * FROM aging_totals ORDER BY 1;
		SELECT kind, rows, new, changed, closed, snapshot FROM import_runs ORDER BY at;
		SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name;
		PRAGMA integrity_check;
		PRAGMA journal_mode"
}

for f in plain mixed reversed; do
	for how in first general; do
		B="$T/$f-$how.db"
		"$R" -d "$B" import customers "$DATA/customers.csv" > /dev/null
		"$R" -d "$B" check > /dev/null # the figures kept: the import moves them
		if [ $how = general ]; then
			RELANCE_IMPORT_GENERAL=1 "$R" -d "$B" import invoices "$T/$f.csv" > "$T/$how.out" 2> "$T/$how.err"
		else
			"$R" -d "$B" import invoices "$T/$f.csv" > "$T/$how.out" 2> "$T/$how.err"
		fi
		echo $? >> "$T/$how.out"
		sed -i 's/ in [0-9.]* s$//' "$T/$how.out"
	done
	like "$(cat "$T/first.out")" "200 rows read, 200 new, 0 changed" "$f.csv: every row is new"
	is "$(cat "$T/first.out")" "$(cat "$T/general.out")" "$f.csv: the same summary either way"
	is "$(cat "$T/first.err")" "$(cat "$T/general.err")" "$f.csv: the same warnings either way"
	is "$(dump "$T/$f-first.db")" "$(dump "$T/$f-general.db")" \
		"$f.csv: invoices, numbers, versions, figures, indexes: the same either way"
	ok "$f.csv: relance check finds the first load's book right" "$R" -d "$T/$f-first.db" check
done
is "$(cat "$T/first.err")" "" "(the reversed file warns of nothing)"

# keys of other lengths and bytes, in SQLite's order (BINARY: by bytes,
# then the shorter first; "é" after "a"), and a key twice: either way, the same
for f in keys dup; do
	{
		echo "invoice_no,account_no,issue_date,due_date,amount"
		for k in A A0 B a é1 é10; do echo "$k,A1,2026-09-01,2026-10-01,10.00"; done
		[ $f = dup ] && echo "A0,A2,2026-09-01,2026-10-02,20.00"
	} > "$T/$f.csv"
	for how in first general; do
		B="$T/$f-$how.db"
		"$R" -d "$B" import customers "$DATA/customers.csv" > /dev/null
		if [ $how = general ]; then
			RELANCE_IMPORT_GENERAL=1 "$R" -d "$B" import invoices "$T/$f.csv" > "$T/$how.out" 2>&1
		else
			"$R" -d "$B" import invoices "$T/$f.csv" > "$T/$how.out" 2>&1
		fi
		echo $? >> "$T/$how.out"
		sed -i 's/ in [0-9.]* s$//' "$T/$how.out"
	done
	is "$(cat "$T/first.out")" "$(cat "$T/general.out")" "$f.csv: the same messages and exit either way"
	is "$(dump "$T/$f-first.db")" "$(dump "$T/$f-general.db")" "$f.csv: the same book either way"
done
is "$(sqlite3 "$T/keys-first.db" "SELECT group_concat(key, ' ') FROM (SELECT key FROM sync_rows WHERE tbl = 'invoices' ORDER BY seq)")" \
	"A A0 B a é1 é10" "keys.csv: versions numbered in the keys' order"
"$R" -d "$T/m.db" import customers "$DATA/customers.csv" > /dev/null
err=$("$R" -d "$T/m.db" import invoices "$T/mixed.csv" 2>&1 >/dev/null)
like "$err" "is also the reference of the number the book gave account A2" "mixed.csv: a book's number warned of"
like "$err" "is also invoice K0009's" "mixed.csv: a reference twice warned of"
is "$(sqlite3 "$T/m.db" "SELECT count(*) FROM invoices WHERE ref_no = 9000000010")" 0 \
	"mixed.csv: the number a reference of the file is made of is not given"
is "$(sqlite3 "$T/m.db" "SELECT min(ref_no), max(ref_no) FROM invoices")" "9000000004|9000000204" \
	"mixed.csv: the others, in the file's order"

# a first import with one bad row, the last: nothing at all
B="$T/bad.db"
"$R" -d "$B" import customers "$DATA/customers.csv" > /dev/null
before=$(dump "$B")
{ cat "$T/plain.csv"; echo "K9999,A1,invoice,2026-01-01,2026-13-01,1.00,1.00,EUR,,"; } > "$T/bad.csv"
fails "a first import with a bad row fails" "$R" -d "$B" import invoices "$T/bad.csv"
is "$(dump "$B")" "$before" "and leaves the book as it was"
{ cat "$T/plain.csv"; echo "K9999,A9,invoice,2026-01-01,2026-12-01,1.00,1.00,EUR,,"; } > "$T/bad.csv"
fails "a first import naming an unknown account fails" "$R" -d "$B" import invoices "$T/bad.csv"
is "$(dump "$B")" "$before" "and leaves the book as it was"
ok "the plain file then imports" "$R" -d "$B" import invoices "$T/plain.csv"
"$R" -d "$B" check > /dev/null # as plain-first.db was (it keeps the figures from then on)
is "$(dump "$B")" "$(dump "$T/plain-first.db")" \
	"as it does into a book that never saw the bad one"
done_testing
