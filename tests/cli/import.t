#!/bin/sh
# import.t — importing customers, invoices and payments; the figures of
# `relance accounts` and `relance items` computed by hand for 2026-11-24;
# re-importing changes nothing.
. "$(dirname "$0")/../lib/tap.sh"
B="$T/book.db"

out=$("$R" -d "$B" import customers "$DATA/customers.csv")
like "$out" "customers.csv: 3 rows read, 3 new, 0 changed, 0 closed in [0-9.]+ s$" "customers summary"
out=$("$R" -d "$B" import invoices "$DATA/invoices.csv")
like "$out" "invoices.csv: 8 rows read, 8 new, 0 changed, 0 closed" "invoices summary"
out=$("$R" -d "$B" import payments "$DATA/payments.csv")
like "$out" "payments.csv: 3 rows read, 3 new, 0 changed, 0 closed" "payments summary"

is "$(stat -c %a "$B")" 600 "the book is created with mode 0600"

out=$("$R" -d "$B" accounts --format tsv)
is "$out" "account_no	name	collector	currency	open	overdue	current	d1_30	d31_60	d61_90	d90_plus	oldest_days	disputed
A1	Société Générale	amartin	EUR	500.00	450.00	50.00	150.00	300.00	0.00	0.00	31	0.00
A2	Brasserie De Koninck	jpeeters	EUR	960.00	900.00	60.00	0.00	0.00	400.00	500.00	91	0.00
A3	Müller GmbH	amartin		0.00	0.00	0.00	0.00	0.00	0.00	0.00	0	0.00" "accounts tsv: open, overdue and aging buckets as of today"

out=$("$R" -d "$B" accounts --overdue --collector amartin --format tsv | cut -f1)
is "$out" "account_no
A1" "accounts --overdue --collector"

out=$("$R" -d "$B" accounts)
like "$out" "^A2 +Brasserie De Koninck +jpeeters +EUR +960.00 +900.00" "accounts text is aligned"

out=$("$R" -d "$B" items A1 --format tsv)
is "$out" "invoice_no	kind	issue_date	due_date	currency	amount	open	days	status	reference
I4	credit_note	2026-09-15	2026-09-15	EUR	-50.00	-50.00	70	open	
I3	invoice	2026-08-01	2026-10-24	EUR	300.00	300.00	31	open	RF18539007547034
I2	invoice	2026-09-01	2026-10-25	EUR	200.00	150.00	30	open	$("$R" ref ogm "$(sqlite3 "$B" "SELECT ref_no FROM invoices WHERE invoice_no = 'I2'")" | tr -d '+/')
I1	invoice	2026-10-01	2026-11-30	EUR	100.00	100.00	-6	open	000000000101" \
	"items: open items by due date, references stored normalised (I2, without one from the ledger: the one made from its number)"

out=$("$R" -d "$B" items A3 --all --format json)
like "$out" '"invoice_no": "I8", "kind": "invoice".*"open": 0.00.*"status": "closed"' "items --all shows closed items (json)"

fails "items of an unknown account fails" "$R" -d "$B" items NOPE
out=$("$R" -d "$B" items NOPE 2>&1)
like "$out" "no account NOPE" "and says so"

out=$(sqlite3 "$B" "SELECT payment_ref, account_no, amount, invoice_no FROM payments ORDER BY 1")
is "$out" "P1|A1|5000|I2
P2|A3|7000|I8
P3|A3|100000|" "payments: account taken from the invoice when missing; amounts in cents"
out=$(sqlite3 "$B" "SELECT invoice_no, open_amount FROM invoices WHERE invoice_no = 'I2'")
is "$out" "I2|15000" "payments do not change open amounts"

# re-import: nothing changes, and the summary says so
before=$(book_dump "$B")
for k in customers invoices payments; do
	out=$("$R" -d "$B" import $k "$DATA/$k.csv")
	like "$out" "0 new, 0 changed, 0 closed .*\(nothing changed\)" "re-importing $k changes nothing"
done
is "$(book_dump "$B")" "$before" "the book is the same after re-importing"
is "$(sqlite3 "$B" 'SELECT kind FROM import_runs ORDER BY kind')" "customers
invoices
invoices
payments
payments" "logged: the imports that changed something, and every read of invoices or payments (how fresh the book is)"

# a changed row is counted as changed
sed 's/^I7,A2,invoice,2026-06-01,2026-11-24,60.00,60.00/I7,A2,invoice,2026-06-01,2026-11-24,60.00,10.00/' \
	"$DATA/invoices.csv" > "$T/inv2.csv"
out=$("$R" -d "$B" import invoices "$T/inv2.csv")
like "$out" "8 rows read, 0 new, 1 changed, 0 closed" "one changed row"
is "$(sqlite3 "$B" "SELECT open_amount FROM invoices WHERE invoice_no = 'I7'")" 1000 "and its new open amount"

# an invoice paid in full closes; a dry run writes nothing
sed 's/^I7,A2,invoice,2026-06-01,2026-11-24,60.00,60.00/I7,A2,invoice,2026-06-01,2026-11-24,60.00,0/' \
	"$DATA/invoices.csv" > "$T/inv3.csv"
out=$("$R" -d "$B" import invoices --dry-run "$T/inv3.csv")
like "$out" "1 changed.*\(dry run: nothing written\)" "dry run reports"
is "$(sqlite3 "$B" "SELECT status FROM invoices WHERE invoice_no = 'I7'")" open "dry run wrote nothing"
"$R" -d "$B" import invoices "$T/inv3.csv" >/dev/null
is "$(sqlite3 "$B" "SELECT status, closed_on FROM invoices WHERE invoice_no = 'I7'")" "closed|2026-11-24" "open amount 0 closes the invoice, dated today"

# a file without some columns leaves what the book has in them
printf 'account_no,name\nA2,Brasserie De Koninck NV\n' > "$T/names.csv"
"$R" -d "$B" import customers "$T/names.csv" >/dev/null
is "$(sqlite3 "$B" "SELECT name, collector, language, phone FROM customers WHERE account_no = 'A2'")" \
   "Brasserie De Koninck NV|jpeeters|nl|+32 3 218 40 48; +32 475 12 34 56" "absent columns keep the book's values"
printf 'invoice_no,account_no,due_date,amount,open_amount\nI3,A1,2026-10-24,300.00,250.00\n' > "$T/short.csv"
"$R" -d "$B" import invoices "$T/short.csv" >/dev/null
is "$(sqlite3 "$B" "SELECT issue_date, reference, open_amount FROM invoices WHERE invoice_no = 'I3'")" \
   "2026-08-01|RF18539007547034|25000" "an invoice keeps its issue date and reference"
printf 'invoice_no,account_no,due_date,amount,reference\nI3,A1,2026-10-24,300.00,\n' > "$T/noref.csv"
"$R" -d "$B" import invoices "$T/noref.csv" >/dev/null
is "$(sqlite3 "$B" "SELECT reference IS NULL FROM invoices WHERE invoice_no = 'I3'")" 1 "an empty cell in a column the file has clears it"

# standard input
out=$(cat "$DATA/customers.csv" | "$R" -d "$B" import customers -)
like "$out" "^<stdin>: 3 rows read" "import from standard input"

# progress on standard error: forced on, and off when not a terminal
"$R" demo --accounts 800 --csv "$T/demo" >/dev/null
"$R" -d "$T/p.db" import customers "$T/demo/customers.csv" >/dev/null
err=$("$R" -d "$T/p.db" import invoices --progress "$T/demo/invoices.csv" 2>&1 >/dev/null)
like "$err" "$(printf '\r')  .*invoices.csv: +[0-9]+% \([0-9]+ rows\)" "--progress shows a percentage and rows on stderr"
err=$("$R" -d "$T/p.db" import invoices "$T/demo/invoices.csv" 2>&1 >/dev/null)
is "$err" "" "no progress when stderr is not a terminal"

done_testing
