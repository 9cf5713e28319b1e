#!/bin/sh
# commitments.t (screen) — the account screen says what was agreed, above
# the open items (which still show at 80x24): the promise, the plan, the
# tasks, the snooze, the dunning hold and the last contact, or "nothing
# agreed". From it: p on an open promise opens it filled in, to change or
# cancel it; T lists the account's tasks, to move, change or mark done; u
# lifts the snooze, H releases the dunning hold, each after y. A correction
# shows beside what it corrects, in the history and in the entry.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
q() { "$R" -d "$B" --user tester "$@"; }
q promise add Q1 --date 2026-12-01 --amount 300 >/dev/null
q plan add Q1 --installments 3 --every month --first 2026-12-15 --total 600 >/dev/null
t1=$(q task add Q1 --date 2026-11-27 call again about the copy)
t2=$(q task add Q1 --date 2026-12-03 send the statement)
q snooze Q1 --until 2026-12-10 >/dev/null
q dunning hold Q1 >/dev/null
NOTE=0190a000-0000-7000-8000-000000000005
q note Q1 --corrects $NOTE Asked for copies of Q1-1 and of the delivery note >/dev/null

screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q1" && send Enter
wait_for "relance: account Q1"
screen_has "^promise 300\.00 by 2026-12-01, 0\.00 received, due in 7 days" "the open promise: amount, date, received, when due"
screen_has "plan next 200\.00 on 2026-12-15; 0 of 3 paid" "the active plan: its next installment, what was paid"
screen_has "tasks \(2\) 2026-11-27 call again" "the open tasks, by date"
screen_has "snoozed until 2026-12-10" "the snooze in force"
screen_has "dunning held" "the dunning hold"
screen_has "last contact 2026-11-20 14:05 call" "the last contact"
screen_has "…$" "text that does not fit ends in an ellipsis"
screen_has "Q1-1 +2026-09-25 2026-10-25 +1,000\.00 +1,000\.00 +30 open" "at 80x24 the open items still show"
screen_has "> Open items \(1\)" "below the block"

# p: the open promise, filled in; a change is saved
send p
screen_has "The open promise \(0\.00 received\): change it, or cancel it" "p with an open promise: the promise, to change or cancel"
screen_has "Amount +300\.00" "its amount filled in"
screen_has "Date +2026-12-01" "its date filled in"
screen_has "Cancel it +< no >" "and a field to cancel it"
send Enter
screen_has "nothing changed: change the amount or the date, or Cancel it$" "Enter with nothing changed says what to do"
send C-u && type "250" && send Tab C-u && type "2026-12-05" && send Enter
screen_has "promise changed" "changed"
screen_has "^promise 250\.00 by 2026-12-05, 0\.00 received, due in 11 days" "the block shows it at once"
is "$(q promises Q1 --format tsv | tail -n +2 | cut -f3,5,6)" "250.00	2026-12-05	open" "relance promises: the promise changed, still open"
screen_has "promise +tester +Promise changed: 250\.00 EUR by 2026-12-05" "journaled"

# T: the tasks, moved, changed, marked done
send T
screen_has "relance: tasks of Q1 \(2 open\)" "T: the account's tasks"
screen_has "2026-11-27 +call again about the copy" "the first"
screen_has "2026-12-03 +send the statement" "the second"
screen_has "Enter: change  m: move  x: done  q: back" "what the keys do"
send m
screen_has "Move the task to another day" "m: the day"
send C-u && type "2026-12-08" && send Enter
screen_has "task moved to 2026-12-08" "moved"
screen_has "^  2026-12-03 +send the statement" "the list in date order"
screen_has "^  2026-12-08 +call again about the copy" "the moved task last"
is "$(q tasks Q1 --format tsv | grep "$t1" | cut -f3)" "2026-12-08" "relance tasks: on its new day"
send g Enter
screen_has "Change the task" "Enter: the date and the text"
send Tab C-u && type "send the November statement" && send Enter
screen_has "task changed" "changed"
is "$(q tasks Q1 --format tsv | grep "$t2" | cut -f3,4)" "2026-12-03	send the November statement" "relance tasks: its new text"
send x
screen_has "task done: send the November statement" "x: done"
screen_has "relance: tasks of Q1 \(1 open\)" "one left"
is "$(q tasks Q1 --format tsv | tail -n +2 | cut -f1)" "$t1" "relance tasks: the task done is gone"
send q
wait_for "relance: account Q1"
screen_has "task 2026-12-08 call again" "back in the account, the block has the task left"
screen_has "task +tester +Follow-up done: send the November" "each journaled"

# u: the snooze lifted, after y
send u
screen_has "Lift the snooze until 2026-12-10: back in the queue today\? \(y/n\)" "u asks first"
send n
screen_has "still snoozed until 2026-12-10" "n: nothing changes"
send u
wait_for "\(y/n\)"
send y
screen_has "snooze lifted: Q1 is back in the queue" "y: lifted"
unlike "$(screen)" "snoozed until" "the block has no snooze any more"
like "$(q history Q1 --type snooze --format tsv | sed -n 2p)" "Snooze lifted" "journaled"
send u
screen_has "Q1 is not snoozed" "u again: there is no snooze"

# H: the dunning hold released, after y
send H
screen_has "Release the dunning hold: reminders go again\? \(y/n\)" "H asks first"
send y
screen_has "dunning released: Q1 is back in dunning" "y: released"
screen_has "dunning no reminder yet, stopped: under a promise" "the block says why no reminder goes"
unlike "$("$R" -d "$B" dunning status Q1)" "held out of dunning" "relance dunning status: no hold"
send H
screen_has "Q1 is not held out of dunning" "H again: there is no hold"

# a correction beside what it corrects
send Tab
screen_has "note +tester +corrects note 11-21 09:30 Asked for copi" "the correction says what it corrects"
send G k
screen_has "2026-11-21 09:30 note +tester +corrected 11-24 [0-9:]{5} Asked for a copy of" "the corrected note says it was corrected"
send Enter
screen_has "^ corrected [0-9-]{10} [0-9:]{5}:" "the entry: when it was corrected"
screen_has "^ +note: Asked for copies of Q1-1 and of the delivery note" "and by what"
send q g
wait_for "relance: account Q1"
send /
type "Asked for copies" && send Enter
sleep 0.2
send Enter
screen_has "^ corrects  the note of 2026-11-21 09:30 \(entry 00000005\):" "the correction's entry: what it corrects"
screen_has "^ +Asked for a copy of invoice Q1-1$" "its words"
send q
q note Q1 --corrects $NOTE Asked for copies of Q1-1, the delivery note and the order >/dev/null
send R G k
screen_has "2026-11-21 09:30 note +tester +corrected 2 times, last 11-24 [0-9:]{5} Asked" "corrected twice: how often, and when last"
send Enter
screen_has "^ +note: Asked for copies of Q1-1, the delivery note and the order" "the entry: the latest correction"
send q g

# p on an open promise cancels it too; then p records a new one
send p
wait_for "The open promise"
send Tab Tab Tab Right Enter
screen_has "promise cancelled" "Cancel it: yes cancels the promise"
is "$(q promises Q1 --format tsv | tail -n +2 | cut -f6)" "cancelled" "relance promises: cancelled"
unlike "$(screen)" "^promise " "the block has no promise any more"
send p
screen_has "Promise to pay" "p again: a new promise"
send Escape

# nothing agreed
type ":goto Q9" && send Enter
wait_for "relance: account Q9"
screen_has "^nothing agreed  dunning no reminder yet, next step 1 \(email\) on 2026-11-28" "an account with nothing agreed says so, in one line"

# the help lists the keys
resize 100 60
send ?
screen_has "^ +T +tasks +the account's open tasks" "the help: T"
screen_has "^ +u +unsnooze " "u"
screen_has "^ +H +release-hold " "H"
send G
screen_has "Keys in the task list" "the task list's keys"
screen_has "^ +m +task-move +move the task to another day" "m moves a task there"
send q
type ":q" && send Enter
wait_exit
is "$EXIT" 0 "quits"
is "$(cat "$T/stderr")" "" "nothing on standard error"
ok "the book is consistent" q check
done_testing
