#!/bin/sh
# bank.t (screen) — :bank and B: the credits no rule matched, at 80x24,
# amounts whole; Enter shows a credit's candidates (why, and what each
# would pay) and Enter on one assigns it through a form prefilled with
# what it pays; a assigns to an account typed, the invoices changed in
# the form (part of the credit left on the account); x sets a credit
# aside as no customer's. The book says the same on the command line.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
# Q9: sixty small invoices, more than the assign form's line holds
{
	echo "invoice_no,account_no,issue_date,due_date,amount,open_amount"
	i=1
	while [ $i -le 60 ]; do printf 'Q9-M%03d,Q9,2026-09-01,2026-10-01,1.00,1.00\n' $i; i=$((i + 1)); done
} > "$T/many.csv"
"$R" -d "$B" import invoices "$T/many.csv" >/dev/null

# entry AMOUNT NAME TEXT N: one booked credit of camt.053.001.08
entry() {
	cat <<XML
      <Ntry>
        <Amt Ccy="EUR">$1</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-23</Dt></BookgDt>
        <ValDt><Dt>2026-11-23</Dt></ValDt>
        <AcctSvcrRef>SCR-$4</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Amt Ccy="EUR">$1</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          <RltdPties><Dbtr><Pty><Nm>$2</Nm></Pty></Dbtr></RltdPties>
          <RmtInf><Ustrd>$3</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
XML
}
{
	cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>SCREEN-1</MsgId><CreDtTm>2026-11-23T07:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>SCREEN-STMT-1</Id>
      <ElctrncSeqNb>1</ElctrncSeqNb>
      <CreDtTm>2026-11-23T07:00:00</CreDtTm>
      <Acct><Id><IBAN>BE71096123456769</IBAN></Id><Ccy>EUR</Ccy></Acct>
XML
	entry 300.00 "Quattro Srl" "payment" 1
	entry 123.45 "Somebody Unknown" "refund of deposit" 2
	entry 150.00 "Duo and Partners" "on account" 3
	entry 60.00 "Many Small Ltd" "sixty invoices" 4
	printf '    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n'
} > "$T/stmt.xml"
out=$("$R" -d "$B" import bank "$T/stmt.xml")
like "$out" "4 credits: 0 matched, 1 suggested, 3 unmatched" "the statement read: one credit with candidates, three without"

screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
send B
screen_has "bank: 4 credits to match, 1 with candidates" "B: the credits to match"
screen_has "2026-11-23 +300\.00 EUR +Quattro Srl +\? payment" "a line a credit: date, amount whole, payer, text; ? where there are candidates"
screen_has "123\.45 EUR +Somebody Unknown +refund of deposit" "the credit nobody is known for"
screen_has "Enter: candidates  a: assign to an account  x: not a customer's  q: back" "the keys, from the keymap"

# the credit with candidates: Q4's one invoice has its amount
line=$(screen | grep -n "Quattro" | cut -d: -f1)
first=$(screen | grep -n "2026-11-23" | head -1 | cut -d: -f1)
while [ "$first" -lt "$line" ]; do send j; first=$((first + 1)); done
send Enter
screen_has "300\.00 EUR on 2026-11-23 from Quattro Srl" "Enter: the credit, whole"
screen_has "Q4 .*same amount as invoice Q4-1" "its candidate and why"
screen_has "pays Q4-1 300\.00" "and what it would pay"
send Enter
screen_has "Invoices paid.*Q4-1=300\.00" "Enter on the candidate: the form, prefilled"
send Enter
screen_has "300\.00 EUR assigned to Q4" "assigned"
screen_has "bank: 3 credits to match, 0 with candidates" "back to the list, one credit fewer"
is "$(sqlite3 "$B" "SELECT open_amount, status FROM invoices WHERE invoice_no = 'Q4-1'")" "0|closed" "Q4-1 is paid and closed"

# a: to an account typed, in part
line=$(screen | grep -n "Duo and Partners" | cut -d: -f1)
cur=$(screen | grep -n "2026-11-23" | head -1 | cut -d: -f1)
while [ "$cur" -lt "$line" ]; do send j; cur=$((cur + 1)); done
send a
screen_has "assign to account:" "a asks for the account"
type "Q2" && send Enter
screen_has "Invoices paid.*Q2-1=150\.00" "the form: the oldest invoices first"
send C-u && type "Q2-1=100" && send Enter
screen_has "150\.00 EUR assigned to Q2" "assigned, in part"
is "$(sqlite3 "$B" "SELECT open_amount FROM invoices WHERE invoice_no = 'Q2-1'")" 40000 "Q2-1: 100.00 of 500.00 paid"
send q
type ":goto Q2" && send Enter
screen_has "unapplied credit 50\.00" "Q2's account: the 50.00 no invoice took, whole"
send q
send B
screen_has "bank: 2 credits to match" "back to the bank's credits"

# x: no customer's money
send x
screen_has "123\.45 EUR from Somebody Unknown is not a customer's payment\? \(y/n\)" "x asks first"
send y
screen_has "set aside: not a customer's payment" "set aside"
screen_has "bank: 1 credit to match" "one left"
send a
type "Q9" && send Enter
screen_has "60\.00 EUR to Q9: INVOICE=AMOUNT paid; 21 more invoices did not fit" "an account of sixty invoices: the form says what did not fit"
screen_has "Invoices paid  .* Q9-M038=1\.00 Q9-M039=1\.00$" "and holds whole entries, oldest first, the last whole"
send Escape
screen_has "bank: 1 credit to match" "Esc: nothing assigned"
type ":q" && send Enter
wait_exit
is "$EXIT" 0 "quits"

list=$("$R" -d "$B" bank list --format tsv | cut -f5,9-12 | sort)
like "$list" "Quattro Srl	matched	Q4	Q4-1	manual" "bank list: the match by hand"
like "$list" "Duo and Partners	matched	Q2	Q2-1	manual" "the one assigned in part"
like "$list" "Somebody Unknown	ignored	" "the one set aside"
is "$(sqlite3 "$B" "SELECT unapplied FROM bank_movements WHERE counterparty = 'Duo and Partners'")" 5000 \
	"what the form did not give an invoice stays on the account"
like "$("$R" -d "$B" history Q4)" "Payment received 300\.00 EUR" "Q4's history has the payment"
ok "the book is consistent" "$R" -d "$B" check
done_testing
