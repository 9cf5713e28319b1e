#!/bin/sh
# snapshot.t — import invoices --snapshot: the file is the whole list of
# open items; open items it does not list are closed (paid), and an item
# listed again reopens.
. "$(dirname "$0")/../lib/tap.sh"
B="$T/book.db"
"$R" -d "$B" import customers "$DATA/customers.csv" >/dev/null
"$R" -d "$B" import invoices "$DATA/invoices.csv" >/dev/null

grep -v '^I3,' "$DATA/invoices.csv" | grep -v '^I5,' > "$T/snap.csv"
out=$("$R" -d "$B" import invoices "$T/snap.csv")
like "$out" "6 rows read, 0 new, 0 changed, 0 closed" "without --snapshot, missing rows stay open"
out=$("$R" -d "$B" import invoices --snapshot --dry-run "$T/snap.csv")
like "$out" "0 new, 0 changed, 2 closed.*dry run" "dry run counts what would close"
is "$(sqlite3 "$B" "SELECT count(*) FROM invoices WHERE status = 'open'")" 7 "and closes nothing"
out=$("$R" -d "$B" import invoices --snapshot "$T/snap.csv")
like "$out" "6 rows read, 0 new, 0 changed, 2 closed" "--snapshot closes the two missing open items"
is "$(sqlite3 "$B" "SELECT invoice_no, status, open_amount, closed_on FROM invoices WHERE invoice_no IN ('I3', 'I5') ORDER BY 1")" \
"I3|closed|0|2026-11-24
I5|closed|0|2026-11-24" "closed with open amount 0, dated today"
is "$(sqlite3 "$B" "SELECT amount FROM invoices WHERE invoice_no = 'I3'")" 30000 "the amount stays"
out=$("$R" -d "$B" import invoices --snapshot "$T/snap.csv")
like "$out" "0 closed.*nothing changed" "the same snapshot again changes nothing"

out=$("$R" -d "$B" import invoices --snapshot "$DATA/invoices.csv")
like "$out" "8 rows read, 0 new, 2 changed, 0 closed" "listed again, they reopen"
is "$(sqlite3 "$B" "SELECT status, open_amount, closed_on IS NULL FROM invoices WHERE invoice_no = 'I3'")" "open|30000|1" "with their open amount"

# a snapshot with an error closes nothing
{ grep -v '^I1,' "$DATA/invoices.csv"; echo "I9,A1,invoice,2026-01-01,2026-13-01,1.00,1.00,EUR,"; } > "$T/badsnap.csv"
fails "a bad snapshot fails" "$R" -d "$B" import invoices --snapshot "$T/badsnap.csv"
is "$(sqlite3 "$B" "SELECT status FROM invoices WHERE invoice_no = 'I1'")" open "and closes nothing"

# one file only, and never an empty one: a failed export must not close the ledger
"$R" -d "$B" import invoices --snapshot "$T/snap.csv" "$T/snap.csv" 2>/dev/null
is "$?" 2 "--snapshot with two files is refused"
head -1 "$DATA/invoices.csv" > "$T/header-only.csv"
out=$("$R" -d "$B" import invoices --snapshot "$T/header-only.csv" 2>&1)
like "$out" "a snapshot without rows would close every open item" "an empty snapshot is refused"
is "$(sqlite3 "$B" "SELECT count(*) FROM invoices WHERE status = 'open'")" 7 "and closes nothing"

done_testing
