#!/bin/sh
# bank_booking.t — money the bank brought before the ledger: never counted
# twice, never lost (man/relance.1, "When the ledger books a bank
# payment"). An open-items import that does not show a bank payment keeps
# the open amount lowered and, the same file again, changes nothing; one
# that shows it books it; a ledger payment with the movement's reference
# takes its place for promises. Bank credits count for promises, interest
# and the aging as of a day before them. The customers file's iban column.
# The bank's rows, and the open amounts they lowered, travel to another copy.
. "$(dirname "$0")/../lib/tap.sh"
B="$T/book.db"
r() { "$R" -d "$B" "$@"; }
q() { sqlite3 "$B" "$@"; }

# match DB ID ACCOUNT INVOICE CENTS DATE [REFERENCE [BANK_REF]]: a credit
# of the bank (stored by SQL as import bank stores one) matched to one
# invoice by the engine: relance bank match ID ACCOUNT INVOICE=AMOUNT.
match() {
	# the statement and its credit stored as `import bank` stores them; the
	# match made by the engine (bank match)
	sqlite3 "$1" "
	INSERT OR IGNORE INTO bank_statements(id, format, iban, currency, seq, date, opening, closing, movements,
		file, imported_at)
	VALUES ('S1', 'coda', 'BE68539007547034', 'EUR', '1', '2026-11-20', 0, 0, 1, 'test.cod', '2026-11-24T08:00:00Z');
	INSERT INTO bank_movements(id, statement_id, booking_date, value_date, amount, currency, counterparty,
		reference, bank_ref, status, updated_at)
	VALUES ('S1/$2', 'S1', '$6', '$6', $5, 'EUR', 'Someone', nullif('${7:-}', ''), nullif('${8:-}', ''),
		'unmatched', '2026-11-24T08:00:00Z');" &&
	"$R" -d "$1" bank match "S1/$2" "$3" "$4=$(printf '%d.%02d' $(($5 / 100)) $(($5 % 100)))" >/dev/null
}
open_of() { q "SELECT open_amount FROM invoices WHERE invoice_no = '$1'"; }

printf 'account_no,name\nB1,Bravo\nB2,Charlie\nB3,Delta\n' > "$T/c.csv"
cat > "$T/i.csv" <<'CSV'
invoice_no,account_no,issue_date,due_date,amount,open_amount
F1,B1,2026-09-01,2026-10-01,1000.00,1000.00
F2,B1,2026-10-01,2026-11-01,200.00,200.00
G1,B2,2026-09-01,2026-10-01,300.00,300.00
H1,B3,2026-09-01,2026-10-01,500.00,500.00
CSV
r import customers "$T/c.csv" >/dev/null && r import invoices "$T/i.csv" >/dev/null

# --- the open-items import and a bank payment it does not show yet
match "$B" 1 B1 F1 40000 2026-11-20 000000100131
is "$(open_of F1)" 60000 "a bank match lowers the open amount "
out=$(r import invoices "$T/i.csv")
like "$out" "0 new, 0 changed.*nothing changed" "the ledger's file again, not showing the bank payment: nothing changed"
is "$(open_of F1)" 60000 "the open amount stays lowered by the bank payment"
is "$(q "SELECT booked, ledger_open FROM bank_allocations WHERE movement_id = 'S1/1'")" "0|100000" "the allocation is not booked"
is "$(r accounts --format tsv | awk -F'\t' '$1 == "B1" {print $5}')" 800.00 "the account's figures count the bank payment"

# a row the ledger changed otherwise (its due date) is written: the bank
# payment is subtracted again from the ledger's figure
sed 's/^F1,B1,2026-09-01,2026-10-01/F1,B1,2026-09-01,2026-10-05/' "$T/i.csv" > "$T/i2.csv"
like "$(r import invoices "$T/i2.csv")" "0 new, 1 changed" "the ledger moves the due date"
is "$(open_of F1)" 60000 "the open amount is the ledger's less the bank payment it does not show"
like "$(r import invoices "$T/i2.csv")" "nothing changed" "that file again: nothing changed"
is "$(r accounts --format tsv | awk -F'\t' '$1 == "B1" {print $5}')" 800.00 "the account's figures still count the bank payment once"

# --- the ledger shows it: booked, the ledger's figure counts, not lowered twice
sed 's/^F1,B1,2026-09-01,2026-10-05,1000.00,1000.00/F1,B1,2026-09-01,2026-10-05,1000.00,600.00/' "$T/i2.csv" > "$T/i3.csv"
like "$(r import invoices "$T/i3.csv")" "0 new, 1 changed" "the ledger books the payment"
is "$(open_of F1)" 60000 "the open amount is the ledger's, not lowered twice"
is "$(q "SELECT booked FROM bank_allocations WHERE movement_id = 'S1/1'")" 1 "the allocation is booked"
like "$(r import invoices "$T/i3.csv")" "nothing changed" "that file again: nothing changed"
is "$(open_of F1)" 60000 "and the open amount stays the ledger's"

# --- the ledger shows other money only: the bank payment is still owed less
match "$B" 2 B1 F2 5000 2026-11-21
sed 's/^F2,B1,2026-10-01,2026-11-01,200.00,200.00/F2,B1,2026-10-01,2026-11-01,200.00,180.00/' "$T/i3.csv" > "$T/i4.csv"
r import invoices "$T/i4.csv" >/dev/null
is "$(open_of F2)" 13000 "20.00 from elsewhere: 180.00 less the bank's 50.00"
is "$(q "SELECT booked, ledger_open FROM bank_allocations WHERE movement_id = 'S1/2'")" "0|18000" \
	"not booked; the ledger's latest figure kept"
like "$(r import invoices "$T/i4.csv")" "nothing changed" "that file again: nothing changed"
is "$(open_of F2)" 13000 "the open amount stays 130.00"
# a snapshot that leaves F2 out: the ledger says it is paid, the payment is booked
grep -v '^F2,' "$T/i4.csv" > "$T/i5.csv"
r import invoices --snapshot "$T/i5.csv" >/dev/null
is "$(q "SELECT open_amount, status, (SELECT booked FROM bank_allocations WHERE movement_id = 'S1/2')
	FROM invoices WHERE invoice_no = 'F2'")" "0|closed|1" "a snapshot that closes the invoice books the payment"

# --- promises: a bank credit alone keeps one; a ledger payment of the same
# money takes its place, counted once
P=$(r promise add B2 --date 2026-11-30 --amount 300)
match "$B" 3 B2 G1 30000 2026-11-25 000000100232 BANKREF-77
is "$(r promises B2 --format tsv | awk -F'\t' 'NR > 1 {print $0}' | grep -c kept)" 1 \
	"a promise is kept by a bank credit alone (money_received)"
is "$(q "SELECT paid_amount FROM promises WHERE id = '$P'")" 30000 "it counts the bank credit's 300.00"
printf 'payment_ref,account_no,date,amount,communication\nP-9,B2,2026-11-26,300.00,+++000/0001/00232+++\n' > "$T/p.csv"
r import payments "$T/p.csv" >/dev/null
is "$(q "SELECT ledger_payment FROM bank_movements WHERE id = 'S1/3'")" P-9 \
	"a ledger payment with the movement's reference: the movement is the ledger's"
is "$(q "SELECT sum(amount) FROM money_received WHERE account_no = 'B2'")" 30000 "money_received counts it once"
P2=$(r promise add B2 --date 2026-12-05 --amount 500)
q "UPDATE promises SET made_at = '2026-11-20T10:00:00Z' WHERE id = '$P2'"
r promises B2 >/dev/null
is "$(q "SELECT paid_amount FROM promises WHERE id = '$P2'")" 30000 "a promise counts the money once, not 600.00"
# the same bank reference, or the same amount on the same day
match "$B" 4 B3 H1 10000 2026-11-22 "" BR-4
match "$B" 5 B3 H1 7000 2026-11-23
printf 'payment_ref,account_no,date,amount,communication\nBR-4,B3,2026-11-24,100.00,\nP-11,B3,2026-11-23,70.00,\nP-12,B3,2026-11-23,70.00,\n' > "$T/p2.csv"
r import payments "$T/p2.csv" >/dev/null
is "$(q "SELECT id, ledger_payment FROM bank_movements WHERE account_no = 'B3' ORDER BY id" | tr '\n' ' ')" \
	"S1/4|BR-4 S1/5|P-11 " "by bank reference; by account, amount and day (one payment each)"

# --- interest stops on the day of the bank payment (the 170.00 the
# ledger's payments brought name no invoice: they date nothing)
match "$B" 6 B3 H1 33000 2026-11-10
like "$(r interest B3 --paid --format tsv)" "H1	330.00	2026-10-02	2026-11-10	40	.*paid in full on 2026-11-10" \
	"interest on an invoice the bank paid runs to the day it was paid"
# --- aging as of a day before bank payments: what they paid is owed again
# (F1: 600.00 open and the bank's 400.00 of 11-20; H1: the bank's 330.00
# of 11-10; G1's payment is the ledger's P-9, which names no invoice)
out=$(r report aging --as-of 2026-11-01 --currency EUR --format tsv)
like "$out" "1-30	1	30	1000.00	0.00	1	1" "as of 2026-11-01, F1 owes its whole amount again"
like "$out" "31-60	31	60	330.00	0.00	1	1" "and H1 what the bank paid of it later"
like "$(r report aging --as-of 2026-11-15 --currency EUR --format tsv)" "31-60	31	60	1000.00	0.00	1	1" \
	"as of 2026-11-15, after H1's bank payment and before F1's: F1 only"

# --- the customers file's iban column
printf 'account_no,name,iban\nB1,Bravo,BE68 5390 0754 7034; nl91abna0417164300\nB2,Charlie,\n' > "$T/c2.csv"
like "$(r import customers "$T/c2.csv")" "0 new, 1 changed" "an iban column: the account whose IBANs it gives has changed"
is "$(q "SELECT iban || ' ' || source FROM customer_ibans WHERE account_no = 'B1' ORDER BY iban" | tr '\n' ',')" \
	"BE68539007547034 import,NL91ABNA0417164300 import," "two IBANs, ';' between them, stored as banks write them"
like "$(r import customers "$T/c2.csv")" "nothing changed" "the same file again: nothing changed"
q "INSERT INTO customer_ibans(iban, account_no, source) VALUES ('FR1420041010050500013M02606', 'B1', 'learned')"
printf 'account_no,name,iban\nB1,Bravo,DE89370400440532013000\nB2,Charlie,BE68539007547034\n' > "$T/c3.csv"
r import customers "$T/c3.csv" >/dev/null
is "$(q "SELECT iban || ' ' || account_no || ' ' || source FROM customer_ibans ORDER BY account_no, iban" | tr '\n' ',')" \
	"DE89370400440532013000 B1 import,FR1420041010050500013M02606 B1 learned,BE68539007547034 B2 import," \
	"a new file replaces the account's imported IBANs and keeps the learned one; one IBAN may be two accounts'"
printf 'account_no,name,iban\nB1,Bravo,DE89370400440532013000\nB3,Delta,BE68 5390 0754 7035\n' > "$T/c4.csv"
out=$(r import customers "$T/c4.csv" 2>&1)
like "$out" "c4.csv:3: iban: \"BE68 5390 0754 7035\" is not an IBAN" "a wrong IBAN: file, line and field"
like "$out" "nothing was imported" "and nothing is imported"
printf 'account_no,name,iban\nB1,Bravo,\n' > "$T/c5.csv"
r import customers "$T/c5.csv" >/dev/null
is "$(q "SELECT iban || ' ' || source FROM customer_ibans WHERE account_no = 'B1'")" \
	"FR1420041010050500013M02606 learned" "an account listed without an IBAN keeps only the learned one"
r import customers "$T/c3.csv" >/dev/null

# --- the bank's rows travel to another copy
C="$T/copy.db"
r export changes --all -o "$T/all.chg" >/dev/null
"$R" -d "$C" sync join "$B" >/dev/null
ok "the other copy takes the book" "$R" -d "$C" import changes "$T/all.chg"
rows() {
	sqlite3 "$1" "SELECT * FROM bank_statements; SELECT * FROM bank_movements ORDER BY id;
		SELECT * FROM bank_allocations ORDER BY 1, 2; SELECT * FROM customer_ibans ORDER BY 1, 2;
		SELECT invoice_no, open_amount, status FROM invoices ORDER BY 1"
}
is "$(rows "$C")" "$(rows "$B")" "statements, movements, allocations, IBANs and open amounts arrive"
r export changes -o "$T/none.chg" >/dev/null
printf 'invoice_no,account_no,issue_date,due_date,amount,open_amount\nK1,B2,2026-10-01,2026-11-01,80.00,80.00\n' > "$T/k.csv"
r import invoices "$T/k.csv" >/dev/null
match "$B" 8 B2 K1 3000 2026-11-24
out=$(r export changes -o "$T/next.chg")
like "$out" "1 invoice.*1 bank movement" "a match made since: the movement and the invoice it lowered are exported"
ok "the other copy takes it" "$R" -d "$C" import changes "$T/next.chg"
is "$(sqlite3 "$C" "SELECT m.status, m.account_no, a.amount, a.ledger_open, i.open_amount FROM bank_movements m
	JOIN bank_allocations a ON a.movement_id = m.id JOIN invoices i ON i.invoice_no = a.invoice_no WHERE m.id = 'S1/8'")" \
	"matched|B2|3000|8000|5000" "the matched movement, its allocation and the lowered open amount arrive"
is "$(rows "$C")" "$(rows "$B")" "both copies hold the same bank rows"
like "$("$R" -d "$C" import invoices "$T/k.csv")" "nothing changed" \
	"on the other copy the ledger's file again changes nothing either"
is "$(sqlite3 "$C" "SELECT open_amount FROM invoices WHERE invoice_no = 'K1'")" 5000 "and keeps the open amount lowered"

# --- which ledger payment shows a bank credit: the same amount, dated from
# the credit's day to ten days after; the same reference first, then the
# same bank reference, then the nearest day; never an older payment
B="$T/shows.db"
printf 'account_no,name\nD1,Echo\nD2,Foxtrot\nD3,Golf\n' > "$T/dc.csv"
cat > "$T/di.csv" <<'CSV'
invoice_no,account_no,issue_date,due_date,amount,open_amount,reference
D-1,D1,2026-09-01,2026-10-01,300.00,300.00,+++000/0002/00161+++
E-1,D2,2026-09-01,2026-10-01,200.00,200.00,
E-2,D2,2026-09-01,2026-10-01,90.00,90.00,
G-1,D3,2026-09-01,2026-10-01,120.00,120.00,
G-2,D3,2026-09-01,2026-10-01,120.00,120.00,+++000/0002/00262+++
CSV
r import customers "$T/dc.csv" >/dev/null && r import invoices "$T/di.csv" >/dev/null
match "$B" 20 D1 D-1 30000 2026-11-20 000000200161
printf 'payment_ref,account_no,date,amount,communication\nP-OLD,D1,2026-10-15,50.00,+++000/0002/00161+++\n' > "$T/dp.csv"
r import payments "$T/dp.csv" >/dev/null
is "$(q "SELECT coalesce(ledger_payment, 'none') FROM bank_movements WHERE id = 'S1/20'")" none \
	"an older ledger payment of another amount with the credit's reference is other money"
is "$(q "SELECT sum(amount) FROM money_received WHERE account_no = 'D1'")" 35000 \
	"money_received counts the bank's 300.00 and the ledger's 50.00"
match "$B" 22 D3 G-1 12000 2026-11-20
match "$B" 23 D3 G-2 12000 2026-11-20 000000200262
printf 'payment_ref,account_no,date,amount,communication\nPA,D3,2026-11-20,120.00,+++000/0002/00262+++
PB,D3,2026-11-22,120.00,\nPC,D3,2026-12-05,120.00,\n' > "$T/dp2.csv"
r import payments "$T/dp2.csv" >/dev/null
is "$(q "SELECT id, ledger_payment FROM bank_movements WHERE account_no = 'D3' ORDER BY id" | tr '\n' ' ')" \
	"S1/22|PB S1/23|PA " "the same reference first; the same amount two days later shows the other credit"
is "$(q "SELECT sum(amount) FROM money_received WHERE account_no = 'D3'")" 36000 \
	"each credit counted once, as the ledger's; the payment 15 days later is other money"
printf 'payment_ref,account_no,date,amount,communication\nPD,D1,2026-11-21,300.00,\n' > "$T/dp3.csv"
r import payments "$T/dp3.csv" >/dev/null
is "$(q "SELECT ledger_payment FROM bank_movements WHERE id = 'S1/20'")" PD \
	"the ledger's payment of the same amount a day later shows the credit"

# --- a credit the ledger's payments show can no longer be unmatched
fails "unmatching a credit the ledger's payments show is refused" r bank unmatch S1/23
like "$out" "S1/23: the ledger's payment PA shows it" "the message says which payment"
is "$(q "SELECT status, account_no, ledger_payment FROM bank_movements WHERE id = 'S1/23'")" "matched|D3|PA" \
	"and the credit stays matched, the ledger's"

# --- an invoice the bank paid in full: the ledger's open items leave it out
# once it booked the payment; a snapshot says so, a file alone does not
match "$B" 24 D2 E-1 20000 2026-11-20
is "$(q "SELECT open_amount, status FROM invoices WHERE invoice_no = 'E-1'")" "0|closed" "the bank paid E-1 in full"
grep -v '^E-1,' "$T/di.csv" > "$T/di2.csv"
r import invoices "$T/di2.csv" >/dev/null
is "$(q "SELECT booked FROM bank_allocations WHERE movement_id = 'S1/24'")" 0 \
	"a file without --snapshot that leaves it out says nothing of it"
out=$(r import invoices --snapshot "$T/di2.csv")
like "$out" "0 closed" "a snapshot that leaves it out closes nothing more"
is "$(q "SELECT a.booked, i.open_amount, i.status FROM bank_allocations a JOIN invoices i USING (invoice_no)
	WHERE a.movement_id = 'S1/24'")" "1|0|closed" "it books the bank's payment: the ledger shows the money"
is "$(q "SELECT booked FROM bank_allocations WHERE movement_id IN ('S1/20', 'S1/22', 'S1/23') ORDER BY 1" | tr '\n' ' ')" \
	"0 0 0 " "the invoices the snapshot lists as the ledger gave them are not booked"
out=$(r bank unmatch S1/24 2>&1)
like "$out" "S1/24: the ledger has booked its payment of invoice E-1" \
	"a credit whose invoice the ledger has since closed can no longer be unmatched"
is "$(q "SELECT status FROM bank_movements WHERE id = 'S1/24'")" matched "it stays matched"

done_testing
