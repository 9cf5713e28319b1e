#!/bin/sh
# report_aging.t — relance report aging, as of today and as of a day
# before a partial payment (issue 16): buckets, a credit note, a disputed
# invoice, an invoice paid since and one issued since, two currencies kept
# apart, groups (--by), totals that are the sums of their rows, csv. The
# figures below were worked out by hand from the book built here:
#   A (amy)  A-1 100.00 due 11-30            A-2 200.00 due 11-15, 150.00 paid 11-20
#            A-3 300.00 due 09-01, disputed on 11-30
#            A-4 120.00 due 10-01, paid in full 11-25 (closed)
#            A-5  70.00 issued 11-25, due 12-25
#   B (bob)  B-1 400.00 due 05-01            B-CN credit note -50.00 due 11-01
#            B-2 1,000.00 USD due 10-15
# On 11-30: not due A-1 + A-5 = 170.00; 1-30 A-2 50.00 + B-CN -50.00 = 0.00;
#   61-90 A-3 300.00 (90 days, disputed); 180+ B-1 400.00 (213 days);
#   EUR 870.00 in 6 invoices; USD 31-60 B-2 1,000.00 (46 days).
# On 11-18 (before the payments of 11-20 and 11-25, before A-5 and the
#   dispute): not due A-1 100.00; 1-30 A-2 200.00 (3 days) + B-CN -50.00 =
#   150.00; 31-60 A-4 120.00 (48 days); 61-90 A-3 300.00 (78 days, not yet
#   disputed); 180+ B-1 400.00; EUR 1,070.00 in 6 invoices.
. "$(dirname "$0")/../lib/tap.sh"

B="$T/book.db"
export RELANCE_TODAY=2026-11-30
cat > "$T/c.csv" <<'CSV'
account_no,name,collector,segment,country
A,Alpha SA,amy,business,BE
B,Beta BV,bob,retail,NL
CSV
cat > "$T/i.csv" <<'CSV'
invoice_no,account_no,kind,issue_date,due_date,amount,open_amount,currency
A-1,A,invoice,2026-10-31,2026-11-30,100.00,100.00,EUR
A-2,A,invoice,2026-10-16,2026-11-15,200.00,50.00,EUR
A-3,A,invoice,2026-08-02,2026-09-01,300.00,300.00,EUR
A-4,A,invoice,2026-09-01,2026-10-01,120.00,0.00,EUR
A-5,A,invoice,2026-11-25,2026-12-25,70.00,70.00,EUR
B-1,B,invoice,2026-04-01,2026-05-01,400.00,400.00,EUR
B-CN,B,credit_note,2026-10-02,2026-11-01,-50.00,-50.00,EUR
B-2,B,invoice,2026-09-15,2026-10-15,1000.00,1000.00,USD
CSV
cat > "$T/p.csv" <<'CSV'
payment_ref,account_no,date,amount,invoice_no
P1,A,2026-11-20,150.00,A-2
P2,A,2026-11-25,120.00,A-4
CSV
"$R" -d "$B" import customers "$T/c.csv" >/dev/null && "$R" -d "$B" import invoices "$T/i.csv" >/dev/null &&
	"$R" -d "$B" import payments "$T/p.csv" >/dev/null && "$R" -d "$B" dispute A-3 --reason quality >/dev/null ||
	{ echo "Bail out! cannot build the book"; exit 1; }

out=$("$R" -d "$B" report aging --format tsv | cut -f2,3,6,7,8,9)
is "$out" "currency	bucket	amount	disputed	invoices	accounts
EUR	not due	170.00	0.00	2	1
EUR	1-30	0.00	0.00	2	2
EUR	31-60	0.00	0.00	0	0
EUR	61-90	300.00	300.00	1	1
EUR	91-180	0.00	0.00	0	0
EUR	180+	400.00	0.00	1	1
USD	not due	0.00	0.00	0	0
USD	1-30	0.00	0.00	0	0
USD	31-60	1000.00	0.00	1	1
USD	61-90	0.00	0.00	0	0
USD	91-180	0.00	0.00	0	0
USD	180+	0.00	0.00	0	0
EUR	total	870.00	300.00	6	
USD	total	1000.00	0.00	1	" \
	"today: each bucket, the credit note set in its own, the disputed part, two currencies apart, a total each"

out=$("$R" -d "$B" report aging --as-of 2026-11-18 --currency EUR --format tsv | cut -f3,6,7,8)
is "$out" "bucket	amount	disputed	invoices
not due	100.00	0.00	1
1-30	150.00	0.00	2
31-60	120.00	0.00	1
61-90	300.00	0.00	1
91-180	0.00	0.00	0
180+	400.00	0.00	1
total	1070.00	0.00	6" \
	"as of 11-18: before the partial payment (200.00 open), the invoice paid since still open, the one issued since and the dispute not yet there"
out=$("$R" -d "$B" report aging --as-of 2026-11-18 --currency EUR --format tsv)
sum=$(printf '%s\n' "$out" | awk -F'\t' 'NR > 1 && $3 != "total" { s += $6 * 100 } END { printf "%.2f", s / 100 }')
is "$sum" "$(printf '%s\n' "$out" | awk -F'\t' '$3 == "total" { print $6 }')" "the total is the sum of its rows, to the cent"

out=$("$R" -d "$B" report aging --by collector --currency EUR --format tsv | cut -f1,3,6 | grep -v '	0.00$')
is "$out" "collector	bucket	amount
amy	not due	170.00
amy	1-30	50.00
amy	61-90	300.00
bob	1-30	-50.00
bob	180+	400.00
total	total	870.00" "--by collector: each collector's buckets"
like "$("$R" -d "$B" report aging --by country --format tsv | tail -n +2 | cut -f1 | sort -u | tr '\n' ' ')" "BE NL total" "--by country"

out=$("$R" -d "$B" report aging --currency usd --format csv)
is "$(printf '%s\n' "$out" | head -1)" "group,currency,bucket,from_days,to_days,amount,disputed,invoices,accounts$(printf '\r')" \
	"csv: a header, CRLF line ends"
is "$(printf '%s\n' "$out" | sed -n 4p)" "all,USD,31-60,31,60,1000.00,0.00,1,1$(printf '\r')" "plain decimals"
out=$("$R" -d "$B" report aging)
like "$out" "^Aging of receivables as of 2026-11-30" "text: a title with the day"
like "$out" "1,000.00" "and grouped figures"
# Today's aging is read from the buckets kept per account; a month later,
# with nothing changed, they must have moved (by hand, on 12-31: A-5 6
# days 1-30; A-1 31, A-2 46 and B-CN 60 days 31-60; A-3 121 days 91-180;
# B-1 180+; USD B-2 77 days 61-90), and match the same day made from the
# invoices (as of 12-31, asked on another day).
expected="bucket	amount	disputed	invoices	accounts
not due	0.00	0.00	0	0
1-30	70.00	0.00	1	1
31-60	100.00	0.00	3	2
61-90	0.00	0.00	0	0
91-180	300.00	300.00	1	1
180+	400.00	0.00	1	1
total	870.00	300.00	6	"
is "$(RELANCE_TODAY=2026-12-31 "$R" -d "$B" report aging --currency EUR --format tsv | cut -f3,6-9)" "$expected" \
	"a month later the kept buckets have moved with the days"
is "$(RELANCE_TODAY=2027-01-05 "$R" -d "$B" report aging --as-of 2026-12-31 --currency EUR --format tsv | cut -f3,6-9)" \
	"$expected" "and agree with the same day made from the invoices"
is "$(RELANCE_TODAY=2026-12-31 "$R" -d "$B" report aging --currency USD --format tsv | awk -F'\t' 'NR > 1 && $6 != "0.00"' | cut -f3,6)" \
	"61-90	1000.00
total	1000.00" "USD too"
"$R" -d "$B" import payments /dev/stdin >/dev/null 2>&1 <<'CSV'
payment_ref,account_no,date,amount,invoice_no
P3,A,2026-12-31,50.00,A-2
CSV
sed -i 's/^A-2,A,invoice,2026-10-16,2026-11-15,200.00,50.00,EUR$/A-2,A,invoice,2026-10-16,2026-11-15,200.00,0.00,EUR/' "$T/i.csv"
RELANCE_TODAY=2026-12-31 "$R" -d "$B" import invoices "$T/i.csv" >/dev/null 2>&1
is "$(RELANCE_TODAY=2026-12-31 "$R" -d "$B" report aging --currency EUR --format tsv | awk -F'\t' '$3 == "31-60"' | cut -f6,8)" \
	"50.00	2" "an import moves the kept buckets at once (A-2 paid: 31-60 is A-1 100.00 and B-CN -50.00)"

ok "relance check: the kept buckets agree with the ledger" env RELANCE_TODAY=2026-12-31 "$R" -d "$B" check
sqlite3 "$B" "UPDATE account_aging SET a1 = a1 + 1 WHERE account_no = 'A'"
like "$(RELANCE_TODAY=2026-12-31 "$R" -d "$B" check 2>&1)" "A EUR: stored buckets .*, ledger " \
	"and says which account when they do not"
ok "check --rebuild remakes them" env RELANCE_TODAY=2026-12-31 "$R" -d "$B" check --rebuild
sqlite3 "$B" "UPDATE aging_totals SET a2 = a2 + 1 WHERE currency = 'EUR'"
like "$(RELANCE_TODAY=2026-12-31 "$R" -d "$B" check 2>&1)" "EUR: totals differ from the sums of its accounts" \
	"the book's totals are checked against its accounts' buckets too"
ok "and remade" env RELANCE_TODAY=2026-12-31 "$R" -d "$B" check --rebuild
ok "then right" env RELANCE_TODAY=2026-12-31 "$R" -d "$B" check

# a day typed without its year is the last such day, not the next
like "$("$R" -d "$B" report aging --as-of 18/11)" "^Aging of receivables as of 2026-11-18" "--as-of 18/11: this year's"
like "$("$R" -d "$B" report aging --as-of 15/12)" "^Aging of receivables as of 2025-12-15" "--as-of 15/12: last year's, not the next"
like "$("$R" -d "$B" report aging --as-of mon)" "^Aging of receivables as of 2026-11-30" "--as-of mon on a Monday: today"
like "$("$R" -d "$B" report aging --as-of fri)" "^Aging of receivables as of 2026-11-27" "--as-of fri: the last Friday"

fails "an unknown report" "$R" -d "$B" report nope
like "$("$R" -d "$B" report nope 2>&1)" "nope: no such report; name one of:" "says which there are"
fails "a bad --by" "$R" -d "$B" report aging --by planet
done_testing
