#!/bin/sh
# next_action.t — the queue as the day's list (relance(1), queue): every
# account's next action, from the strongest of its sources; what a call's
# outcome, a promise, a plan and a snooze do to it; an account worked today
# leaves the list and the next day brings it back; the score, its terms
# (book rules) and --explain, whose points add up to the order.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
q() { "$R" -d "$B" --user tester "$@"; }
# the queue's row of account $1, as of the options that follow (--today ...)
row() { a=$1; shift; q "$@" queue --all-dates --done --format tsv | awk -F '\t' -v a="$a" '$2 == a'; }
# its next_action, next_date and reason
next() { row "$@" | cut -f8,9,10; }
day_list() { q "$@" queue --format tsv | tail -n +2 | cut -f2 | tr '\n' ' '; }

is "$(day_list)" "Q3 Q2 Q1 Q4 Q7 Q8 " "the day's list of the fixture: every account due"
is "$(q queue | tail -1)" "6 accounts, 2,130.00 overdue (tester); today 0 of 6 done" "text: the day's count"

# ---- a call's outcome sets the day to call again --------------------------
ok "no answer on Tuesday" q log call Q2 --outcome no_answer --quiet
is "$(next Q2)" "call again	2026-11-25	2026-11-24 call no_answer" "the next working day, the call its reason"
is "$(row Q2 | cut -f12)" "1" "worked today"
is "$(day_list)" "Q3 Q1 Q4 Q7 Q8 " "Q2 leaves the day's list at once"
is "$(q queue | tail -1)" "5 accounts, 1,630.00 overdue (tester); today 1 of 6 done" "the count moves: 1 of 6 done"
is "$(q queue --done --format tsv | tail -n +2 | cut -f2 | tr '\n' ' ')" "Q3 Q1 Q4 Q7 Q8 Q2 " "--done keeps it, at the end"
is "$(day_list --today 2026-11-25)" "Q3 Q2 Q1 Q4 Q7 Q8 " "the next day brings it back"

B2="$T/days.db"
queue_book "$B2"
d() { "$R" -d "$B2" --user tester "$@"; }
d --today 2026-11-27 log call Q1 --outcome no_answer --quiet
d --today 2026-11-27 log call Q2 --outcome busy --quiet
d --today 2026-11-24 log call Q9 --outcome voicemail --quiet
d --today 2026-12-24 log call Q7 --outcome no_answer --quiet
d --today 2026-11-24 log call Q8 --outcome reached --quiet
d --today 2026-11-24 log call Q3 --outcome reached --follow-up 2026-11-26 --quiet
out=$("$R" -d "$B2" --user tester --today 2026-11-24 queue --all-dates --done --format tsv | cut -f2,8,9 | sort)
like "$out" "Q1	call again	2026-11-30" "no answer on a Friday: Monday"
like "$out" "Q2	call again	2026-11-30" "busy: the next working day too"
like "$out" "Q9	call again	2026-11-26" "voicemail on Tuesday: two working days, Thursday (on an account with nothing overdue too)"
like "$out" "Q7	call again	2026-12-28" "no answer on 24 December: Christmas and the weekend skipped, Monday the 28th"
like "$out" "Q8	call again	2026-12-01" "reached without a follow-up date: a week later"
like "$out" "Q3	follow-up: call back	2026-11-26" "reached with one: its task"
unlike "$out" "Q3	call: broken" "and the call followed the broken promise up"
like "$(d queue --all-dates --format tsv | grep Q3 | cut -f7)" "B\.\.\." "the flag B stays: the promise was broken"
d rules --recontact-no-answer-days 3 >/dev/null
d --today 2026-11-24 log call Q8 --outcome no_answer --quiet
like "$("$R" -d "$B2" --user tester --today 2026-11-24 queue --all-dates --done --format tsv | grep Q8 | cut -f8,9)" \
     "call again	2026-11-27" "the days are a book rule: 3 working days"

ok "a wrong number" q log call Q7 --outcome wrong_number --quiet
is "$(next Q7 --today 2026-11-25)" "follow-up: find a number	2026-11-24	task for 2026-11-24" \
   "makes a task to find a number, for today; the next day it is due"
like "$(q tasks --format tsv)" "Q7.*find a number" "listed among the tasks"

# ---- what is agreed moves the account ------------------------------------
ok "a promise" q promise add Q1 --date 2026-12-04 --amount 1000
is "$(next Q1)" "check the promise	2026-12-07	promise to pay by 2026-12-04" "a promise: its check date, its date plus the grace"
ok "a plan" q plan add Q4 --installments 3 --every month --first 2026-12-10
is "$(next Q4)" "follow-up: call back	2026-11-20	task for 2026-11-20" "a task outweighs the plan"
q task done "$(sqlite3 "$B" "SELECT id FROM tasks WHERE account_no = 'Q4' AND status = 'open'")"
is "$(next Q4)" "check installment	2026-12-13	plan installment of 2026-12-10" "the task done: the plan's next installment, plus the grace"
ok "a snooze" q snooze Q8 --until 2026-12-15
is "$(next Q8)" "snoozed	2026-12-15	snoozed until 2026-12-15" "a snooze outweighs all, until it ends"
ok "a note" q note Q2 "Left a message with the receptionist"
is "$(next Q2 --today 2026-11-25)" "call again	2026-11-25	2026-11-24 call no_answer" "a note alone does not move the call again day"
is "$(row Q2 --today 2026-11-25 | cut -f11)" "2026-11-24 call no_answer" "last_contact: the call, not the note"
B3="$T/note.db"
queue_book "$B3"
"$R" -d "$B3" --user tester note Q2 "Spoke to nobody" >/dev/null
like "$("$R" -d "$B3" --user tester --today 2026-11-25 queue --format tsv | grep Q2 | cut -f8-11)" \
     "^call	2026-11-25	nothing planned since 2026-11-24	$" "an account worked with nothing planned: back the next day, no contact"
"$R" -d "$B3" --user tester plan add Q3 --installments 2 --every month --first 2026-12-10 >/dev/null
is "$("$R" -d "$B3" --user tester --today 2026-11-25 queue --all-dates --format tsv | grep Q3 | cut -f8,9)" \
   "check installment	2026-12-13" "a plan made after a broken promise follows it up"
"$R" -d "$B3" --user tester promise add Q4 --date 2026-11-25 --amount 300 >/dev/null
like "$("$R" -d "$B3" --user tester --today 2026-12-10 queue --format tsv | grep Q4 | cut -f8)" "call: broken promise" \
   "a promise broken since: a call again"

# ---- plans, promises and what follows them up --------------------------------
B4="$T/plans.db"
queue_book "$B4"
p4() { "$R" -d "$B4" --user tester "$@"; }
p4 --today 2026-09-01 plan add Q2 --installments 3 --every month --first 2026-09-10 >/dev/null
p4 --today 2026-09-15 queue >/dev/null # the rules run: the first installment is missed
printf 'payment_ref,account_no,date,amount,invoice_no,communication\nPL1,Q2,2026-09-20,166.66,Q2-1,\n' > "$T/late.csv"
p4 --today 2026-09-21 import payments "$T/late.csv" >/dev/null
like "$("$R" -d "$B4" --today 2026-10-01 plan show Q2 --format tsv | sed -n 2p)" "late" "the first installment was paid late"
is "$(p4 --today 2026-10-05 queue --all-dates --format tsv | grep Q2 | cut -f8,9)" "check installment	2026-10-13" \
   "an installment paid late is paid: the next one is checked"
is "$(p4 --today 2026-11-20 queue --format tsv | grep Q2 | cut -f8,9,10)" \
   "call: installment missed	2026-11-13	installment of 2026-11-10 missed" "two missed: the plan breaks, the latest miss still calls for a call"
p4 --today 2026-11-20 log call Q2 --outcome busy --quiet
like "$(p4 --today 2026-11-23 queue --all-dates --format tsv | grep Q2 | cut -f8)" "call again" "a call follows the missed installment up"
p4 --today 2026-11-01 promise add Q7 --date 2026-11-10 --amount 50 >/dev/null
p4 --today 2026-11-11 log call Q7 --outcome reached --quiet
is "$(p4 --today 2026-11-20 queue --all-dates --format tsv | grep Q7 | cut -f7,8)" "B...	call again" \
   "a call in the promise's grace, checking it, follows the broken promise up"
long=$(printf 'Rappeler la comptable pour le paiement é%.0s' 1 2 3 4)
p4 task add Q8 --date 2026-11-24 "$long" >/dev/null
na=$(p4 queue --all-dates --format tsv | grep Q8 | cut -f8)
like "$na" "…$" "a long task's next action is cut, and says so"
is "$(printf '%s' "$na" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && echo whole)" whole "on a character"
ok "snoozed on the 20th" p4 --today 2026-11-20 snooze Q4 --until 2026-12-01
ok "and the snooze lifted" p4 snooze Q4 --off
like "$(p4 queue --format tsv | cut -f2)" "Q4" "lifting a snooze is no work on the account: it is back in the day's list"

# ---- the score -----------------------------------------------------------
scores=$(q --today 2026-11-25 queue --format tsv | tail -n +2 | cut -f13)
is "$scores" "$(echo "$scores" | sort -rn)" "the day's list is in the order of the scores"
for a in Q3 Q1 Q7; do
	ex=$(q --today 2026-11-25 queue --explain $a --format tsv | tail -n +2)
	sum=$(echo "$ex" | awk -F '\t' '{ s += $4 } END { print s }')
	prod=$(echo "$ex" | awk -F '\t' '$2 * $3 != $4 { bad = 1 } END { print bad ? "no" : "yes" }')
	is "$sum" "$(row $a --today 2026-11-25 | cut -f13)" "--explain $a: the points add up to its score"
	is "$prod" yes "--explain $a: each term's points are its weight times its value"
done
out=$(q --today 2026-11-25 queue --explain Q3)
like "$out" "^Q3 Gamma NV" "--explain names the account"
like "$out" "next action: call: broken promise on 2026-11-13 \(promise of 2026-11-10 broken\)" "its next action and reason"
like "$out" "rank 1 of [0-9]+ in today's list" "its rank"
like "$out" "broken promise +100000000 +1 +100000000 +not followed up" "the broken promise's term"
like "$out" "overdue euro-days +1 +2200 +2200 +200.00, oldest 11 days" "euro-days: amount and age"
like "$(q queue --explain Q1)" "not in today's list: worked today" "an account worked today is not ranked"
fails "--explain of an account not in the queue" q queue --explain Q9
"$R" -d "$B" rules --score-broken-promise 0 >/dev/null
is "$(day_list --today 2026-11-25 | cut -d' ' -f1)" "Q2" "with its weight at 0, the broken promise no longer comes first"
is "$(row Q3 --today 2026-11-25 | cut -f13)" 2200 "its score is its euro-days"
"$R" -d "$B" rules --score-broken-promise 100000000 >/dev/null

# contact days and dunning level count; an account with nothing but an
# overdue balance keeps the euro-days order
like "$(q --today 2026-11-30 queue --explain Q2 --format tsv)" "days since last contact	100	6	600	2026-11-24 call no_answer" \
     "days since the last contact: 6 on the 30th"
ok "the cache agrees" "$R" -d "$B" check
done_testing
