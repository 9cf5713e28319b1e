#!/bin/sh
# report_forecast.t — relance report forecast (issue 16): expected receipts
# a week for 12 weeks from the Monday of --as-of, three parts apart, each
# amount to the cent, total = sum of the parts, a total row per currency
# that is the sum of its rows. The book, built here through the command
# line on fixed days, and its figures worked out by hand (today Wednesday
# 2026-12-02; weeks from Monday 11-30; the promise grace is 3 days):
# promises (settled history, per account, in EUR):
#   K  100.00 by 10-10 kept (100.00 paid 10-08)
#      200.00 by 10-20 partly kept (100.00 10-08 + 50.00 10-18 = 150.00)
#      100.00 by 10-30 made 10-25, nothing paid since: broken
#      rate K = (100 + 150 + 0) / (100 + 200 + 100) = 250/400 = 0.625
#      open: 300.00 by 12-10 (covers K-2) -> 300 x 0.625 = 187.50, week 12-07
#   M  100.00 by 10-15 kept; 100.00 by 10-30 made 10-25 broken: 100/200
#   N  no history: the book's rate (250 + 100) / (400 + 200) = 350/600
#      open: 80.01 by 12-03 -> 80.01 x 350/600 = 46.6725 -> 46.67, week 11-30
# plans: L 900.00 in 3 x 300.00 on 10-05 (paid on time), 11-05 (paid 11-20,
#   after its grace: late), 12-05 (due): rate 1/2 -> 150.00, week 11-30
# not yet due (due 12-02 or later), shifted by the account's days late:
#   D paid D-1 (due 09-01) on 09-11: 10 days; D-2 (due 10-01) by 09-25 and
#     10-06 (a partial payment first; the last one counts): 5 days;
#     average 7.5 -> 8 days: D-3 1000.00 due 12-08 -> 12-16 (week 12-14),
#     D-4 400.00 open of 500.00 due 12-20 -> 12-28 (week 12-28);
#     the credit note D-CN is no receipt: left out
#   E paid E-1 10 days early: no shift (never below 0): E-2 700.00 due 12-14
#     (week 12-14); E-3 200.00 disputed: left out
#   K-2 250.00 due 12-15: under K's open promise, counted there: left out
#   X-1 1000.00 USD due 12-09, no history: week 12-07, in USD apart
# EUR by week: 11-30: 46.67 + 150.00 = 196.67; 12-07: 187.50;
#   12-14: 1000.00 + 700.00 = 1700.00; 12-28: 400.00.
#   Total EUR: promises 234.17, plans 150.00, not yet due 2100.00 = 2484.17.
. "$(dirname "$0")/../lib/tap.sh"

B="$T/f.db"
q() { "$R" -d "$B" "$@" >/dev/null; }
pay() { # FILE rows...: a payments file
	f=$1
	shift
	printf 'payment_ref,account_no,date,amount,invoice_no\n' > "$f"
	printf '%s\n' "$@" >> "$f"
}
cat > "$T/c.csv" <<'CSV'
account_no,name,collector
K,Kept SA,amy
M,Mixed SA,amy
N,New SA,bob
L,Plan SA,bob
D,Late SA,amy
E,Early SA,bob
X,Dollar Inc,amy
CSV
cat > "$T/i.csv" <<'CSV'
invoice_no,account_no,kind,issue_date,due_date,amount,open_amount,currency
K-1,K,invoice,2026-08-16,2026-09-15,1000.00,1000.00,EUR
K-2,K,invoice,2026-11-15,2026-12-15,250.00,250.00,EUR
M-1,M,invoice,2026-08-16,2026-09-15,500.00,500.00,EUR
N-1,N,invoice,2026-08-16,2026-09-15,400.00,400.00,EUR
L-1,L,invoice,2026-08-02,2026-09-01,900.00,900.00,EUR
D-1,D,invoice,2026-08-02,2026-09-01,100.00,0.00,EUR
D-2,D,invoice,2026-09-01,2026-10-01,500.00,0.00,EUR
D-3,D,invoice,2026-11-08,2026-12-08,1000.00,1000.00,EUR
D-4,D,invoice,2026-11-20,2026-12-20,500.00,400.00,EUR
D-CN,D,credit_note,2026-11-10,2026-12-10,-50.00,-50.00,EUR
E-1,E,invoice,2026-09-01,2026-10-01,300.00,0.00,EUR
E-2,E,invoice,2026-11-14,2026-12-14,700.00,700.00,EUR
E-3,E,invoice,2026-11-20,2026-12-20,200.00,200.00,EUR
X-1,X,invoice,2026-11-09,2026-12-09,1000.00,1000.00,USD
CSV
pay "$T/p1.csv" PK1,K,2026-10-08,100.00, PM1,M,2026-10-12,100.00, PL1,L,2026-10-05,300.00, \
	PD1,D,2026-09-11,100.00,D-1 PD2,D,2026-09-25,200.00,D-2 PD3,D,2026-10-06,300.00,D-2 PE1,E,2026-09-21,300.00,E-1
pay "$T/p2.csv" PK2,K,2026-10-18,50.00,
pay "$T/p3.csv" PL2,L,2026-11-20,300.00, PD4,D,2026-11-25,100.00,D-4
{
	RELANCE_TODAY=2026-10-01 q import customers "$T/c.csv" && RELANCE_TODAY=2026-10-01 q import invoices "$T/i.csv" &&
	RELANCE_TODAY=2026-10-01 q promise add K --date 2026-10-10 --amount 100 &&
	RELANCE_TODAY=2026-10-01 q promise add K --date 2026-10-20 --amount 200 &&
	RELANCE_TODAY=2026-10-01 q promise add M --date 2026-10-15 --amount 100 &&
	RELANCE_TODAY=2026-10-01 q plan add L --installments 3 --every month --first 2026-10-05 &&
	RELANCE_TODAY=2026-10-12 q import payments "$T/p1.csv" &&
	RELANCE_TODAY=2026-10-20 q import payments "$T/p2.csv" &&
	RELANCE_TODAY=2026-10-25 q promise add K --date 2026-10-30 --amount 100 &&
	RELANCE_TODAY=2026-10-25 q promise add M --date 2026-10-30 --amount 100 &&
	RELANCE_TODAY=2026-11-10 q queue --all &&
	RELANCE_TODAY=2026-11-20 q import payments "$T/p3.csv" &&
	RELANCE_TODAY=2026-12-02 q promise add K --date 2026-12-10 --amount 300 --invoices K-2 &&
	RELANCE_TODAY=2026-12-02 q promise add N --date 2026-12-03 --amount 80.01 &&
	RELANCE_TODAY=2026-12-02 q dispute E-3 --reason quality
} || { echo "Bail out! cannot build the book"; exit 1; }
export RELANCE_TODAY=2026-12-02

# the history the weights come from, as the rules left it
is "$(sqlite3 "$B" "SELECT account_no, promised_date, status, paid_amount FROM promises ORDER BY 1, 2" | tr '\n' ' ')" \
	"K|2026-10-10|kept|10000 K|2026-10-20|partly_kept|15000 K|2026-10-30|broken|0 K|2026-12-10|open|0 M|2026-10-15|kept|10000 M|2026-10-30|broken|0 N|2026-12-03|open|0 " \
	"the book: K kept, partly kept, broken; M kept, broken; N none"
is "$(sqlite3 "$B" "SELECT due_date, status FROM plan_installments ORDER BY seq" | tr '\n' ' ')" \
	"2026-10-05|paid 2026-11-05|late 2026-12-05|due " "L's plan: paid on time, paid late, due"

out=$("$R" -d "$B" report forecast --format tsv)
is "$(printf '%s\n' "$out" | head -1)" "group	week	currency	promises	plans	not_yet_due	total" "the columns"
is "$(printf '%s\n' "$out" | grep -c '	EUR	')" 13 "12 weeks in EUR and their total"
is "$(printf '%s\n' "$out" | grep -c '	USD	')" 13 "12 weeks in USD apart and their total"
is "$(printf '%s\n' "$out" | grep -v '	0.00$' | grep -v '^total')" "group	week	currency	promises	plans	not_yet_due	total
all	2026-11-30	EUR	46.67	150.00	0.00	196.67
all	2026-12-07	EUR	187.50	0.00	0.00	187.50
all	2026-12-14	EUR	0.00	0.00	1700.00	1700.00
all	2026-12-28	EUR	0.00	0.00	400.00	400.00
all	2026-12-07	USD	0.00	0.00	1000.00	1000.00" \
	"by hand: the weighted promises, the plan at 1/2, not-yet-due shifted by days late, USD apart"
is "$(printf '%s\n' "$out" | grep '^total')" "total		EUR	234.17	150.00	2100.00	2484.17
total		USD	0.00	0.00	1000.00	1000.00" "a total per currency"
is "$(printf '%s\n' "$out" | sed -n '2,13p' | cut -f2 | tr '\n' ' ')" \
	"2026-11-30 2026-12-07 2026-12-14 2026-12-21 2026-12-28 2027-01-04 2027-01-11 2027-01-18 2027-01-25 2027-02-01 2027-02-08 2027-02-15 " \
	"12 weeks from the Monday of --as-of"

# every total is the sum of its parts and the total rows the sums of rows, to the cent
sums() { # tsv on stdin: the body summed per currency, next to each total row
	awk -F '\t' 'NR == 1 { next }
		$1 != "total" { for (c = 4; c <= 7; c++) s[$3, c] += $c * 100; if ($4 * 100 + $5 * 100 + $6 * 100 != $7 * 100) bad++; next }
		{ for (c = 4; c <= 7; c++) if (sprintf("%.0f", s[$3, c]) != sprintf("%.0f", $c * 100)) bad++ }
		END { print bad + 0 }'
}
is "$(printf '%s\n' "$out" | sums)" 0 "each row: total = parts; each total row = the sum of its rows"
by=$("$R" -d "$B" report forecast --by collector --format tsv)
is "$(printf '%s\n' "$by" | sums)" 0 "by collector: the same, to the cent"
is "$(printf '%s\n' "$by" | grep '^total')" "total		EUR	234.17	150.00	2100.00	2484.17
total		USD	0.00	0.00	1000.00	1000.00" "by collector: the same totals"
is "$(printf '%s\n' "$by" | awk -F '\t' '$2 == "2026-11-30" && $3 == "EUR" { print $1, $4, $5 }')" "amy 0.00 0.00
bob 46.67 150.00" "by collector: N's promise and L's plan are bob's"

# another day: the weeks move; what was expected before it and is still owed
# falls in its first week, and an invoice now due is no longer "not yet due"
out=$("$R" -d "$B" report forecast --as-of 2026-12-09 --currency EUR --format tsv)
is "$(printf '%s\n' "$out" | sed -n 2p)" "all	2026-12-07	EUR	234.17	150.00	0.00	384.17" \
	"as of 12-09: N's and K's promises, the plan in the first week; D-3 (due 12-08) left out"
is "$(printf '%s\n' "$out" | grep '^total')" "total		EUR	234.17	150.00	1100.00	1484.17" "and the total"
is "$(printf '%s\n' "$out" | grep -c USD)" 0 "--currency EUR: no USD"

out=$("$R" -d "$B" report forecast --format csv | head -2 | tr -d "\r")
is "$out" "group,week,currency,promises,plans,not_yet_due,total
all,2026-11-30,EUR,46.67,150.00,0.00,196.67" "csv"
like "$("$R" -d "$B" report forecast)" "Expected receipts as of 2026-12-02" "text: the title and the day"
done_testing
