#!/bin/sh
# import_lock.t — an import keeps nobody from writing: it reads, checks
# and stages its rows without the book's write lock, which it takes only
# for its short final transaction; collectors' notes written meanwhile
# all go in, and so does the import.
. "$(dirname "$0")/../lib/tap.sh"
B="$T/b.db"
"$R" demo --accounts 15000 --csv "$T/csv" > /dev/null
"$R" -d "$B" import customers "$T/csv/customers.csv" > /dev/null
rows=$(($(wc -l < "$T/csv/invoices.csv") - 1))

# the last percentage the import showed (0 before the first, 100 once the
# rows are read)
shown() { tr '\r' '\n' < "$T/imp.err" 2>/dev/null | sed -n 's/.*: *\([0-9]*\)% .*/\1/p' | tail -1; }
# while_reading BOOK SQL: imports the invoices file into BOOK in the
# background and, while it reads its rows (2 to 80 %), runs SQL through
# another connection that never waits (busy timeout 0) until it succeeds.
# at: the percentage it succeeded at ("" never); tried: how often it was
# tried. Returns the import's exit status.
while_reading() {
	"$R" -d "$1" import invoices --progress "$T/csv/invoices.csv" > "$T/imp.out" 2> "$T/imp.err" &
	imp=$!
	at="" tried=0 i=0
	while [ -z "$at" ] && [ $i -lt 2000 ] && kill -0 $imp 2>/dev/null; do
		p=$(shown)
		if [ -n "$p" ] && [ "$p" -ge 2 ] && [ "$p" -le 80 ]; then
			tried=$((tried + 1))
			sqlite3 -cmd ".timeout 0" "$1" "$2" > /dev/null 2>> "$T/probe.err" && at=$p
		fi
		i=$((i + 1))
		sleep 0.01
	done
	wait $imp
}

# While the import reads its rows, another connection that never waits
# (busy timeout 0) takes the write lock at once.
while_reading "$B" "BEGIN IMMEDIATE; ROLLBACK;"
is "$?" 0 "the import succeeds"
like "$(cat "$T/imp.out")" "$rows rows read, $rows new" "every row is imported"
ok "the write lock was free while the import read its rows (tried $tried times)" test -n "$at"

# Collectors write notes the whole time a (re-)import runs: none fails.
"$R" -d "$B" import invoices --progress "$T/csv/invoices.csv" > "$T/imp.out" 2> "$T/imp.err" &
imp=$!
n=0
: > "$T/notes.err"
while kill -0 $imp 2>/dev/null || [ $n -lt 3 ]; do
	n=$((n + 1))
	"$R" -d "$B" --user anna note C000001 "note $n" > /dev/null 2>> "$T/notes.err" || echo "FAILED $n" >> "$T/notes.err"
done
wait $imp
is "$?" 0 "the import succeeds while notes are written"
is "$(cat "$T/notes.err")" "" "no note failed ($n written)"
is "$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE type = 'note' AND summary LIKE 'note %'")" "$n" \
	"every note is there"
ok "the book and its cache are right" "$R" -d "$B" check
is "$(sqlite3 "$B" "PRAGMA journal_mode")" wal "the book is in WAL mode after the import"

# A re-import leaves out the rows the book holds as the file says them,
# as it read the book without the lock. An invoice another writer changes
# meanwhile is written back as the file says, all the same: the import
# reads again when the book changed under it.
first=$(sed -n 2p "$T/csv/invoices.csv" | cut -d, -f1)
want=$(sqlite3 "$B" "SELECT due_date FROM invoices WHERE invoice_no = '$first'")
while_reading "$B" "UPDATE invoices SET due_date = '2020-01-01' WHERE invoice_no = '$first'"
is "$?" 0 "the re-import succeeds"
ok "another writer changed $first while the import read its rows (at $at%)" test -n "$at"
like "$(cat "$T/imp.out")" "$rows rows read, 0 new, 1 changed" "the import finds the changed invoice"
is "$(sqlite3 "$B" "SELECT due_date FROM invoices WHERE invoice_no = '$first'")" "$want" \
	"and writes it back as the file says"

# A first import checks each account of its rows again under the lock
# (it writes without a foreign-key check per row): an account that left
# the book while the file was read stops it, and nothing is imported.
# The moment is the machine's: under load the deletion can meet the import
# elsewhere than in its check (its switch of journal, say), where it is
# refused too; up to three tries for the check itself to name the account.
# Every try must fail and leave the book without an invoice.
acct=$(sed -n 2p "$T/csv/invoices.csv" | cut -d, -f2)
try=0 caught=0 named="" failed=0 empty=0 msgs=""
while [ -z "$named" ] && [ $try -lt 3 ]; do
	try=$((try + 1))
	B2="$T/b2-$try.db"
	"$R" -d "$B2" import customers "$T/csv/customers.csv" > /dev/null
	while_reading "$B2" "DELETE FROM account_summary WHERE account_no = '$acct';
		DELETE FROM account_aging WHERE account_no = '$acct'; DELETE FROM customer_ibans WHERE account_no = '$acct'; DELETE FROM customers WHERE account_no = '$acct'"
	rc=$?
	[ -n "$at" ] || continue
	caught=$((caught + 1))
	[ $rc -eq 1 ] && failed=$((failed + 1))
	[ "$(sqlite3 "$B2" "SELECT count(*) FROM invoices")" = 0 ] && empty=$((empty + 1))
	msg=$(tr '\r' '\n' < "$T/imp.err" | grep -v '^ *$' | grep -v '%' | tr '\n' ' ')
	msgs="$msgs$msg; "
	case "$msg" in *"account \"$acct\" left the book while the file was read; nothing was imported"*) named=$try ;; esac
done
ok "account $acct was deleted while an import read its rows ($caught of $try tries)" test "$caught" -gt 0
is "$failed/$empty" "$caught/$caught" "each such import failed and left the book without an invoice"
ok "the check under the lock names the account: $msgs" test -n "$named"
is "$(sqlite3 "$B2" "PRAGMA foreign_keys = ON; PRAGMA foreign_key_check")" "" "no invoice without its account"
done_testing
