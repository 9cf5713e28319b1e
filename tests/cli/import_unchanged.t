#!/bin/sh
# import_unchanged.t — a first import writes its rows in one statement;
# a re-import leaves out, before it takes the write
# lock, the rows the book already holds as the file says them; any one
# value that differs still makes its row changed, and a column the file
# does not have keeps the book's value.
. "$(dirname "$0")/../lib/tap.sh"
B="$T/book.db"
"$R" -d "$B" import customers "$DATA/customers.csv" > /dev/null
printf 'invoice_no,account_no,kind,issue_date,due_date,amount,open_amount,currency,reference,description\n' > "$T/base.csv"
sed 1d "$DATA/invoices.csv" | sed 's/$/,/' >> "$T/base.csv"
"$R" -d "$B" import invoices "$T/base.csv" > /dev/null

# the first invoices of a book whose account figures are kept already
# (check brought them up to date after the customers came) move them
B1="$T/first.db"
"$R" -d "$B1" import customers "$DATA/customers.csv" > /dev/null
"$R" -d "$B1" check > /dev/null
is "$(sqlite3 "$B1" "SELECT count(*) FROM book_meta WHERE key = 'summary_day'")" 1 "the figures are kept (check brings them up to date)"
"$R" -d "$B1" import invoices "$T/base.csv" > /dev/null
is "$("$R" -d "$B1" accounts --format tsv)" "$("$R" -d "$B" accounts --format tsv)" \
	"a first import into a book with kept figures: the same accounts as a book without"
ok "and its cache is right" "$R" -d "$B1" check

# line 2 of base.csv is I1,A1,invoice,2026-10-01,2026-11-30,100.00,100.00,EUR,+++000/0000/00101+++,
for change in "account_no|A2,invoice,2026-10-01,2026-11-30,100.00,100.00,EUR,+++000/0000/00101+++," \
	"kind|A1,credit_note,2026-10-01,2026-11-30,100.00,100.00,EUR,+++000/0000/00101+++," \
	"issue_date|A1,invoice,2026-10-02,2026-11-30,100.00,100.00,EUR,+++000/0000/00101+++," \
	"issue_date empty|A1,invoice,,2026-11-30,100.00,100.00,EUR,+++000/0000/00101+++," \
	"due_date|A1,invoice,2026-10-01,2026-12-01,100.00,100.00,EUR,+++000/0000/00101+++," \
	"amount|A1,invoice,2026-10-01,2026-11-30,100.01,100.00,EUR,+++000/0000/00101+++," \
	"open_amount|A1,invoice,2026-10-01,2026-11-30,100.00,99.99,EUR,+++000/0000/00101+++," \
	"currency|A1,invoice,2026-10-01,2026-11-30,100.00,100.00,USD,+++000/0000/00101+++," \
	"reference|A1,invoice,2026-10-01,2026-11-30,100.00,100.00,EUR,+++000/0000/00202+++," \
	"reference empty|A1,invoice,2026-10-01,2026-11-30,100.00,100.00,EUR,," \
	"description|A1,invoice,2026-10-01,2026-11-30,100.00,100.00,EUR,+++000/0000/00101+++,Consulting"; do
	what=${change%%|*}
	sed "2s#^I1,.*#I1,${change#*|}#" "$T/base.csv" > "$T/one.csv"
	out=$("$R" -d "$B" import invoices "$T/one.csv")
	like "$out" "8 rows read, 0 new, 1 changed, 0 closed" "$what differs: the row is changed"
	out=$("$R" -d "$B" import invoices "$T/base.csv")
	like "$out" "8 rows read, 0 new, 1 changed, 0 closed" "$what back as it was: changed again"
done
out=$("$R" -d "$B" import invoices "$T/base.csv")
like "$out" "0 new, 0 changed, 0 closed .*\(nothing changed\)" "the same file again changes nothing"

# a file without issue_date, currency, reference and description: the
# book keeps its values, and nothing changed
cut -d, -f1,2,3,5,6,7 "$T/base.csv" > "$T/short.csv"
before=$(sqlite3 "$B" "SELECT * FROM invoices ORDER BY invoice_no")
out=$("$R" -d "$B" import invoices "$T/short.csv")
like "$out" "0 new, 0 changed, 0 closed .*\(nothing changed\)" "columns the file lacks keep the book's values"
is "$(sqlite3 "$B" "SELECT * FROM invoices ORDER BY invoice_no")" "$before" "the book is the same"

# The book is read in key order alongside the file: a step at a time for
# a file in that order, a seek for a key further on or earlier. Every
# path leaves out what is unchanged, and nothing that changed.
left_out() { awk '/^import-invoices/ { v = $7 } END { print v }' "$T/bench.log"; }
{
	echo "invoice_no,account_no,due_date,amount"
	i=10; while [ $i -lt 50 ]; do echo "K$i,A2,2026-12-01,$i.00"; i=$((i + 1)); done
} > "$T/k.csv"
"$R" -d "$B" import invoices "$T/k.csv" > /dev/null
sed 1d "$T/k.csv" | sort -r | sed '1i invoice_no,account_no,due_date,amount' > "$T/k_reversed.csv"
sed -n '1p;2p;14p;29p;31p;41p' "$T/k.csv" > "$T/k_sparse.csv"
for f in k k_reversed k_sparse; do
	n=$(($(wc -l < "$T/$f.csv") - 1))
	rm -f "$T/bench.log"
	out=$(RELANCE_BENCH_LOG="$T/bench.log" "$R" -d "$B" import invoices "$T/$f.csv")
	like "$out" "$n rows read, 0 new, 0 changed" "$f.csv again: nothing changed"
	is "$(left_out)" "$n" "$f.csv again: its $n rows left out before the lock"
	sed 's/^K37,A2,2026-12-01,37.00/K37,A2,2026-12-01,37.50/' "$T/$f.csv" > "$T/one.csv"
	out=$(RELANCE_BENCH_LOG="$T/bench.log" "$R" -d "$B" import invoices "$T/one.csv")
	like "$out" "$n rows read, 0 new, 1 changed" "$f.csv with K37 changed: K37 is written"
	is "$(left_out)" "$((n - 1))" "and the others left out"
	"$R" -d "$B" import invoices "$T/$f.csv" > /dev/null
done
done_testing
