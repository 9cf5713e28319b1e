#!/bin/sh
# bank_import.t — the bank from end to end through the command line, with
# statements written by hand from the layouts (tests/data/bank/match.cod,
# CODA 2; match.xml, camt.053.001.08) against a small book
# (match-customers.csv, match-invoices.csv): each matching rule (the
# ledger's OGM and RF, the account's own reference, invoice numbers in free
# text, a known IBAN and an exact sum), unmatched and suggested credits, a
# partial payment, an overpayment, two invoices paid by one credit, a
# reversal, a debit; a promise kept by the bank; the same files again, a
# dry run and a broken file changing nothing; matching by hand, undoing it
# and ignoring; the statements listed; and the ledger's next imports
# booking a bank payment without counting it twice.
. "$(dirname "$0")/../lib/tap.sh"
export RELANCE_DB="$T/book.db"
r() { "$R" "$@"; }
q() { sqlite3 "$RELANCE_DB" "$@"; }
BANK="$DATA/bank"
COD="$BANK/match.cod"
C=coda:BE68539007547034:2026:112 # the CODA statement's id: its account, year and CODA sequence number
X=camt:BE68539007547034:MATCH-STMT-113:113 # the camt statement's: its account, Stmt/Id and LglSeqNb

open_of() { q "SELECT open_amount || ' ' || status FROM invoices WHERE invoice_no = '$1'"; }
# row ID: the bank list's amount, status, account_no, invoices and rule of a movement
row() {
	r bank list --format tsv | awk -F'\t' -v id="$1" '$1 == id {print $3 "|" $9 "|" $10 "|" $11 "|" $12}'
}
# what an import must not touch: the ledger, the work, and the bank's tables
state() {
	book_dump "$RELANCE_DB"
	for t in bank_statements bank_movements bank_allocations customer_ibans; do
		q "SELECT * FROM $t ORDER BY 1, 2" | sed "s/^/$t: /"
	done
}
mkdir -p "$HOME/.config/relance"
printf 'set company-name = "Relance Test SA"\nset company-iban = "BE68 5390 0754 7034"\n' \
	> "$HOME/.config/relance/relancerc"

ok "the customers (one with two IBANs)" r import customers "$BANK/match-customers.csv"
ok "the invoices (the ledger's OGM, RF, and an OGM given to two)" r import invoices "$BANK/match-invoices.csv"
is "$(q "SELECT iban FROM customer_ibans WHERE account_no = 'IB01' ORDER BY 1" | tr '\n' ' ')" \
	"BE71096123456769 DE89370400440532013000 " "IB01's two IBANs"

# Rule 2 needs the account's own reference, which the book hands out: it
# is read from the book (the EPC payload of RF01's QR code, the structured
# line or the free text one, whichever holds a valid reference) and
# written in place of match.xml's placeholder, in a copy.
ref=$(r qr RF01 --payload | sed -n '10,11p' | while read -r l; do
	r ref check "$l" >/dev/null 2>&1 && printf '%s\n' "$l"
done | head -n 1 | tr -d '+/ ')
like "$ref" '^([0-9]{12}|RF[0-9A-Z]+)$' "RF01's own reference, read from the book"
sed "s/@ACCOUNT-REFERENCE-RF01@/$ref/" "$BANK/match.xml" > "$T/match.xml"
unlike "$(cat "$T/match.xml")" "@ACCOUNT-REFERENCE" "written into the copy of match.xml"

# promises made the day before the statements: one the bank's money keeps,
# one it pays 550.00 of
RELANCE_TODAY=2026-11-22 r promise add AF01 --date 2026-11-30 --amount 400 >/dev/null
PV=$(RELANCE_TODAY=2026-11-22 r promise add VF01 --date 2026-12-04 --amount 600)

# --- a dry run, and a broken file with a good one, change nothing
before=$(state)
out=$(r import bank --dry-run "$COD" "$T/match.xml" 2>&1)
is "$?" 0 "import bank --dry-run"
like "$out" "match.cod: 1 statement new, 0 already in the book; 6 movements, 4 credits: 3 matched, 0 suggested, 1 unmatched \(dry run: nothing written\)" \
	"it says what the CODA file would bring"
like "$out" "match.xml: 1 statement new, 0 already in the book; 6 movements, 5 credits: " "and the camt file"
is "$(state)" "$before" "the dry run changed nothing"

sed '5s/.$//' "$COD" > "$T/broken.cod" # the first movement's 2.3 record, cut to 127 characters
is "$(sed -n 5p "$T/broken.cod" | tr -d '\n' | wc -c)" 127 "a record of 127 characters"
out=$(r import bank "$T/match.xml" "$T/broken.cod" 2>&1)
is "$?" 1 "a broken file is refused"
like "$out" "broken.cod:5: record 2.3: 127 characters, not 128" "naming its file, line and record"
like "$out" "nothing was imported" "and saying nothing was imported"
is "$(state)" "$before" "nothing of the good file given with it either"

# --- the statements
out=$(r import bank "$COD" "$T/match.xml" 2>&1)
is "$?" 0 "import bank match.cod match.xml"
like "$out" "match.cod: 1 statement new, 0 already in the book; 6 movements, 4 credits: 3 matched, 0 suggested, 1 unmatched$" \
	"the CODA file: three credits matched, one unmatched"
unlike "$out" "add up|warning" "both statements add up from opening to closing"

# each movement: amount|status|account_no|invoices|rule
is "$(row "$C/0001")" "400.00|matched|AF01|AF-1001|reference" "rule 1: the ledger's OGM in a CODA type 101 communication"
is "$(row "$C/0002")" "500.00|matched|VF01|VF-1001,VF-1002|invoice-number" \
	"rule 3: 'VF 1001' (a blank) and 'VF-1002' in free text, two invoices of one account paid by one credit"
is "$(row "$C/0003")" "200.00|matched|IB01|IB-1,IB-2|iban-amount" "rule 4: a known IBAN and the exact sum of two invoices"
is "$(row "$C/0004")" "-800.00|debit|||" "a debit is stored, never matched"
is "$(row "$C/0005")" "-400.00|debit|||" "a reversal (CODA code 49, the OGM of AF-1001) is a debit, never matched"
is "$(row "$C/0006")" "12.34|unmatched|||" "nothing to go on: unmatched"
is "$(row "$X/0001")" "350.00|matched|KM01|K-7|reference" "rule 1: the ledger's RF, paid 50.00 over"
is "$(row "$X/0002")" "160.00|matched|RF01|R-1,R-2|account-reference" \
	"rule 2: the account's own reference pays its invoices oldest first"
is "$(row "$X/0003")" "50.00|matched|VF01|VF-1003|invoice-number" "rule 3: 'VF1003 acompte', a part of VF-1003"
is "$(row "$X/0004")" "75.00|suggested|||" "an OGM the ledger gave two invoices: suggested, not matched"
is "$(row "$X/0005")" "777.77|suggested|||" "only the amount of an open invoice: suggested"
is "$(row "$X/0006")" "-200.00|debit|||" "a camt reversal of a credit (DBIT, RvslInd) is a debit"
is "$(r bank list --format tsv | wc -l)" 13 "twelve movements, a header"
is "$(r bank list --unmatched --format tsv | cut -f1 | tail -n +2 | sort | tr '\n' ' ')" \
	"$X/0004 $X/0005 $C/0006 " \
	"bank list --unmatched: the credits no rule made certain"

# --- what the matches moved
is "$(open_of AF-1001)" "0 closed" "AF-1001 paid in full by its OGM: closed (the reversal reopens nothing)"
is "$(open_of VF-1001) $(open_of VF-1002)" "0 closed 0 closed" "VF-1001 and VF-1002 paid by one credit"
is "$(open_of IB-1) $(open_of IB-2) $(open_of IB-3)" "0 closed 0 closed 5555 open" "IB-1 and IB-2, not IB-3"
is "$(r items VF01 --format tsv | awk -F'\t' 'NR > 1 {print $1, $6, $7, $9}')" "VF-1003 150.00 100.00 open" \
	"a partial payment: VF-1003 stays open with the rest"
is "$(open_of K-7) $(open_of K-8)" "0 closed 4500 open" "the overpayment closes K-7 and leaves K-8 alone"
is "$(q "SELECT unapplied FROM bank_movements WHERE id = '$X/0001'")" 5000 "its 50.00 are unapplied credit on the account"
is "$(r accounts --format tsv | awk -F'\t' '$1 == "KM01" {print $5, $6}')" "45.00 45.00" \
	"KM01's figures: K-8 open and overdue"
is "$(open_of R-1) $(open_of R-2)" "0 closed 4000 open" "rule 2 paid R-1 whole, then 60.00 of R-2"
is "$(open_of D-1) $(open_of D-2) $(open_of D-3)" "6000 open 9000 open 77777 open" "suggestions move nothing"
is "$(r accounts --format tsv | awk -F'\t' 'NR > 1 {print $1, $5}' | tr '\n' ',')" \
	"AF01 100.00,DU01 927.77,IB01 55.55,KM01 45.00,RF01 40.00,VF01 100.00," \
	"the accounts' open figures moved with them"

# the account's history and promises
is "$(q "SELECT summary FROM activities WHERE account_no = 'AF01' AND type = 'payment'")" \
	"Payment received 400.00 EUR (bank, rule reference): AF-1001" "AF01's journal has the payment received"
is "$(q "SELECT summary FROM activities WHERE account_no = 'KM01' AND type = 'payment'")" \
	"Payment received 350.00 EUR (bank, rule reference): K-7; 50.00 unapplied" "KM01's says what is unapplied"
like "$(r show KM01)" "unapplied +50\.00" "relance show: the credit left on the account"
out=$(r history AF01 --format tsv | awk -F'\t' '$3 == "payment" {print $5}')
is "$out" "Payment received 400.00 EUR (bank, rule reference): AF-1001" "relance history shows it"
is "$(r promises AF01 --format tsv | awk -F'\t' 'NR > 1 {print $3, $4, $6}')" "400.00 400.00 kept" \
	"the promise made the day before is kept by the bank credit"
like "$(r history AF01)" "2026-11-23T23:59:59Z +system +system +Promise kept: 400.00 of 400.00 EUR" \
	"kept on the day of the credit"
is "$(r promises VF01 --format tsv | awk -F'\t' 'NR > 1 {print $3, $4, $6}')" "600.00 550.00 open" \
	"VF01's promise counts both bank credits (500.00 and 50.00)"

# --- the same files again
before=$(state)
out=$(r import bank "$COD" "$T/match.xml" 2>&1)
is "$?" 0 "the same files again"
like "$out" "match.cod: nothing new: 1 statement already in the book" "the CODA file: nothing new"
like "$out" "match.xml: nothing new: 1 statement already in the book" "the camt file: nothing new"
is "$(state)" "$before" "and nothing changed"

# --- the statements listed
is "$(r bank statements --format tsv)" "statement	iban	date	opening	closing	movements
$X	BE68539007547034	2026-11-24	912.34	2125.11	6
$C	BE68539007547034	2026-11-23	1000.00	912.34	6" "bank statements: newest first, the opening and closing balances"
like "$(r bank statements | head -n 1)" "^statement +iban +date +opening +closing +movements$" "its columns as text"
json=$(r bank statements --format json)
if command -v python3 >/dev/null 2>&1; then
	is "$(printf '%s' "$json" | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join("%s:%s:%s" % (s["statement"], s["closing"], s["movements"]) for s in d))')" \
		"$X:2125.11:6 $C:912.34:6" "--format json parses, with the same figures"
	ok "bank list --format json parses" sh -c "'$R' bank list --format json | python3 -c 'import json, sys; json.load(sys.stdin)'"
else
	like "$json" "^\[" "--format json: an array (no python3 to parse it)"
fi

# --- by hand: match a suggested credit, undo it, ignore
out=$(r bank match "$X/0004" DU01 D-1=60.00 D-2=15.00 2>&1)
is "$?" 0 "bank match of a suggested credit to two invoices, amounts given"
is "$(row "$X/0004")" "75.00|matched|DU01|D-1,D-2|manual" "matched by hand"
is "$(open_of D-1) $(open_of D-2)" "0 closed 7500 open" "D-1 paid, 15.00 of D-2"
out=$(r bank unmatch "$X/0004" 2>&1)
is "$?" 0 "bank unmatch"
like "$(row "$X/0004")" "^75\.00\|(unmatched|suggested)\|\|\|$" "the credit is no one's again"
is "$(open_of D-1) $(open_of D-2)" "6000 open 9000 open" "the open amounts are back exactly"
is "$(q "SELECT count(*) FROM bank_allocations WHERE movement_id = '$X/0004'")" 0 "its allocations gone"
ok "bank match of the other suggestion, no amount" r bank match "$X/0005" DU01 D-3
is "$(row "$X/0005")" "777.77|matched|DU01|D-3|manual" "matched by hand"
is "$(open_of D-3)" "0 closed" "D-3 paid"
is "$(q "SELECT source FROM customer_ibans WHERE iban = 'GB29NWBK60161331926819' AND account_no = 'DU01'")" learned \
	"the counterparty's IBAN is learned"
ok "a mistake: bank unmatch of it" r bank unmatch "$X/0005"
is "$(q "SELECT count(*) FROM customer_ibans WHERE iban = 'GB29NWBK60161331926819'")" 0 \
	"a match undone forgets the IBAN it taught"
ok "matched again" r bank match "$X/0005" DU01 D-3
ok "bank ignore" r bank ignore "$C/0006"
is "$(row "$C/0006")" "12.34|ignored|||" "ignored"
unlike "$(r bank list --unmatched --format tsv)" "$C/0006" "and no longer among the unmatched"

# --- the ledger: its files again book the bank's payments, counting them once
opens() { q "SELECT invoice_no, open_amount, status FROM invoices ORDER BY 1"; }
before=$(opens)
out=$(r import invoices "$BANK/match-invoices.csv")
like "$out" "15 rows read, 0 new, 0 changed, 0 closed .*\(nothing changed\)" \
	"the invoices file again, showing no bank payment: nothing changed"
is "$(opens)" "$before" "the open amounts the bank lowered stay lowered"
is "$(q "SELECT count(*) FROM bank_allocations WHERE booked = 1")" 0 "no allocation booked"

sed 's/^VF-1003,VF01,2026-10-01,2026-11-01,150.00,150.00,$/VF-1003,VF01,2026-10-01,2026-11-01,150.00,100.00,/' \
	"$BANK/match-invoices.csv" > "$T/booked.csv"
is "$(grep -c '^VF-1003,.*,100.00,$' "$T/booked.csv")" 1 "a file where the ledger shows the bank's 50.00 of VF-1003"
like "$(r import invoices "$T/booked.csv")" "0 new, 1 changed" "imported: one invoice changed"
is "$(q "SELECT booked FROM bank_allocations WHERE movement_id = '$X/0003'")" 1 "that allocation is booked"
is "$(q "SELECT count(*) FROM bank_allocations WHERE booked = 1")" 1 "it alone"
is "$(open_of VF-1003)" "10000 open" "VF-1003's open amount is the ledger's 100.00, not lowered twice"
like "$(r import invoices "$T/booked.csv")" "nothing changed" "that file again: nothing changed"
is "$(open_of VF-1003)" "10000 open" "still 100.00"

# payments of the ledger showing bank credits: the OGM of AF01's, the bank
# reference of VF01's 500.00 (its CODA record 2.1, columns 11-31)
bankref=$(sed -n 6p "$COD" | cut -c11-31)
is "$bankref" "0002MTCH0000000000000" "the bank's reference of VF01's credit"
printf 'payment_ref,account_no,date,amount,communication\nP-1,AF01,2026-11-24,400.00,+++314/1592/65312+++\n%s,VF01,2026-11-24,500.00,Facture VF-1001 VF-1002\n' \
	"$bankref" > "$T/payments.csv"
like "$(r import payments "$T/payments.csv")" "2 rows read, 2 new" "the ledger's payments"
is "$(q "SELECT id || ' ' || ledger_payment FROM bank_movements WHERE ledger_payment IS NOT NULL ORDER BY id" | tr '\n' ',')" \
	"$C/0001 P-1,$C/0002 $bankref," "each bank credit is now the ledger's payment"
is "$(r promises VF01 --format tsv | awk -F'\t' 'NR > 1 {print $3, $4, $6}')" "600.00 550.00 open" \
	"VF01's promise counts the 500.00 once (not 1,050.00 and kept)"
is "$(q "SELECT paid_amount FROM promises WHERE id = '$PV'")" 55000 "its paid amount: the bank's 50.00 and the ledger's 500.00"
is "$(q "SELECT account_no || ' ' || sum(amount) FROM money_received WHERE account_no IN ('AF01', 'VF01')
	GROUP BY account_no ORDER BY account_no" | tr '\n' ',')" \
	"AF01 40000,VF01 55000," "money received, counted once"
is "$(r promises AF01 --format tsv | awk -F'\t' 'NR > 1 {print $3, $4, $6}')" "400.00 400.00 kept" \
	"AF01's promise: 400.00, kept"
# --- a statement id is no proof of the same statement: another with the
# id of one in the book is refused, not taken for it (its money lost)
before=$(state)
sed '282s/777\.77/777.78/; 308s/777\.77/777.78/' "$T/match.xml" > "$T/other.xml"
is "$(grep -c '777\.78' "$T/other.xml")" 2 "match.xml with one credit of 777.78, not 777.77"
out=$(r import bank "$T/other.xml" 2>&1)
is "$?" 1 "a camt statement of the same Stmt/Id and sequence, other movements: refused"
like "$out" "other\.xml:[0-9]+: statement $X is already in the book with other movements: 6 movements of 1,212\.77 in all, closing 2,125\.11; this file has 6 movements of 1,212\.78 in all, closing 2,125\.11" \
	"naming the file, its line and the statement, and what differs"
unlike "$out" "nothing new" "not 'nothing new'"
is "$(state)" "$before" "nothing imported"
awk 'NR == 21 {$0 = substr($0, 1, 42) "000000000912350" substr($0, 58)} {print}' "$COD" > "$T/other.cod"
is "$(sed -n 21p "$T/other.cod" | cut -c43-57)" 000000000912350 "match.cod with a new balance of 912.35"
out=$(r import bank "$COD" "$T/other.cod" 2>&1)
is "$?" 1 "a CODA statement of the same id, closing otherwise: refused"
like "$out" "other\.cod:2: statement $C is already in the book with other movements: 6 movements of .* in all, closing 912\.34; this file has 6 movements of .* in all, closing 912\.35" \
	"naming its record 1's line"
is "$(state)" "$before" "nothing imported, not even the file given with it"

# two daily CODA files of one paper statement: each its own statement
awk 'NR == 2 {$0 = substr($0, 1, 125) "113"} {print}' "$COD" > "$T/day2.cod"
is "$(sed -n 2p "$T/day2.cod" | cut -c3-5,126-128)" 112113 "match.cod as the next day's: paper 112, CODA 113"
out=$(r import bank --dry-run "$T/day2.cod" 2>&1)
like "$out" "day2\.cod: 1 statement new, 0 already in the book; 6 movements" "another statement, not 'nothing new'"
# the same Stmt/Id and sequence of another account: another statement
sed 's#<IBAN>BE68539007547034</IBAN>#<IBAN>BE71096123456769</IBAN>#' "$T/match.xml" > "$T/account2.xml"
out=$(r import bank --dry-run "$T/account2.xml" 2>&1)
like "$out" "account2\.xml: 1 statement new, 0 already in the book" "another account's statement of the same Stmt/Id is new"

# --- amounts and dates no bank writes
sed '282s/777\.77/1234567890123.00/' "$T/match.xml" > "$T/huge.xml"
out=$(r import bank "$T/huge.xml" 2>&1)
is "$?" 1 "an amount of 13 digits before the decimal mark: refused"
like "$out" "huge\.xml:282: Ntry/Amt: 1234567890123\.00: more than 12 digits before the decimal mark" \
	"naming the line and the element"
sed '54s/2026-11-24/2099-12-31/' "$T/match.xml" | sed 's/MATCH-STMT-113/MATCH-STMT-114/' > "$T/future.xml"
out=$(r import bank "$T/future.xml" 2>&1)
is "$?" 1 "a statement dated 2099-12-31: refused"
like "$out" "future\.xml:[0-9]+: statement camt:BE68539007547034:MATCH-STMT-114:113: its date 2099-12-31 is after tomorrow \(today is 2026-11-24\)" \
	"naming the file, the line and the date"
is "$(state)" "$before" "none of them changed the book"

# relance check: the book of all this is sound, and a credit whose
# allocations and rest do not add up, or that pays another account's
# invoice, is named
ok "relance check passes on the book of all this" r check
cp "$RELANCE_DB" "$T/broken.db"
sqlite3 "$T/broken.db" "UPDATE bank_movements SET unapplied = unapplied + 1 WHERE id = '$X/0001';
	UPDATE bank_allocations SET invoice_no = 'AF-1001' WHERE movement_id = '$C/0003' AND invoice_no = 'IB-1'"
out=$("$R" -d "$T/broken.db" check 2>&1 | tr "\n" " ")
like "$out" "allocations and unapplied rest add up to its amount.*$X/0001" "check names the credit that does not add up"
like "$out" "only a matched credit pays invoices, and only its account's.*$C/0003 AF-1001" \
	"and the one paying another account's invoice"
done_testing
