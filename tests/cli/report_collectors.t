#!/bin/sh
# report_collectors.t — `relance report collectors`: each collector's work
# day by day (week by week past 31 days) on a small book made here, the
# figures worked out by hand in the comments: accounts worked, calls and
# the reached rate, talk time (reached calls), promises and plans made,
# collected on their accounts in the report's currency, and a total that is
# the sum of the rows.
. "$(dirname "$0")/../lib/tap.sh"
B="$T/c.db"
q() { "$R" -d "$B" "$@"; }
cat > "$T/c.csv" <<'CSV'
account_no,name,collector,phone
A1,Alpha,tester,+32 2 000 00 01
A2,Beta,tester,+32 2 000 00 02
B1,Gamma,other,+32 2 000 00 03
CSV
cat > "$T/i.csv" <<'CSV'
invoice_no,account_no,issue_date,due_date,amount,open_amount
IA1,A1,2026-08-01,2026-09-01,1000.00,1000.00
IA2,A2,2026-08-01,2026-09-01,1000.00,1000.00
IB1,B1,2026-08-01,2026-09-01,1000.00,1000.00
CSV
q import customers "$T/c.csv" >/dev/null && q import invoices "$T/i.csv" >/dev/null ||
	{ echo "Bail out! cannot build the book"; exit 1; }
# 11-20, tester: calls A1 reached 120 s, A1 no answer 30 s, A2 reached 200 s, a
# note on A2, a promise on A1 of 100.00:
#   accounts worked 2 (A1, A2), calls 3, reached 2 (66.67 %), talk 120 + 200 = 320 s,
#   promises 1, promised 100.00
export RELANCE_TODAY=2026-11-20
q --user tester log call A1 --outcome reached --duration 120 >/dev/null
q --user tester log call A1 --outcome no_answer --duration 30 >/dev/null
q --user tester log call A2 --outcome reached --duration 200 >/dev/null
q --user tester note A2 asked for the statement >/dev/null
q --user tester promise add A1 --date 2026-11-30 --amount 100 >/dev/null
# 11-21, tester: a note on A1, a plan on A2: worked 2, plans 1
#        other:  a busy call to B1 (0 s): worked 1, calls 1, reached 0 (0.00 %)
export RELANCE_TODAY=2026-11-21
q --user tester note A1 sent the copy >/dev/null
q --user tester plan add A2 --installments 2 --every month --first 2026-12-01 >/dev/null
q --user other log call B1 --outcome busy --duration 0 >/dev/null
# payments: A1 250.00 on 11-22 (tester's account), B1 80.00 on 11-21 (other's),
# A2 40.00 USD on 11-22 (not EUR: only with --currency USD); a refund (negative)
# is no money collected
export RELANCE_TODAY=2026-11-24
cat > "$T/y.csv" <<'CSV'
payment_ref,account_no,date,amount,currency
Y1,A1,2026-11-22,250.00,EUR
Y2,B1,2026-11-21,80.00,EUR
Y3,A2,2026-11-22,40.00,USD
Y4,A1,2026-11-22,-5.00,EUR
CSV
q import payments "$T/y.csv" >/dev/null || echo "# payments not imported"

out=$(q report collectors --from 2026-11-20 --to 2026-11-22 --format tsv)
# total: worked 0+1+0+2+2+0 = 5, calls 4, reached 2 (2/4 = 50.00), talk 320,
# promises 1 (100.00), plans 1, collected 80.00 + 250.00 = 330.00
is "$out" "collector	from	to	currency	accounts_worked	calls	reached	reached_rate	talk_time	promises	promised	plans	collected
other	2026-11-20	2026-11-20	EUR	0	0	0		0	0	0.00	0	0.00
other	2026-11-21	2026-11-21	EUR	1	1	0	0.00	0	0	0.00	0	80.00
other	2026-11-22	2026-11-22	EUR	0	0	0		0	0	0.00	0	0.00
tester	2026-11-20	2026-11-20	EUR	2	3	2	66.67	320	1	100.00	0	0.00
tester	2026-11-21	2026-11-21	EUR	2	0	0		0	0	0.00	1	0.00
tester	2026-11-22	2026-11-22	EUR	0	0	0		0	0	0.00	0	250.00
total	2026-11-20	2026-11-22	EUR	5	4	2	50.00	320	1	100.00	1	330.00" "day by day, worked out by hand"
sums=$(printf '%s\n' "$out" | awk -F '\t' 'NR > 1 && $1 != "total" { for (c = 5; c <= 13; c++) if (c != 8) s[c] += $c }
	$1 == "total" { for (c = 5; c <= 13; c++) if (c != 8 && s[c] != $c) print c, s[c], $c }')
is "$sums" "" "the total is the sum of the rows"
is "$(q report collectors --from 2026-11-20 --to 2026-11-22 --currency USD --format tsv | awk -F '\t' '$1 == "tester" || $1 == "total" {print $1, $2, $4, $13}')" \
"tester 2026-11-20 USD 0.00
tester 2026-11-21 USD 0.00
tester 2026-11-22 USD 40.00
total 2026-11-20 USD 40.00" "--currency USD: the USD payment alone"
# the default period: the 7 days up to --as-of (11-18 .. 11-24)
is "$(q report collectors --format tsv | awk -F '\t' '$1 == "tester" {print $2}' | tr '\n' ' ')" \
"2026-11-18 2026-11-19 2026-11-20 2026-11-21 2026-11-22 2026-11-23 2026-11-24 " "by default the 7 days up to --as-of"
# longer than 31 days: weeks, Monday to Sunday, clipped to the period.
# 2026-10-01 is a Thursday: first row 10-01..10-04; 11-16..11-22 holds all the work:
# tester worked 2 + 2 = 4 account-days, 3 calls, 2 reached, 320 s, 1 promise, 1 plan, 250.00
wk=$(q report collectors --from 2026-10-01 --to 2026-11-22 --format tsv)
is "$(printf '%s\n' "$wk" | awk -F '\t' '$1 == "tester" {print $2 "-" $3}' | head -2 | tr '\n' ' ')" \
"2026-10-01-2026-10-04 2026-10-05-2026-10-11 " "weeks: the first clipped to --from, then Monday to Sunday"
is "$(printf '%s\n' "$wk" | awk -F '\t' '$1 == "tester"' | wc -l | tr -d ' ')" 8 "eight weeks from 09-28 to 11-16"
is "$(printf '%s\n' "$wk" | awk -F '\t' '$1 == "tester" && $2 == "2026-11-16"' | cut -f3-)" \
"2026-11-22	EUR	4	3	2	66.67	320	1	100.00	1	250.00" "the week of 11-16: the days' sums"
like "$(q report collectors --from 2026-11-20 --to 2026-11-22)" "^Collectors' work as of 2026-11-24 \(EUR\)" "text: title, as-of date, currency"
done_testing
