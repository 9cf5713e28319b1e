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
mkdir -p "$T/tmp"
# the "editor": writes what $T/say holds into its file, notes the file's mode
cat > "$T/ed.sh" <<ED
#!/bin/sh
stat -c %a "\$1" > "$T/mode"
cat "$T/say" > "\$1"
ED
chmod +x "$T/ed.sh"
screen_start 80 24 EDITOR="$T/ed.sh" VISUAL= TMPDIR="$T/tmp" -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q1" && send Enter
screen_has "relance: account Q1" "the account"

send a
screen_has "Enter: save  Esc: cancel" "a opens the note form"
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
screen_has "note +tester +Spoke to the accountant" "the note is in the history"

send p
screen_has "Promise to pay" "p opens the promise form"
screen_has "Amount +1000\.00" "the amount proposed is the overdue balance"
send C-u && type "1.234,567" && send Enter
screen_has "Amount: 1\.234,567 has more than two decimals" "an amount with three decimals is refused in place"
send C-u && type "400" && send Tab C-u && type "2026-11-01" && send Enter
screen_has "Date: 2026-11-01 is in the past" "a promise in the past is refused in place, by the form"
send C-u && type "31/02/2027" && send Enter
screen_has "Date: 31/02/2027 is not a date" "a date that does not exist is refused in place"
send C-u && type "30/11/2026" && send Enter
screen_has "promise recorded" "a day-first date is accepted"
screen_has "promise +tester +Promise to pay 400\.00 EUR by 2026-11-30" "the promise is in the history"
is "$("$R" -d "$B" promises Q1 --format tsv | cut -f3,5,6 | tail -1)" "400.00	2026-11-30	open" "and in the book"

send t
screen_has "Follow-up task" "t opens the task form (the date proposed a week ahead)"
type "send the statement" && send Enter
screen_has "follow-up task added" "saved"
screen_has "task +tester +Follow-up on 2026-12-01: send the stat" "journaled"

send d
screen_has "Dispute Q1-1" "d disputes the selected invoice"
send Right Right Tab && type "Wrong quantity" && send Enter
screen_has "dispute opened" "saved"
screen_has "Q1-1 .* disputed" "the invoice shows as disputed"
screen_has "overdue 0\.00 +disputed 1,000\.00" "and leaves the overdue figures"
send D
screen_has "Resolve the dispute on Q1-1" "D resolves it"
send r && send Enter
screen_has "dispute resolved" "resolved (first letter chooses: rejected)"
screen_has "Dispute on Q1-1 closed: rejected" "journaled"

send c
screen_has "CALL 00:0[0-9] Alpha Ltd" "c starts a call: the timer in the status bar"
send Tab j k
sleep 1.1
screen_has "CALL 00:0[1-9] Alpha Ltd" "it runs while the collector moves"
send q
screen_has "a call is running: c logs it first" "leaving the account during a call asks to end it first"
send c
screen_has "The call's outcome" "c again: the outcome form"
send Right Tab && type "Will call back" && send Tab C-u && type "2026-11-27" && send Enter
screen_has "call logged" "logged"
screen_has "call +tester +Call: no_answer \(0:0[1-9]\)" "with its outcome and duration"
unlike "$(screen | tail -1)" "CALL" "the timer is gone"

printf 'Long talk with the owner\nHe will pay in January.\n' > "$T/say"
send A
screen_has "note +tester +Long talk with the owner" "A: a long note written in the editor, its first line in the history"
is "$(cat "$T/mode")" 600 "the editor's file was private (0600)"
is "$(ls "$T/tmp" | wc -l)" 0 "and is removed afterwards"
like "$(sqlite3 "$B" "SELECT body FROM activities WHERE summary = 'Long talk with the owner'")" "He will pay in January" "the whole text is kept"
printf '  \n' > "$T/say"
send A
screen_has "the file was left empty: no note" "an empty file: no note"

send s
screen_has "Snooze the account" "s: the snooze form"
send Enter
screen_has "snoozed until 2026-12-01" "snoozed a week, and the status line says until when"
send q
screen_has "mine \(tester\): 5 accounts" "the account has left the queue"
type ":goto Q1" && send Enter
screen_has "relance: account Q1" "it can still be opened"
send s C-u && type "2026-11-24" && send Enter
screen_has "snoozed until 2026-11-24" "snoozed until today: back at once"

send x
screen_has "Mark a task done" "x: the open tasks to choose from"
screen_has "< 2026-11-27 call back >" "the earliest first"
send Enter
screen_has "task done" "marked done"
screen_has "Follow-up done: call back" "journaled"
send P
screen_has "Payment plan for 1,000\.00 EUR" "P: the plan's parameters (the overdue balance)"
send C-u && type "4" && send Tab Right Tab C-u && type "2026-12-15" && send Enter
screen_has "new plan \| total 1,000\.00 \| scheduled 1,000\.00 \| remainder 0\.00" "the schedule, with its remainder"
screen_has "2 +2026-12-29 +250\.00" "every two weeks, 250.00 each"
send G Enter
screen_has "Installment" "Enter: change a row"
send Tab C-u && type "260" && send Enter
screen_has "remainder -10\.00" "the remainder follows the change"
send w
screen_has "the remainder is -10\.00: it must be zero to save" "and it cannot be saved until it is zero"
send k Enter Tab C-u && type "240" && send Enter
screen_has "remainder 0\.00" "a second row edited: zero again"
send w
screen_has "plan saved" "saved"
screen_has "plan +tester +Payment plan: 1,000\.00 EUR in 4 installme…" "journaled in the history"
is "$("$R" -d "$B" plan show Q1 --format tsv | cut -f2,3 | tail -n +2 | tr '\t\n' '  ')" \
   "2026-12-15 250.00 2026-12-29 250.00 2027-01-12 240.00 2027-01-26 260.00 " "the edited schedule is the plan"
send P
screen_has "active plan \| total 1,000\.00" "P again: the active plan, with each installment's status"
screen_has "1 +2026-12-15 +250\.00 +0\.00 +due" "due, nothing paid yet"
send g Enter Tab C-u && type "200" && send Enter
screen_has "remainder 50\.00" "an active plan's row changed: the remainder follows"
send w
screen_has "the remainder is 50\.00: it must be zero to save" "and it cannot be saved until it is zero"
send j Enter Tab C-u && type "300" && send Enter
screen_has "remainder 0\.00" "zero again"
send w
screen_has "plan saved" "the change is saved"
screen_has "plan +tester +Payment plan changed: 1,000\.00 EUR left i…" "and journaled"
is "$("$R" -d "$B" plan show Q1 --format tsv | cut -f3 | tail -n +2 | tr '\n' ' ')" "200.00 300.00 240.00 260.00 " "the plan has the new amounts"
send P
screen_has "active plan \| total 1,000\.00" "the active plan again"
send C
screen_has "Cancel the plan\? \(y/n\)" "C asks"
type "j"
screen_has "active plan \| total 1,000\.00" "one key answers: j is a no, and nothing is echoed"
unlike "$(screen)" "\(y/n\) j" "j is not typed after the question"
send C
wait_for "Cancel the plan"
type "y"
screen_has "plan cancelled" "and cancels"
send q
screen_has "mine \(tester\)" "back to the queue"
unlike "$(screen)" " Q1 " "worked today, Q1 is out of the day's list"
send d
screen_has "every date, mine" "d: every date"
screen_has "✓ +Q1 +Alpha Ltd +1,000\.00 +30 follow-up: send the… +12-01" "the queue follows: worked today (a tick, at the end); its next action is its other task, stronger than the promise"
send d
type ":q" && send Enter
wait_exit
is "$EXIT" 0 "quits"
ok "the book is consistent after all these writes" "$R" -d "$B" check
done_testing
