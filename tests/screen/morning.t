#!/bin/sh
# morning.t (screen) — a collector's morning at 80x24 on a day's list of
# five accounts, each worked a different way (a call not answered, a call
# that reached the debtor and a promise, a plan, a snooze, a note): each
# leaves the list as it is worked, ] goes on to the next one still to do,
# the title counts the day down to 5 of 5 done; e explains an account's
# place; show-done keeps the worked ones, ticked; the next day brings
# back the account not answered (and the one only noted).
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/m.db"
queue_book "$B"
# Q8 out of today's list (snoozed on the 20th): five accounts to do
"$R" -d "$B" --user tester --today 2026-11-20 snooze Q8 --until 2026-12-31 >/dev/null

screen_start 80 24 -- -d "$B"
screen_has "relance: queue: today 0 of 5 done" "the day: five accounts to do"
order=$(screen | awk '$2 ~ /^Q[0-9]$/ {printf "%s ", $2}')
is "$order" "Q3 Q2 Q1 Q4 Q7 " "in the order of their scores"

send e
screen_has "relance: score" "e: why the account is first"
screen_has "next action: call: broken promise on 2026-11-13" "its next action"
screen_has "rank 1 of 5 in today's list" "its rank"
screen_has "broken promise +100000000 +1 +100000000 +not followed up" "the broken promise's term"
screen_has "score +100002000" "and the score"
send q

# 1. Q3: a call, not answered
send Enter
screen_has "relance: account Q3" "Enter: the first account"
send c
screen_has "CALL 00:0" "c: the call's timer runs"
send c
screen_has "The call's outcome" "c again: its outcome"
screen_has "Follow-up +2026-12-01" "the form proposes calling again in a week"
send Right
screen_has "< no answer >" "no answer (as words, not the stored code)"
screen_has "Follow-up +2026-11-25" "the proposal follows the outcome: the next working day"
send Right Right Right
screen_has "< wrong number >" "a wrong number"
unlike "$(screen)" "Follow-up +20" "no day proposed: a task to find a number instead"
send Left Left Left
send Enter
screen_has "call logged" "logged"
send ]
screen_has "relance: account Q2" "] goes on to the next account still to do"

# 2. Q2: reached, and a promise
send c
wait_for "CALL 00:0"
send c
wait_for "The call's outcome"
send Enter
screen_has "call logged" "reached"
send p
wait_for "Promise to pay"
send Tab C-u && type "2026-11-28" && send Enter
screen_has "promise recorded" "a promise"
send ]
screen_has "relance: account Q1" "] again: the next one"

# 3. Q1: a plan
send P
wait_for "Payment plan for 1,000\.00 EUR"
send Enter
screen_has "new plan" "the plan editor"
send w
screen_has "plan saved" "a plan saved"
screen_has "relance: account Q1" "back on the account"
send ]
screen_has "relance: account Q4" "] again"

# 4. Q4: a snooze
send s
wait_for "Snooze the account"
send Enter
screen_has "snoozed" "snoozed"
send ]
screen_has "relance: account Q7" "] again: the last one"

# 5. Q7: a note only
send a
wait_for "Note"
type "Left a message with the receptionist" && send Enter
screen_has "note +tester +Left a message" "a note"
send ]
screen_has "the day's list is done: nothing left to do today" "] after the last: nothing left to do"
send q
screen_has "relance: queue: today 5 of 5 done · 1 promise 500\.00 · 1 plan" "the title: the day done, the promise and the plan made"
screen_has "the day's list is done" "the list says so"
resize 68 24
screen_has "relance: queue: today 5 of 5 done · 1 promise 500\.00 +2026-11-24 *$" \
	"narrower, the book's name gives way to the day's tally (the day stays)"
unlike "$(screen | head -1)" "m\.db" "(the name is not cut: left out whole)"
resize 80 24

type ":set show-done = yes" && send Enter
order=$(screen | awk '$2 ~ /^Q[0-9]$/ {printf "%s ", $2}')
is "$order" "Q2 Q1 Q4 Q3 Q7 " "show-done keeps the accounts worked today (by score: Q3's broken promise is followed up)"
screen_has "✓ +Q3 +Gamma NV .* call again +11-25" "ticked, with their next action: the call not answered, tomorrow"
screen_has "✓ +Q2 +Bêta SPRL .* check the promise +12-01" "the promise: its check date"
screen_has "✓ +Q1 +Alpha Ltd .* check installment +12-27" "the plan: its next installment's"
screen_has "✓ +Q4 +Delta SA .* snoozed +12-01" "the snooze: its end"
send g Enter
wait_for "relance: account Q2"
send ]
screen_has "relance: account Q2" "] passes over the accounts done, ticked or not"
screen_has "the day's list is done" "and says there is none left"
send q
wait_for "mine \(tester\)"
type ":set show-done = no" && send Enter
send q
wait_exit

tm kill-server
# the next day: the call not answered is back, and the account only noted
screen_start 80 24 RELANCE_TODAY=2026-11-25 -- -d "$B"
screen_has "relance: queue: today 0 of 2 done" "the next day: two accounts to do"
order=$(screen | awk '$2 ~ /^Q[0-9]$/ {printf "%s ", $2}')
is "$order" "Q3 Q7 " "the one not answered and the one only noted and the one not answered; the promise, the plan and the snooze wait for their days"
screen_has "Q3 +Gamma NV .* call again +11-25" "Q3: call again"
type ":set show-done = yes" && send Enter
send Enter
wait_for "relance: account Q3"
send a
wait_for "Note"
type "Not reached again" && send Enter
wait_for "note added"
send q
wait_for "today 1 of 2 done"
order=$(screen | awk '$2 ~ /^Q[0-9]$/ {printf "%s ", $2}')
is "$order" "Q7 Q3 " "the account just worked moves to its place at the end, ticked (the queue's row read alone)"
screen_has "✓ +Q3" "with its tick"
send q
wait_exit
done_testing
