#!/bin/sh
# report_promises.t — `relance report promises`: promises by collector and
# month, currencies apart, on a small book made here day by day; every
# figure below is worked out by hand in the comments. Also: the kept rate
# (kept ÷ kept + partly kept + broken), empty when none is decided, and
# totals per currency that are the sums of their rows.
. "$(dirname "$0")/../lib/tap.sh"
B="$T/p.db"
q() { "$R" -d "$B" "$@"; }
cat > "$T/c.csv" <<'CSV'
account_no,name,collector
A1,Alpha,tester
A2,Beta,tester
B1,Gamma,other
U1,Uniform,tester
CSV
cat > "$T/i.csv" <<'CSV'
invoice_no,account_no,issue_date,due_date,amount,open_amount,currency
IA1,A1,2026-08-01,2026-09-01,1000.00,1000.00,EUR
IA2,A2,2026-08-01,2026-09-01,1000.00,1000.00,EUR
IB1,B1,2026-08-01,2026-09-01,1000.00,1000.00,EUR
IU1,U1,2026-08-01,2026-09-01,500.00,500.00,USD
CSV
q import customers "$T/c.csv" >/dev/null && q import invoices "$T/i.csv" >/dev/null ||
	{ echo "Bail out! cannot build the book"; exit 1; }
# October, tester (made 10-05):
#   P1 A1 100.00 by 10-10, paid 100.00 on 10-08: kept
#   P2 A2 200.00 by 10-12, paid  50.00 on 10-14 (in the 3 days' grace): partly kept
RELANCE_TODAY=2026-10-05 q --user tester promise add A1 --date 2026-10-10 --amount 100 >/dev/null
RELANCE_TODAY=2026-10-05 q --user tester promise add A2 --date 2026-10-12 --amount 200 >/dev/null
# November, tester (made 11-02):
#   P5 A2  60.00, cancelled the same day
#   P3 A1 300.00 by 11-05, nothing paid (10-08 is before it was made): broken
#   P4 A2  40.00 by 12-01: still open on 11-24
p5=$(RELANCE_TODAY=2026-11-02 q --user tester promise add A2 --date 2026-11-20 --amount 60)
RELANCE_TODAY=2026-11-02 q --user tester promise cancel "$p5" >/dev/null
RELANCE_TODAY=2026-11-02 q --user tester promise add A1 --date 2026-11-05 --amount 300 >/dev/null
RELANCE_TODAY=2026-11-02 q --user tester promise add A2 --date 2026-12-01 --amount 40 >/dev/null
# November, other (made 11-03): P6 B1 500.00 by 11-06, paid 500.00 on 11-06: kept
RELANCE_TODAY=2026-11-03 q --user other promise add B1 --date 2026-11-06 --amount 500 >/dev/null
# A USD promise of tester, made 11-04, 70.00, broken (each currency apart); and
# one of 9.99 made 2025-11-30: the day before the default twelve months
# (2025-12-01 .. 2026-11-24), so left out of them.
sqlite3 "$B" "
INSERT INTO promises(id, account_no, amount, currency, promised_date, made_at, user, status, updated_at)
VALUES ('0190a000-0000-7000-8000-000000000071', 'U1', 7000, 'USD', '2026-11-10', '2026-11-04T10:00:00Z',
	'tester', 'broken', '2026-11-14T06:00:00Z'),
       ('0190a000-0000-7000-8000-000000000072', 'A1', 999, 'EUR', '2025-12-05', '2025-11-30T10:00:00Z',
	'tester', 'kept', '2025-12-01T06:00:00Z');"
cat > "$T/y.csv" <<'CSV'
payment_ref,account_no,date,amount
Y1,A1,2026-10-08,100.00
Y2,A2,2026-10-14,50.00
Y3,B1,2026-11-06,500.00
CSV
q import payments "$T/y.csv" >/dev/null
q promises >/dev/null # applies the rules as of 2026-11-24
is "$(sqlite3 "$B" "SELECT status || ' ' || paid_amount FROM promises WHERE currency = 'EUR' AND made_at > '2026' ORDER BY amount")" \
"open 0
cancelled 0
kept 10000
partly_kept 5000
broken 0
kept 50000" "the rules decided the promises as the comments say"

out=$(q report promises --format tsv)
# rows: currency, then collector, then month
#   other  2026-11 EUR: made 1 (500.00), paid 500.00, kept 1 (500.00): rate 1/1 = 100.00
#   tester 2026-10 EUR: made 2 (100 + 200 = 300.00), paid 100 + 50 = 150.00,
#                       kept 1 (100.00), partly 1 (200.00, paid 50.00): rate 1/2 = 50.00
#   tester 2026-11 EUR: made 3 (60 + 300 + 40 = 400.00), paid 0, broken 1 (300.00),
#                       open 1, cancelled 1: rate 0/1 = 0.00
#   tester 2026-11 USD: made 1 (70.00), broken 1 (70.00): rate 0.00
# totals: EUR made 6, 1200.00, paid 650.00, kept 2 (600.00), partly 1 (200.00, 50.00),
#         broken 1 (300.00), open 1, cancelled 1: rate 2 / (2 + 1 + 1) = 50.00
#         USD the one row
is "$out" "collector	month	currency	made	amount	paid	kept	kept_amount	partly_kept	partly_amount	partly_paid	broken	broken_amount	open	cancelled	kept_rate
other	2026-11	EUR	1	500.00	500.00	1	500.00	0	0.00	0.00	0	0.00	0	0	100.00
tester	2026-10	EUR	2	300.00	150.00	1	100.00	1	200.00	50.00	0	0.00	0	0	50.00
tester	2026-11	EUR	3	400.00	0.00	0	0.00	0	0.00	0.00	1	300.00	1	1	0.00
tester	2026-11	USD	1	70.00	0.00	0	0.00	0	0.00	0.00	1	70.00	0	0	0.00
total		EUR	6	1200.00	650.00	2	600.00	1	200.00	50.00	1	300.00	1	1	50.00
total		USD	1	70.00	0.00	0	0.00	0	0.00	0.00	1	70.00	0	0	0.00" "the figures worked out by hand"
# every total is the sum of its currency's rows, column by column
sums=$(printf '%s\n' "$out" | awk -F '\t' 'NR > 1 && $1 != "total" { for (c = 4; c <= 15; c++) s[$3, c] += $c }
	NR > 1 && $1 == "total" { for (c = 4; c <= 15; c++) if (s[$3, c] != $c) print $3, c, s[$3, c], $c }')
is "$sums" "" "each total equals the sum of its currency's rows"

# one month: --from/--to
is "$(q report promises --from 2026-10-01 --to 2026-10-31 --format tsv | cut -f1-4 | tail -n +2)" "tester	2026-10	EUR	2
total		EUR	2" "--from/--to: the promises made in that period only"
# --currency keeps one
is "$(q report promises --currency usd --format tsv | cut -f1,3,4 | tail -n +2)" "tester	USD	1
total	USD	1" "--currency USD: that currency alone"
# the promise of 2025-11-30 is outside the default twelve months, inside a longer period
like "$(q report promises --from 2025-11-01 --format tsv)" "tester	2025-11	EUR	1	9.99	0.00	1	9.99" "an earlier --from reaches it"
# no decided promise: the rate is empty, not zero
RELANCE_TODAY=2026-12-01 q --user tester promise add A1 --date 2026-12-20 --amount 10 >/dev/null 2>&1
is "$(RELANCE_TODAY=2026-12-01 q report promises --from 2026-12-01 --format tsv | sed -n 2p | cut -f1,2,14,16)" \
"tester	2026-12	1	" "only open promises: an empty kept rate"
# text: a title with the as-of date
like "$(q report promises)" "^Promises to pay as of 2026-11-24" "text: the title and the as-of date"
like "$(q report promises --format json)" '"kept_rate": ?"?50.00' "json carries the rate"
done_testing
