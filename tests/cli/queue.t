#!/bin/sh
# queue.t — relance queue, show and history on a book whose queue is known
# by hand (tests/lib/queue_book.sh): the default order, the other orders,
# scope, flags, next actions, disputes out of the figures.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
ok "the fixture builds" test -f "$B"

out=$("$R" -d "$B" --user tester queue --format tsv | cut -f1-12)
is "$out" "rank	account_no	name	collector	overdue	oldest_days	flags	next_action	next_date	reason	last_contact	worked_today
1	Q3	Gamma NV	tester	200.00	10	B...	call: broken promise	2026-11-13	promise of 2026-11-10 broken		0
2	Q2	Bêta SPRL	tester	500.00	90	....	first call	2026-08-27	overdue since 2026-08-27, never worked		0
3	Q1	Alpha Ltd	tester	1000.00	30	....	call	2026-11-22	nothing planned since 2026-11-21		0
4	Q4	Delta SA	tester	300.00	60	...F	follow-up: call back	2026-11-20	task for 2026-11-20		0
5	Q7	Zeta 株式会社	tester	50.00	23	....	first call	2026-11-02	overdue since 2026-11-02, never worked		0
6	Q8	Ëta Société	tester	80.00	1	..D.	first call	2026-11-24	overdue since 2026-11-24, never worked		0" \
	"default order: the broken promise, then by euro-days; each row's next action and reason"
out=$("$R" -d "$B" --user tester queue --format tsv | cut -f2,13 | tail -n +2 | tr '\t\n' '= ')
is "$out" "Q3=100002000 Q2=45000 Q1=30000 Q4=18000 Q7=1150 Q8=80 " "the scores: 100,000,000 for the broken promise, then euro-days"

out=$("$R" -d "$B" --user tester queue --all --format tsv | cut -f2 | tr '\n' ' ')
is "$out" "account_no Q3 Q5 Q2 Q1 Q4 Q7 Q8 " "--all adds the other collector's accounts"
out=$(RELANCE_USER=other "$R" -d "$B" queue --format tsv | cut -f2 | tr '\n' ' ')
is "$out" "account_no Q5 " "RELANCE_USER chooses whose queue"
out=$("$R" -d "$B" --user tester queue --sort overdue --format tsv | cut -f2 | tr '\n' ' ')
is "$out" "account_no Q1 Q2 Q4 Q3 Q8 Q7 " "--sort overdue"
out=$("$R" -d "$B" --user tester queue --sort days --format tsv | cut -f2 | tr '\n' ' ')
is "$out" "account_no Q2 Q4 Q1 Q7 Q3 Q8 " "--sort days"
out=$("$R" -d "$B" --user tester queue --sort name --format tsv | cut -f2 | tr '\n' ' ')
is "$out" "account_no Q1 Q2 Q4 Q8 Q3 Q7 " "--sort name, accent-blind (Ëta with the E's)"
out=$("$R" -d "$B" --user tester queue --sort next --format tsv | cut -f2 | tr '\n' ' ')
is "$out" "account_no Q2 Q7 Q3 Q4 Q1 Q8 " "--sort next: by the next action's date"
out=$("$R" -d "$B" --user tester queue)
like "$out" "6 accounts, 2,130.00 overdue \(tester\)" "text: count and total"
out=$("$R" -d "$B" --user tester queue --format json)
like "$out" '"rank": 1, "account_no": "Q3", "name": "Gamma NV", "collector": "tester", "overdue": 200.00' "json"

# the next day, the figures move on by themselves
out=$("$R" -d "$B" --today 2026-12-02 --user tester queue --format tsv | grep Q9)
like "$out" "Q9	Paid Up BV	tester	700.00	1	" "an invoice falling due brings its account into the queue"
ok "and the cache stays right" "$R" -d "$B" --today 2026-12-02 check

# a write dated otherwise than the cache keeps the cache right for its day
printf 'account_no,name,collector\nZ1,Zulu,tester\nZ2,Zeppo,tester\n' > "$T/z.csv"
"$R" -d "$B" import customers "$T/z.csv" >/dev/null
printf 'invoice_no,account_no,due_date,amount\nZ1-1,Z1,2026-11-22,500.00\nZ2-1,Z2,2026-11-26,700.00\n' > "$T/zi.csv"
"$R" -d "$B" --today 2026-11-20 import invoices "$T/zi.csv" >/dev/null
out=$("$R" -d "$B" --user tester queue --format tsv | cut -f2,5,6)
like "$out" "Z1	500.00	2" "an invoice imported on an earlier date, overdue today, is in the queue"
unlike "$out" "Z2" "one due in two days is not"
ok "and check agrees" "$R" -d "$B" check
"$R" -d "$B" --today 2026-11-30 import invoices "$T/zi.csv" >/dev/null
printf 'invoice_no,account_no,due_date,amount\nZ2-2,Z2,2026-11-27,10.00\n' > "$T/zi2.csv"
"$R" -d "$B" --today 2026-11-30 import invoices "$T/zi2.csv" >/dev/null
unlike "$("$R" -d "$B" --user tester queue --format tsv)" "Z2" "a later-dated import does not make today's items overdue"
ok "and check agrees again" "$R" -d "$B" check

# disputes are out of the overdue figures, and shown apart
out=$("$R" -d "$B" accounts --format tsv | grep '^Q8')
like "$out" "Q8	Ëta Société	tester	EUR	980.00	80.00	0.00	80.00	0.00	0.00	0.00	1	900.00" "accounts: the disputed 900.00 is out of overdue"
out=$("$R" -d "$B" items Q8 --format tsv | cut -f1,9)
like "$out" "Q8-2	disputed" "items: a disputed item says so"

out=$("$R" -d "$B" show Q1)
like "$out" "Q1  Alpha Ltd" "show: identity"
like "$out" "overdue +1,000.00" "show: figures"
like "$out" "Q1-1 +invoice +2026-09-25 +2026-10-25 +1,000.00 +1,000.00 +30 +open" "show: open items"
like "$out" "note +tester +Asked for a copy of invoice Q1-1" "show: history"
out=$("$R" -d "$B" history Q1 --format tsv | cut -f2-5)
is "$out" "at	type	user	summary
2026-11-21T09:30:00Z	note	tester	Asked for a copy of invoice Q1-1
2026-11-20T14:05:00Z	call	tester	Call: reached (2:05)" "history: newest first"
out=$("$R" -d "$B" history Q1 --type call --format tsv | tail -n +2 | cut -f3)
is "$out" "call" "history --type"
fails "history of an unknown account" "$R" -d "$B" history NOPE
done_testing
