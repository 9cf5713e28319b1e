#!/bin/sh
# account_forms.t (screen) — the account's forms speak of fields, not of
# command-line options; a form that can only fail does not open (d on a
# credit note or on an invoice disputed already, D where there is no open
# dispute) but says why at once; the promise form has an invoices field.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
# Q7 gets a credit note and a second invoice (the credit note's due date
# puts it first in the open items)
printf 'invoice_no,account_no,issue_date,due_date,amount,open_amount,kind\n%s\n%s\n' \
	"Q7-C,Q7,2026-09-01,2026-09-01,-20.00,-20.00,credit_note" \
	"Q7-2,Q7,2026-10-05,2026-11-04,70.00,70.00,invoice" > "$T/more.csv"
"$R" -d "$B" import invoices "$T/more.csv" >/dev/null

screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q7" && send Enter
wait_for "relance: account Q7"
screen_has "Q7-C .*-20\.00" "the credit note, first of the open items"
send d
screen_has "Q7-C is a credit note: only an invoice can be disputed" "d on a credit note says why at once"
unlike "$(screen)" "Dispute Q7-C" "and opens no form"
send D
screen_has "Q7-C has no open dispute to resolve" "D where there is no dispute says why at once"
unlike "$(screen)" "Resolve the dispute" "and opens no form"

send p
screen_has "Promise to pay" "p: the promise form"
screen_has "Invoices" "it has an invoices field"
send C-u && type "1,234" && send Enter
screen_has "Amount: 1,234 is ambiguous \(thousands or decimals\?\): write the cents" "an ambiguous amount is explained in the form's words"
unlike "$(screen)" "--decimal" "no command-line option named"
send C-u && type "50" && send Tab Tab && type "Q7-1, Q7-9" && send Enter
screen_has "invoice Q7-9 is not an open invoice of account Q7" "a wrong invoice is named"
send C-u && type "Q7-2 ,Q7-1" && send Enter
screen_has "promise recorded" "blanks around the commas are fine"
is "$("$R" -d "$B" promises Q7 --format tsv | cut -f3,7 | tail -1)" "50.00	Q7-1,Q7-2" "the promise covers the invoices named"

type ":goto Q8" && send Enter
wait_for "relance: account Q8"
screen_has "> Open items" "the open items pane, Q8-2 (disputed, due first) selected"
screen_has "open 980\.00 +overdue 80\.00" "80x24: the summary's figures whole"
screen_has "disputed 900\.00 " "the disputed amount whole"
screen_has "oldest 1 day " "the oldest days whole, on the next line when the first is full"
send d
screen_has "Q8-2 is disputed already: resolve it with D" "d on a disputed invoice says why, and names the key"
unlike "$(screen)" "Dispute Q8-2" "and opens no form"
send D
screen_has "Resolve the dispute on Q8-2" "D on it opens the form"
send Escape
type ":q" && send Enter
wait_exit
is "$EXIT" 0 "quits"
ok "the book is consistent" "$R" -d "$B" check
done_testing
