#!/bin/sh
# plan.t (screen) — the plan editor keeps its rows in date order and
# numbers them so; a row's past date is refused in the row's own form; the
# invoices field takes "N1, N2" and names a number that is wrong; the
# journal describes the plan as saved; and payments go to installments by
# date, whatever their numbers.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
rows() { "$R" -d "$B" plan show "$1" --format tsv | tail -n +2 | cut -f1-3,5 | tr '\t\n' ' |'; }

screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q8" && send Enter
wait_for "relance: account Q8"
send P
screen_has "Payment plan for" "P: the plan's parameters"
# the invoices field: the 6th
send Tab Tab Tab Tab Tab && type "Q8-1, Q8-9" && send Enter
screen_has "Invoices: Q8-9 is not an open invoice of this account" "a wrong number is named"
send C-u && type "Q8-1 , Q8-2" && send Enter
screen_has "total 980\.00" "blanks after the comma are fine: both invoices, 980.00"
send q
wait_for "Leave the plan without saving it"
type "y"
wait_for "relance: account Q8"
send q
wait_for "mine \(tester\)"

type ":goto Q1" && send Enter
wait_for "relance: account Q1"
send P
wait_for "Payment plan for 1,000\.00 EUR"
send C-u && type "3" && send Tab Tab C-u && type "2026-12-01" && send Enter
screen_has "1 +2026-12-01 +333\.33" "three monthly installments"
screen_has "3 +2027-02-01 +333\.34" "the odd cent on the last"
send g Enter
wait_for "Installment"
send C-u && type "2026-11-01" && send Enter
screen_has "Due: 2026-11-01 is in the past" "a past date is refused in the row's form"
send C-u && type "2027-03-15" && send Enter
screen_has "1 +2027-01-01 +333\.33" "row 1 moved to 03-15: the rows stay in date order, 01-01 first"
screen_has "2 +2027-02-01 +333\.34" "then 02-01, numbered 2"
screen_has "3 +2027-03-15 +333\.33" "and 03-15 last, numbered 3"
send w
screen_has "plan saved" "saved"
is "$(rows Q1)" "1 2027-01-01 333.33 due|2 2027-02-01 333.34 due|3 2027-03-15 333.33 due|" \
	"the plan keeps the rows in date order, numbered so"
is "$("$R" -d "$B" history Q1 --type plan --format tsv | cut -f5 | sed -n 2p)" \
	"Payment plan: 1,000.00 EUR in 3 installments, 2027-01-01 to 2027-03-15" "the journal describes the plan as saved"
# a, d and =: rows added and deleted, the remainder spread
send q
wait_for "mine \(tester\)"
type ":goto Q2" && send Enter
wait_for "relance: account Q2"
send P
wait_for "Payment plan for 500\.00 EUR"
send C-u && type "3" && send Tab Tab C-u && type "2026-12-01" && send Enter
screen_has "3 +2027-02-01 +166\.68" "three rows"
send a
screen_has "New installment" "a: a new row's form"
screen_has "2027-03-01" "dated a period after the last"
send Tab C-u && type "100" && send Enter
screen_has "4 +2027-03-01 +100\.00" "added, numbered 4"
screen_has "remainder -100\.00" "the remainder follows"
send =
screen_has "remainder 0\.00" "=: the remainder spread"
screen_has "1 +2026-12-01 +141\.66" "each row takes its share: -25.00"
screen_has "4 +2027-03-01 +75\.00" "the new one too"
send g j d
screen_has "remainder 141\.66" "d: row 2 deleted, its amount in the remainder"
screen_has "2 +2027-02-01 +141\.68" "the rows after it move up a number"
unlike "$(screen)" "4 +2027-03-01" "no row 4 any more"
send =
screen_has "1 +2026-12-01 +188\.88" "= again: 141.66 over three rows, 47.22 each"
screen_has "3 +2027-03-01 +122\.22" "the last"
send w
screen_has "plan saved" "saved"
is "$(rows Q2)" "1 2026-12-01 188.88 due|2 2027-02-01 188.90 due|3 2027-03-01 122.22 due|" "the plan as edited"
type ":q" && send Enter
wait_exit

# a payment of the first installment on 2027-01-25 pays the January one,
# even where the numbers do not follow the dates (a book of an older
# version, or another copy's)
sqlite3 "$B" "UPDATE plan_installments SET seq = seq + 10 WHERE plan_id = (SELECT id FROM plans WHERE account_no = 'Q1');
	UPDATE plan_installments SET seq = 1 WHERE seq = 13; UPDATE plan_installments SET seq = 3 WHERE seq = 11;
	UPDATE plan_installments SET seq = 2 WHERE seq = 12"
printf 'payment_ref,account_no,date,amount,invoice_no,communication\nPQ1,Q1,2027-01-25,333.33,Q1-1,\n' > "$T/pay.csv"
RELANCE_TODAY=2027-01-26 "$R" -d "$B" import payments "$T/pay.csv" >/dev/null
is "$(RELANCE_TODAY=2027-01-26 rows Q1)" "3 2027-01-01 333.33 paid|2 2027-02-01 333.34 due|1 2027-03-15 333.33 due|" \
	"paid on time: the January installment is paid, none missed"

# an invoice named twice counts once
out=$("$R" -d "$B" plan add Q8 --installments 2 --every month --first 2026-12-01 --invoices 'Q8-1, Q8-1' 2>&1)
is "$?" 0 "--invoices 'Q8-1, Q8-1': accepted"
is "$("$R" -d "$B" plan show Q8 --format tsv | tail -n +2 | cut -f3 | tr '\n' ' ')" "40.00 40.00 " "Q8-1's 80.00 once, not twice"

# a down payment deleted in the editor: the plan has none, installment 1 stays 1
tm kill-server
screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q4" && send Enter
wait_for "relance: account Q4"
send P
wait_for "Payment plan for 300\.00 EUR"
send C-u && type "2" && send Tab Tab C-u && type "2026-12-01" && send Tab && type "100" && send Enter
screen_has "down +2026-11-24 +100\.00" "a down payment, due today"
send g d
screen_has "remainder 100\.00" "d on it: its amount to the remainder"
unlike "$(screen)" "down +2026" "no down payment any more"
screen_has "1 +2026-12-01 +100\.00" "installment 1 keeps its number"
send =
send w
screen_has "plan saved" "saved"
is "$("$R" -d "$B" history Q4 --type plan --format tsv | cut -f5 | sed -n 2p)" \
	"Payment plan: 300.00 EUR in 2 installments, 2026-12-01 to 2027-01-01" "no down payment in the plan or its journal"
type ":q" && send Enter
wait_exit
ok "the book is consistent" "$R" -d "$B" check
done_testing
