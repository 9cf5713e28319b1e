#!/bin/sh
# demo.t — the demo book: reproducible from its seed, realistic (accents,
# languages, every aging bucket, history of calls, promises kept and broken),
# refuses a non-empty book, and its CSV files import like any other.
. "$(dirname "$0")/../lib/tap.sh"

out=$("$R" -d "$T/a.db" demo --accounts 200 --seed 7)
like "$out" "^demo: 200 accounts, [0-9]+ invoices and credit notes, [0-9]+ payments, [0-9]+ journal entries" "summary line"
"$R" -d "$T/b.db" demo --accounts 200 --seed 7 >/dev/null
"$R" -d "$T/c.db" demo --accounts 200 --seed 8 >/dev/null
a=$("$R" -d "$T/a.db" accounts --format tsv)
is "$a" "$("$R" -d "$T/b.db" accounts --format tsv)" "same seed, same book"
[ "$a" != "$("$R" -d "$T/c.db" accounts --format tsv)" ]
_result $? "another seed, another book"
is "$(sqlite3 "$T/a.db" 'SELECT type, summary, body FROM activities ORDER BY account_no, at, summary')" \
   "$(sqlite3 "$T/b.db" 'SELECT type, summary, body FROM activities ORDER BY account_no, at, summary')" "same history too"
"$R" -d "$T/small.db" demo --accounts 20 --seed 7 >/dev/null
is "$("$R" -d "$T/small.db" accounts --format tsv | head -21)" "$(printf '%s\n' "$a" | head -21)" \
   "--accounts 20 is the start of --accounts 200"

n=$(sqlite3 "$T/a.db" "SELECT count(*) FROM invoices")
[ "$n" -ge 1200 ] && [ "$n" -le 2800 ]
_result $? "about 10 invoices an account ($n for 200)"
for bucket in d1_30 d31_60 d61_90 d90_plus current; do
	col=$(printf '%s\n' "$a" | head -1 | tr '\t' '\n' | grep -n "^$bucket\$" | cut -d: -f1)
	nonzero=$(printf '%s\n' "$a" | tail -n +2 | cut -f"$col" | grep -vc '^0.00$')
	[ "$nonzero" -gt 0 ]
	_result $? "some accounts have money in $bucket ($nonzero)"
done
is "$(sqlite3 "$T/a.db" "SELECT group_concat(DISTINCT language) FROM (SELECT language FROM customers ORDER BY 1)")" "en,fr,nl" "fr, nl and en debtors"
like "$(sqlite3 "$T/a.db" "SELECT name FROM customers")" "[éèëüöçâôï]" "names with accents"
is "$(sqlite3 "$T/a.db" "SELECT count(DISTINCT collector) FROM customers")" 4 "four collectors"
is "$(sqlite3 "$T/a.db" "SELECT count(*) FROM collectors WHERE name IS NULL")" 0 "collectors have names"
is "$(sqlite3 "$T/a.db" "SELECT group_concat(DISTINCT status) FROM (SELECT status FROM promises ORDER BY 1)")" "broken,kept,open" "promises kept, broken and open"
is "$(sqlite3 "$T/a.db" "SELECT group_concat(DISTINCT type) FROM (SELECT type FROM activities ORDER BY 1)")" \
   "call,dispute,email,letter,note,promise,system" "calls, notes, reminders, promises, disputes in history"
[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM invoices WHERE kind = 'credit_note'")" -gt 0 ]
_result $? "credit notes"
[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM payments")" -gt 0 ]
_result $? "payments"
ok "the demo book passes check" "$R" -d "$T/a.db" check

before=$(sqlite3 "$T/a.db" "SELECT count(*) FROM invoices")
out=$("$R" -d "$T/a.db" demo --accounts 5 2>&1)
is "$?" 1 "a second demo on the same book fails"
like "$out" "is not empty; the demo only fills an empty book" "and says why"
is "$(sqlite3 "$T/a.db" "SELECT count(*) FROM invoices")" "$before" "and changes nothing"

# the CSV files: the same book through the ordinary import
ok "--csv writes files" "$R" demo --accounts 200 --seed 7 --csv "$T/csv"
ok "customers.csv imports" "$R" -d "$T/d.db" import customers "$T/csv/customers.csv"
ok "invoices.csv imports" "$R" -d "$T/d.db" import invoices "$T/csv/invoices.csv"
ok "payments.csv imports" "$R" -d "$T/d.db" import payments "$T/csv/payments.csv"
is "$(sqlite3 "$T/d.db" "SELECT count(*) FROM book_meta WHERE key = 'summary_day'")" 0 \
   "an import that moves most of the book leaves its figures to the next reader"
is "$("$R" -d "$T/d.db" accounts --format tsv | cut -f1-5)" "$(printf '%s\n' "$a" | cut -f1-5)" \
   "and gives the demo book's open amounts (the demo's disputes are history, not ledger)"
ok "who finds them right (check)" "$R" -d "$T/d.db" check
is "$("$R" -d "$T/d.db" queue --all --format tsv | tail -n +2 | cut -f2,5 | sort)" \
   "$("$R" -d "$T/d.db" accounts --overdue --format tsv | tail -n +2 | cut -f1,6 | sort)" \
   "(the queue reads them: every overdue account, with its overdue amount)"
fails "--accounts 0 is refused" "$R" -d "$T/e.db" demo --accounts 0

# --bank: the bank's files of money the ledger does not show yet, every
# way a debtor pays and a payer the book does not know
out=$("$R" -d "$T/bank.db" demo --accounts 300 --bank "$T/bank" --bank-credits 80)
like "$out" "demo-bank\.cod \(2026-11-23, 41 movements\) and .*demo-bank\.xml \(2026-11-24, 41 movements\)" \
	"--bank: yesterday's CODA and today's camt.053, 40 credits and a debit each"
is "$(stat -c %a "$T/bank/demo-bank.cod") $(stat -c %a "$T/bank/demo-bank.xml") $(stat -c %a "$T/bank")" "600 600 700" \
	"as private as the book"
"$R" -d "$T/bank.db" import bank "$T/bank/demo-bank.cod" "$T/bank/demo-bank.xml" >/dev/null
is "$(sqlite3 "$T/bank.db" "SELECT group_concat(rule, ' ') FROM (SELECT DISTINCT rule FROM bank_movements
	WHERE status = 'matched' ORDER BY rule)")" "account-reference iban-amount invoice-number reference" \
	"their credits are matched by every rule"
is "$(sqlite3 "$T/bank.db" "SELECT count(*) > 0 FROM bank_movements WHERE status IN ('unmatched', 'suggested')") \
$(sqlite3 "$T/bank.db" "SELECT count(*) FROM bank_movements WHERE status = 'debit'")" "1 2" \
	"and some are left to a person, and two debits are never matched"
is "$(tail -n +2 "$T/bank/bank-payments.csv" | wc -l)" \
	"$(sqlite3 "$T/bank.db" "SELECT count(*) FROM bank_movements WHERE amount > 0 AND counterparty IN (SELECT substr(name, 1, 35) FROM customers)")" \
	"bank-payments.csv: the customers' credits, as the ledger will give them"
ok "the ledger's file of them imports" "$R" -d "$T/bank.db" import payments "$T/bank/bank-payments.csv"
sum=$(sqlite3 "$T/bank.db" "SELECT sum(open_amount) FROM invoices")
out=$("$R" -d "$T/bank.db" demo --bank "$T/bank2" --bank-credits 10)
unlike "$out" "accounts" "--bank on a book already made: only the files"
is "$(sqlite3 "$T/bank.db" "SELECT sum(open_amount) FROM invoices")" "$sum" "and the book as it was"
# the next day's files are the next day's statements: new, not refused
RELANCE_TODAY=2026-11-25 "$R" -d "$T/bank.db" demo --bank "$T/bank3" --bank-credits 10 >/dev/null
out=$(RELANCE_TODAY=2026-11-25 "$R" -d "$T/bank.db" import bank "$T/bank3/demo-bank.cod" "$T/bank3/demo-bank.xml")
is "$(printf '%s\n' "$out" | grep -c ": 1 statement new")" 2 "the next day's demo statements are new ones"

done_testing
