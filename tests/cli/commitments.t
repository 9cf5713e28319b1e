#!/bin/sh
# commitments.t — what was agreed on an account, from the command line:
# `relance show` has the account screen's block (promise, plan, tasks,
# snooze, dunning, last contact, or "nothing agreed"); a task is moved or
# edited (task move|edit), a snooze lifted (snooze --off), each journaled
# and refused with a clear message when it cannot be; a note may correct
# an entry of its account's journal (note --corrects), which history
# names in its corrects column.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
q() { "$R" -d "$B" --user tester "$@"; }
block() { q show "$1" | sed -n '/^Commitments$/,/^$/p'; }

# --- relance show: the block -------------------------------------------------
is "$(block Q9)" "Commitments
  nothing agreed
  dunning        no reminder yet, next step 1 (email) on 2026-11-28" "nothing agreed: said, with the dunning to come"
like "$(block Q3)" "promise +200.00 by 2026-11-10, 0.00 received, broken" "a broken promise stays in the block (the queue's flag comes from it)"
unlike "$(block Q3)" "nothing agreed" "and it counts as agreed"

q promise add Q1 --date 2026-12-01 --amount 300 >/dev/null
q plan add Q2 --installments 3 --every month --first 2026-12-15 --down 50 >/dev/null
t1=$(q task add Q1 --date 2026-11-27 call again about the copy)
q task add Q1 --date 2026-12-03 send the statement >/dev/null
q snooze Q1 --until 2026-12-10 >/dev/null
q log call Q1 --outcome no_answer --duration 5 >/dev/null
q dunning hold Q1 >/dev/null
out=$(block Q1)
like "$out" "promise +300.00 by 2026-12-01, 0.00 received, due in 7 days" "the open promise: amount, date, received, when it is due"
like "$out" "task +2026-11-27 call again about the copy
  task +2026-12-03 send the statement" "every open task, by date"
like "$out" "snoozed until +2026-12-10" "the snooze in force"
like "$out" "dunning +held" "the dunning hold"
like "$out" "last contact +2026-11-24T[0-9:]{8}Z call by tester: no answer" "the last contact: when, what, who, the call's outcome"
like "$(block Q2)" "plan +next 50.00 on 2026-11-24; 0 of 4 paid" "the active plan: its next installment and what was paid"
like "$(block Q2)" "dunning +no reminder yet, stopped: under a plan" "under a plan: the dunning says why it is stopped"
# the rules as of later days, on a copy (show applies them, journaled)
cp "$B" "$T/later.db"
l() { "$R" -d "$T/later.db" --user tester "$@"; }
like "$(RELANCE_TODAY=2026-12-03 l show Q1)" "promise +300.00 by 2026-12-01, 0.00 received, in grace until 2026-12-04" "after its date: in its grace"
like "$(RELANCE_TODAY=2026-12-05 l show Q1)" "promise +300.00 by 2026-12-01, 0.00 received, broken" "after the grace: broken"
like "$(RELANCE_TODAY=2026-12-05 l promises Q1 --format tsv)" "	broken	" "as promises lists it: show applied the rules"
# the queue applies them to every promise whose grace is over (through
# the index of open promises by date), before it orders the day
cp "$B" "$T/lapsed.db"
lq() { "$R" -d "$T/lapsed.db" --user tester "$@"; }
RELANCE_TODAY=2026-12-04 lq queue >/dev/null
like "$(lq promises Q1 --format tsv)" "	open	" "the queue on the last day of the grace leaves the promise open"
RELANCE_TODAY=2026-12-05 lq queue >/dev/null
like "$(lq promises Q1 --format tsv)" "	broken	" "the day after, the queue finds it lapsed: journaled broken"
like "$(RELANCE_TODAY=2026-12-01 l show Q2)" "plan +next 150.00 on 2026-12-15; 0 of 4 paid, 1 missed" "the down payment not made: missed"
printf 'payment_ref,account_no,date,amount\nPQ2,Q2,2026-12-01,50.00\n' > "$T/pay.csv"
RELANCE_TODAY=2026-12-01 l import payments "$T/pay.csv" >/dev/null
like "$(RELANCE_TODAY=2026-12-01 l show Q2)" "plan +next 150.00 on 2026-12-15; 1 of 4 paid \(1 late\)$" "paid after its grace: paid, late"

# --- task move, task edit ------------------------------------------------------
ok "task move" q task move "$t1" --date 2026-12-08
is "$(q tasks Q1 --format tsv | tail -n +2 | cut -f3,4)" "2026-12-03	send the statement
2026-12-08	call again about the copy" "moved: listed on its new day"
like "$(q history Q1 --format tsv | sed -n 2p | cut -f3,5)" "task	Follow-up moved to 2026-12-08 \(was 2026-11-27\): call again about the copy" "journaled with what it was"
ok "task edit" q task edit "$t1" call again, ask for Marie
is "$(q tasks Q1 --format tsv | grep "$t1" | cut -f3,4)" "2026-12-08	call again, ask for Marie" "edited: its new text"
like "$(q history Q1 --format tsv | sed -n 2p | cut -f5)" "Follow-up on 2026-12-08 changed: call again, ask for Marie \(was: call again about the copy\)" "journaled"
ok "task edit with --date" q task edit "$t1" --date 2026-12-09 call Marie
is "$(q tasks Q1 --format tsv | grep "$t1" | cut -f3,4)" "2026-12-09	call Marie" "both at once"
out=$(q task move "$t1" --date 2026-11-01 2>&1)
is "$?" 1 "a move into the past: exit 1"
like "$out" "task: --date 2026-11-01 is in the past" "and says so"
out=$(q task move "$t1" --date 2026-12-09 2>&1)
like "$?:$out" "^1:.*nothing to change" "a move to its own day changes nothing"
out=$(q task move 0190a000-0000-7000-8000-0000000000ff --date 2026-12-09 2>&1)
like "$?:$out" "^1:.*no open task 0190a000-0000-7000-8000-0000000000ff" "an unknown task: exit 1, named"
q task move "$t1" 2>/dev/null
is "$?" 2 "task move without --date: usage error"
q task edit "$t1" 2>/dev/null
is "$?" 2 "task edit without a text: usage error"
out=$(q task move "$t1" --date soon 2>&1)
like "$?:$out" "^2:.*task: --date soon is not a date" "a date that is not one: usage error"
q task done "$t1" >/dev/null
out=$(q task move "$t1" --date 2026-12-20 2>&1)
like "$?:$out" "^1:.*no open task" "a task done is not moved"
like "$(q help task)" "task move TASK_ID --date D" "the help names task move"
like "$(q help task)" "task edit TASK_ID \[--date D\] TEXT" "and task edit"

# --- snooze --off -----------------------------------------------------------------
like "$(q queue --all-dates --format tsv | grep Q1 | cut -f8)" "^snoozed$" "Q1 is snoozed: its next action is the snooze's end"
ok "snooze --off" q snooze Q1 --off
unlike "$(block Q1)" "snoozed" "the snooze is lifted"
unlike "$(q queue --all-dates --format tsv | grep Q1 | cut -f8)" "snoozed" "Q1 is back in the queue: its next action no longer the snooze"
like "$(q history Q1 --type snooze --format tsv | sed -n 2p)" "	snooze	tester	Snooze lifted	" "journaled"
out=$(q snooze Q1 --off 2>&1)
like "$?:$out" "^1:.*account Q1 is not snoozed" "--off on an account not snoozed: refused, said"
q snooze Q1 --off --until 2026-12-01 2>/dev/null
is "$?" 2 "--off and --until together: usage error"
q snooze Q1 2>/dev/null
is "$?" 2 "neither: usage error"
like "$(q help snooze)" "snooze ACCOUNT --off" "the help names --off"

# --- dunning release shows in the block ----------------------------------------------
q dunning release Q1 >/dev/null
like "$(block Q1)" "dunning +no reminder yet, stopped: under a promise" "released: the dunning says why it waits"

# --- note --corrects -----------------------------------------------------------------
old=0190a000-0000-7000-8000-000000000005
out=$(q note Q1 --corrects "$old" Asked for a copy of invoice Q1-1 and of the delivery note)
like "$out" "^note [0-9a-f-]{36}$" "a correcting note prints its id"
is "$(sqlite3 "$B" "SELECT corrects FROM activities WHERE id = '${out#note }'")" "$old" "it names the entry it corrects"
is "$(q history Q1 --format tsv | head -1)" "id	at	type	user	summary	corrects	copy" "history: a corrects column"
is "$(q history Q1 --format tsv | awk -F '\t' -v id="${out#note }" '$1 == id {print $6}')" "$old" "the correction names what it corrects"
is "$(q history Q1 --format tsv | awk -F '\t' -v id="$old" '$1 == id {print "[" $6 "]"}')" "[]" "the entry corrected names nothing"
like "$(q history Q1 | grep 'delivery note')" " 00000005 " "text: the last eight of its id"
out=$(q note Q2 --corrects "$old" wrong account 2>&1)
like "$?:$out" "^1:relance: note: --corrects $old: no entry of account Q2 has that id" "an entry of another account: refused, said"
out=$(q note Q1 --corrects nope text 2>&1)
is "$?" 1 "an id that is no entry: exit 1"
is "$(q history Q2 --format tsv | grep -c 'wrong account')" 0 "and nothing is written"
q note Q1 --corrects 2>/dev/null
is "$?" 2 "--corrects without a value: usage error"
ok "the book is consistent" q check
done_testing
