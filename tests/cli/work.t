#!/bin/sh
# work.t — the collector's writes from the command line (notes, calls,
# tasks, disputes, promises) and the promise rules on fixed dates: kept,
# partly kept, broken, each a system entry in the journal; the queue and
# the figures follow every write.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
q() { "$R" -d "$B" --user tester "$@"; }

ok "note" q note Q1 Called the accountant, she confirms
like "$(q history Q1 --format tsv | sed -n 2p)" "	note	tester	Called the accountant, she confirms		[0-9a-f-]{36}$" "a note is the newest history entry, by the collector, correcting nothing, with the copy that made it"
ok "log call" q log call Q1 --outcome reached --duration 125 --note "Will pay Friday" --follow-up 2026-11-27
out=$(q history Q1 --format tsv)
like "$out" "	call	tester	Call: reached \(2:05\)" "the call is journaled with outcome and duration"
like "$out" "	task	tester	Follow-up on 2026-11-27: call back" "and its follow-up"
like "$(sqlite3 "$B" "SELECT detail FROM activities WHERE type = 'call' AND account_no = 'Q1' ORDER BY at DESC LIMIT 1")" \
     '"outcome":"reached","duration_s":125,"number":"","start":"2026-11-24T[0-9:]+Z","end":"2026-11-24T[0-9:]+Z"' "the call's details are kept, start and end too"
unlike "$(q queue --format tsv | cut -f2)" "Q1" "worked today, Q1 leaves the day's list"
like "$(q queue --done --format tsv | grep Q1)" "follow-up: call back	2026-11-27	task for 2026-11-27	2026-11-24 call reached	1	" \
     "--done shows it worked, its next action the follow-up, the call its last contact"
out=$(q log call Q1 --outcome maybe 2>&1)
is "$?" 1 "an unknown outcome: exit 1"
like "$out" "outcome maybe: say reached, no_answer, voicemail, busy, wrong_number or interrupted" "and the outcomes"
fails "a call on an unknown account" q log call NOPE --outcome busy
q log call 2>/dev/null
is "$?" 2 "log without its arguments: usage, exit 2"

id=$(q --today 2026-11-23 task add Q2 --date 2026-11-23 send the copy invoice)
like "$id" '^[0-9a-f-]{36}$' "task add prints the task's id"
like "$(q queue --all-dates --format tsv | grep Q2)" "\.\.\.F.*follow-up: send the copy invoice	2026-11-23" "a task due yesterday: flag F, next action"
ok "task done" q task done "$id"
unlike "$(q queue --all-dates --format tsv | grep Q2)" "follow-up" "done: gone from the queue"
like "$(q history Q2 --format tsv | sed -n 2p)" "Follow-up done: send the copy invoice" "and journaled"
fails "task done twice" q task done "$id"

ok "dispute" q dispute Q1-1 --reason price --note "price of the last delivery"
like "$(q accounts --format tsv | grep '^Q1')" "	1000.00	0.00	.*	1000.00$" "a disputed invoice leaves the overdue figures"
like "$(q queue --all-dates --format tsv | grep Q1)" "	Q1	Alpha Ltd	tester	0.00	0	\.\.D\.	follow-up" "and the queue's figures: nothing overdue, flag D"
out=$(q dispute Q1-1 --reason quality 2>&1)
like "$out" "Q1-1 is under dispute already" "one open dispute per invoice"
fails "dispute of an unknown invoice" q dispute NOPE --reason price
fails "dispute with an unknown reason" q dispute Q2-1 --reason weather
ok "dispute resolve" q dispute resolve Q1-1 --as rejected
like "$(q queue --all-dates --format tsv | grep Q1)" "Q1	Alpha Ltd	tester	1000.00	30	\.\.\.\." "rejected: back in the figures"
like "$(q history Q1 --format tsv | sed -n 2p)" "Dispute on Q1-1 closed: rejected" "journaled"

id=$(q promise add Q2 --date 2026-11-30)
like "$id" '^[0-9a-f-]{36}$' "promise add prints the promise's id"
out=$(q promises Q2 --format tsv | cut -f2-7)
is "$out" "account_no	amount	paid	promised_date	status	invoices
Q2	500.00	0.00	2026-11-30	open	Q2-1" "the amount defaults to the overdue balance, the invoices to the oldest"
out=$(q promise add Q2 --date 2026-11-20 2>&1)
is "$?" 1 "a promise in the past: exit 1"
is "$out" "relance: promise: --date 2026-11-20 is in the past" "and says so, naming the option"
q promise add Q2 --date 2026-12-01 --amount 12.345 2>/dev/null
is "$?" 2 "an amount with three decimals: usage error"
fails "a promise covering an invoice of another account" q promise add Q2 --date 2026-12-01 --invoices Q1-1

like "$(q rules)" "promise-grace-days = 3	# .*
plan-max-missed = 2	# " "the book's rules, with their defaults"
q rules --promise-grace-days 99 2>/dev/null
is "$?" 2 "a grace out of range: usage error"

# the rules: Q1 kept, Q4 partly kept, Q7 broken, Q8 paid too late
q promise add Q1 --date 2026-11-26 --amount 1000 >/dev/null
q promise add Q4 --date 2026-11-25 --amount 300 >/dev/null
q promise add Q7 --date 2026-11-24 --amount 50 >/dev/null
q promise add Q8 --date 2026-11-24 --amount 80 --invoices Q8-1 >/dev/null
cat > "$T/pay.csv" <<'CSV'
payment_ref,account_no,date,amount,invoice_no
K1,Q1,2026-11-25,1000.00,Q1-1
K4,Q4,2026-11-25,100.00,
K8,Q8,2026-11-30,80.00,Q8-1
CSV
"$R" -d "$B" --today 2026-11-25 import payments "$T/pay.csv" >/dev/null
out=$(q --today 2026-11-25 promises --format tsv | cut -f2,4,6)
like "$out" "Q1	1000.00	kept" "money on the covered invoice by the date: kept, on import"
like "$out" "Q4	100.00	open" "part of it, within the grace: still open"
like "$out" "Q7	0.00	open" "nothing yet, within the grace: open"
like "$(q history Q1 --format tsv | cut -f3-5 | grep system)" "system	system	Promise kept: 1,000.00 of 1,000.00 EUR received by 2026-11-26" "kept is a system journal entry"
out=$(q --today 2026-12-01 promises --format tsv | cut -f2,4,6)
like "$out" "Q4	100.00	partly_kept" "after the grace, part of it: partly kept"
like "$out" "Q7	0.00	broken" "after the grace, nothing: broken"
like "$out" "Q8	0.00	broken" "paid after the grace: broken"
like "$(q history Q7 --format tsv | grep system)" "Promise broken: 0.00 of 50.00 EUR received by 2026-11-24" "broken is journaled"
like "$(q --today 2026-12-01 queue --format tsv | grep Q7)" "B\.\.\..*call: broken promise	2026-11-27" "a broken promise flags the account and heads the queue"
ok "the cached figures agree" "$R" -d "$B" --today 2026-12-01 check
# the grace is a rule of the book
G="$T/g.db"
queue_book "$G"
"$R" -d "$G" rules --promise-grace-days 0 >/dev/null
"$R" -d "$G" --user tester promise add Q7 --date 2026-11-24 --amount 50 >/dev/null
like "$("$R" -d "$G" --user tester --today 2026-11-25 promises --format tsv | cut -f2,6)" "Q7	broken" \
     "with promise-grace-days 0, a promise is broken the day after its date"
like "$("$R" -d "$G" --user tester --today 2026-11-25 queue --format tsv | grep Q7)" "call: broken promise	2026-11-24" \
     "and the call is due on its date"
is "$(q --today 2026-12-02 promises --format tsv | cut -f6 | sort | uniq -c | tr -s ' ')" \
   "$(q --today 2026-12-01 promises --format tsv | cut -f6 | sort | uniq -c | tr -s ' ')" "the rules change nothing twice"
# snooze: out of the queue until a date, journaled; back at once
ok "snooze" q snooze Q3 --until 2026-12-01
unlike "$(q queue --format tsv | cut -f2)" "Q3" "a snoozed account leaves the queue, broken promise and all"
like "$(q --today 2026-12-01 queue --format tsv | cut -f2)" "Q3" "and comes back on the day"
like "$(q history Q3 --format tsv | sed -n 2p)" "	snooze	tester	Snoozed until 2026-12-01	" "journaled, as a snooze"
ok "snooze until today lifts it" q snooze Q3 --until 2026-11-24
like "$(q queue --all-dates --format tsv | grep Q3)" "call: broken promise	2026-11-13" "back at once: the broken promise is still to follow up"
ok "the cache agrees" "$R" -d "$B" check

# payment plans: the schedule, the odd cent, month ends; the rules
P="$T/p.db"
queue_book "$P"
p() { "$R" -d "$P" --user tester "$@"; }
id=$(p plan add Q2 --installments 3 --every month --first 2026-12-31 --down 50)
like "$id" '^[0-9a-f-]{36}$' "plan add prints the plan's id"
is "$(p plan show Q2 --format tsv)" "seq	due_date	amount	paid	status	plan
0	2026-11-24	50.00	0.00	due	active
1	2026-12-31	150.00	0.00	due	active
2	2027-01-31	150.00	0.00	due	active
3	2027-02-28	150.00	0.00	due	active" "the overdue balance, a down payment today, monthly from the 31st (February: the 28th)"
like "$(p history Q2 --format tsv | sed -n 2p)" "	plan	tester	Payment plan: 500.00 EUR in 3 monthly installments from 2026-12-31, 50.00 down" "journaled"
out=$(p plan add Q2 --installments 2 --every week --first 2026-12-01 2>&1)
like "$out" "account Q2 has an active plan already" "one active plan per account"
p plan add Q7 --installments 3 --every week --first 2026-11-30 >/dev/null
is "$(p plan show Q7 --format tsv | cut -f2,3 | tail -n +2 | tr '\t\n' '  ')" \
   "2026-11-30 16.66 2026-12-07 16.66 2026-12-14 16.68 " "the odd cents go to the last installment"
p plan add Q3 --installments 2 --every 2weeks --first 2026-11-24 --fee 10 >/dev/null
is "$(p plan show Q3 --format tsv | cut -f2,3 | tail -n +2 | tr '\t\n' '  ')" \
   "2026-11-24 105.00 2026-12-08 105.00 " "a fee is added; every two weeks"
fails "a first date in the past" p plan add Q1 --installments 2 --every week --first 2026-11-01
I="$T/i.db"
queue_book "$I"
"$R" -d "$I" --user tester plan add Q8 --invoices Q8-2 --installments 2 --every month --first 2026-12-10 >/dev/null
is "$("$R" -d "$I" plan show Q8 --format tsv | cut -f3 | tail -n +2 | tr '\n' ' ')" "450.00 450.00 " "a plan of selected invoices: their open amount"
is "$(sqlite3 "$I" "SELECT invoice_no FROM plan_invoices")" "Q8-2" "and it records them"
fails "a plan naming an invoice of another account" "$R" -d "$I" --user tester plan add Q1 --invoices Q8-1 --installments 2 --every week --first 2026-12-01
p plan add Q1 --installments 2 --every weekly --first 2026-12-01 2>/dev/null
is "$?" 2 "--every weekly is a usage error"

p plan add Q4 --installments 2 --every week --first 2026-11-24 >/dev/null
printf 'payment_ref,account_no,date,amount\nW1,Q4,2026-11-24,150.00\n' > "$T/w.csv"
"$R" -d "$P" import payments "$T/w.csv" >/dev/null
is "$(p plan show Q4 --format tsv | cut -f1,4,5 | tail -n +2 | tr '\t\n' '  ')" \
   "1 150.00 paid 2 0.00 due " "a payment covers the first installment"
out=$(p --today 2026-12-05 plan show Q4 --format tsv | cut -f1,5,6 | tail -n +2 | tr '\t\n' '  ')
is "$out" "1 paid active 2 missed active " "not paid by its date plus the grace: missed (one missed: still active)"
like "$(p --today 2026-12-05 queue --format tsv | grep Q4)" "	\\.M\\.F	" "a missed installment flags the account (M; F is its older follow-up)"
like "$(p history Q4 --format tsv | grep system)" "Installment 2 of the payment plan \(due 2026-12-01\): missed" "and is journaled"
out=$(p --today 2026-12-20 plan show Q3 --format tsv | cut -f5,6 | tail -n +2 | tr '\t\n' '  ')
is "$out" "missed broken missed broken " "two installments missed: the plan is broken"
like "$(p history Q3 --format tsv | grep system | head -1)" "Payment plan broken: 2 installments missed" "journaled"
printf 'payment_ref,account_no,date,amount\nW2,Q7,2026-11-25,50.00\n' > "$T/w2.csv"
"$R" -d "$P" import payments "$T/w2.csv" >/dev/null
is "$(p plan show Q7 --format tsv | cut -f6 | tail -1)" completed "every installment paid: completed"
ok "plan cancel" p plan cancel Q2
is "$(p plan show Q2 --format tsv | cut -f6 | tail -1)" cancelled "cancelled"
fails "cancel without an active plan" p plan cancel Q2
ok "the cached figures agree" "$R" -d "$P" --today 2026-12-20 check
"$R" -d "$P" rules --plan-max-missed 1 >/dev/null
p plan add Q8 --installments 2 --every week --first 2026-11-24 >/dev/null
is "$(p --today 2026-11-28 plan show Q8 --format tsv | cut -f6 | tail -1)" broken "with plan-max-missed 1, one missed installment breaks the plan"
done_testing
