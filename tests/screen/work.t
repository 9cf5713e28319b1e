#!/bin/sh
# work.t (screen) — writing from the workstation: the form widget (checks in
# place, Esc asking first, a resize keeping what was typed), a note, a
# follow-up task, a promise, a dispute and its resolution, and a call whose
# timer runs while the collector moves, each landing in the history.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q1" && send Enter
screen_has "relance: account Q1" "the account"

send n
screen_has "Enter: save  Esc: cancel" "n opens the note form"
type "Spoke to the accountant"
send Escape
screen_has "Discard what was typed\? \(y/n\)" "Esc on a filled form asks first"
send n
screen_has "Spoke to the accountant" "n: the form stays, with what was typed"
resize 100 30
screen_has "Spoke to the accountant" "a resize in the middle of a form keeps it"
resize 80 24
send Enter
screen_has "note added" "Enter saves"
like "$(screen)" "note +tester +Spoke to the accountant" "the note is in the history"

send p
screen_has "Promise to pay" "p opens the promise form"
like "$(screen)" "Amount +1000\.00" "the amount proposed is the overdue balance"
send C-u && type "1.234,567" && send Enter
screen_has "Amount: 1\.234,567 has more than two decimals" "an amount with three decimals is refused in place"
send C-u && type "400" && send Tab C-u && type "2026-11-01" && send Enter
screen_has "promise: the date is in the past" "a promise in the past is refused in place (by the engine)"
send C-u && type "31/02/2027" && send Enter
screen_has "Date: 31/02/2027 is not a date" "a date that does not exist is refused in place"
send C-u && type "30/11/2026" && send Enter
screen_has "promise recorded" "a day-first date is accepted"
like "$(screen)" "promise +tester +Promise to pay 400\.00 EUR by 2026-11-30" "the promise is in the history"
is "$("$R" -d "$B" promises Q1 --format tsv | cut -f3,5,6 | tail -1)" "400.00	2026-11-30	open" "and in the book"

send t
screen_has "Follow-up task" "t opens the task form (the date proposed a week ahead)"
type "send the statement" && send Enter
screen_has "follow-up task added" "saved"
like "$(screen)" "task +tester +Follow-up on 2026-12-01: send the stat" "journaled"

send d
screen_has "Dispute Q1-1" "d disputes the selected invoice"
send Right Right Tab && type "Wrong quantity" && send Enter
screen_has "dispute opened" "saved"
like "$(screen)" "Q1-1 .* disputed" "the invoice shows as disputed"
like "$(screen)" "overdue 0\.00 +disputed 1,000\.00" "and leaves the overdue figures"
send D
screen_has "Resolve the dispute on Q1-1" "D resolves it"
send r && send Enter
screen_has "dispute resolved" "resolved (first letter chooses: rejected)"
like "$(screen)" "Dispute on Q1-1 closed: rejected" "journaled"

send c
screen_has "CALL Alpha Ltd +00:0[0-9]" "c starts a call: the timer in the status bar"
send Tab j k
sleep 1.1
screen_has "CALL Alpha Ltd +00:0[1-9]" "it runs while the collector moves"
send q
screen_has "a call is running: c ends it" "leaving the account during a call asks to end it first"
send c
screen_has "The call's outcome" "c again: the outcome form"
send Right Tab && type "Will call back" && send Tab && type "2026-11-27" && send Enter
screen_has "call logged" "logged"
like "$(screen)" "call +tester +Call: no_answer \(0:0[1-9]\)" "with its outcome and duration"
unlike "$(screen | tail -1)" "CALL" "the timer is gone"
send q
screen_has "mine \(tester\)" "back to the queue"
like "$(screen)" "Q1 +Alpha Ltd +tester +1,000\.00 +30 follow-up: +2026-11-27" "the queue follows: Q1's next action is the call's follow-up (before the promise)"
type ":q" && send Enter
wait_exit
is "$EXIT" 0 "quits"
ok "the book is consistent after all these writes" "$R" -d "$B" check
done_testing
