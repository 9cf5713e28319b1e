#!/bin/sh
# freshness.t (screen) — the title says as of when the book knows its
# payments, in the warning colour once that is more than stale-days
# working days ago; at 80 columns and narrower, what gives way: the book's
# name, then fresh payments' day, then the tally's promises; stale
# payments stay (their day MM-DD, then without today's date), never cut.
# An import while the workstation is open, or :set stale-days, shows. L
# on stale payments asks again, saying why.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/m.db"
queue_book "$B" # imported on 2026-11-24, a Tuesday
E=$(printf '\033')
# the colour codes drawn just before "payments as of" on the title line
colours_before() { screen_colours | head -1 | perl -ne 'print $1 if /((?:\e\[[0-9;]*m)*)payments as of/'; }
warned() { colours_before | grep -Eq "$E\\[([0-9;]*;)?43(;[0-9;]*)?m"; }

screen_start 80 24 -- -d "$B"
screen_has "^ relance: queue: today 0 of 6 done +m\.db  payments as of 2026-11-24  2026-11-24 *$" \
	"the title: the book, payments as of the day of the import, today"
! warned
_result $? "fresh: in the title's own colour" "colours: $(colours_before | cat -v)"
resize 68 24
screen_has "^ relance: queue: today 0 of 6 done +2026-11-24 *$" "narrower: the name, then fresh payments' day, give way"
tm kill-server

# three working days later: stale
RELANCE_TODAY=2026-11-27
screen_start 80 24 -- -d "$B"
screen_has "^ relance: queue: today 0 of 6 done +m\.db  payments as of 2026-11-24  2026-11-27 *$" \
	"three working days later the title still says as of when"
warned
_result $? "stale: in the warning colour (black on yellow in the default theme)" "colours: $(colours_before | cat -v)"
resize 68 24
screen_has "^ relance: queue: today 0 of 6 done payments as of 11-24  2026-11-27 *$" \
	"narrower: stale payments stay, their day written MM-DD"
resize 60 24
screen_has "^ relance: queue: today 0 of 6 done +payments as of 11-24 *$" \
	"at 60 columns today's date gives way to them; the tally's count is never cut"
resize 80 24

# the tally's promise gives way to stale payments, not to fresh ones
"$R" -d "$B" --user tester promise add Q2 --amount 500 --date 2026-12-04 > /dev/null
type ":set refresh-seconds = 1" && send Enter
screen_has "^ relance: queue: today 1 of 6 done +m\.db  payments as of 2026-11-24  2026-11-27 *$" \
	"a promise made today: stale payments keep their place, the promise (too long for what is left) is left out whole"

# the morning's import, while the workstation is open: fresh at the next refresh
printf 'payment_ref,account_no,date,amount\n' > "$T/none.csv"
"$R" -d "$B" import payments "$T/none.csv" > /dev/null
screen_has "^ relance: queue: today 1 of 6 done · 1 promise 500\.00 +2026-11-27 *$" \
	"the ledger read: fresh, and the promise is back (fresh payments give way to it)"
resize 120 24
screen_has "m\.db  payments as of 2026-11-27  2026-11-27 *$" "wider: payments as of today"
! warned
_result $? "no longer in the warning colour" "colours: $(colours_before | cat -v)"
tm kill-server

# stale-days, live
RELANCE_TODAY=2026-12-03
screen_start 100 24 -- -d "$B"
screen_has "payments as of 2026-11-27  2026-12-03 *$" "four working days later"
warned
_result $? "stale again" "colours: $(colours_before | cat -v)"
type ":set stale-days = 5" && send Enter
i=0
while warned && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done # until it is drawn again
! warned
_result $? ":set stale-days = 5: four are fine, in the title's own colour" "colours: $(colours_before | cat -v)"
screen_has "payments as of 2026-11-27  2026-12-03 *$" "and the day is still said"
type ":set stale-days = two" && send Enter
screen_has "stale-days: a number of working days from 0 to 365, or off" "a bad value says what it takes"
tm kill-server

# a book never given payments
B2="$T/new.db"
"$R" -d "$B2" import customers "$DATA/queue-customers.csv" > /dev/null
screen_start 80 24 -- -d "$B2"
screen_has "no payments imported yet  2026-12-03 *$" "a book never given invoices or payments says so"
screen_colours | head -1 | grep -Eq "$E\\[([0-9;]*;)?43(;[0-9;]*)?mno payments imported yet"
_result $? "in the warning colour" "$(screen_colours | head -1 | cat -v)"
tm kill-server

# L on stale payments: a person decides, and is told why
. "$(dirname "$0")/../lib/dunning_book.sh"
D="$T/dun.db"
RELANCE_TODAY=2026-11-24 dunning_book "$D" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config
RELANCE_TODAY=2026-11-27
screen_start 110 40 -- -d "$D" --all
wait_for "everyone"
type ":goto B1" && send Enter
send L
screen_has "payment data is stale \(as of 2026-11-24\): send this reminder anyway\? \(y/n\)" \
	"L on stale payments asks again, saying why"
type "n"
screen_has "nothing sent" "n: nothing sent"
is "$(ls "$T/mail" | wc -l)" 0 "no e-mail went"
send L
wait_for "send this reminder anyway"
type "y"
screen_has "step 2 done \\(email\\)" "y: sent (I-7's first reminder), as --force would"
is "$(ls "$T/mail" | wc -l)" 1 "the e-mail went"
send q
wait_exit
is "$(cat "$T/stderr")" "" "nothing on standard error"
done_testing
