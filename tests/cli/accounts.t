#!/bin/sh
# accounts.t — relance accounts lists a book from the rows account_aging
# keeps (migration 013), with the figures the ledger gives: credit notes
# count as current, an invoice under an open dispute is disputed (neither
# late nor current), an item issued after today counts as current, two
# currencies are two rows, an account with nothing open is one empty row.
# The kept rows follow the day (buckets move on a later day) and a change
# (a payment) at once; relance show, which reads one account's invoices
# directly, says the same. Worked out by hand from the book built here:
#   A  A-1 100.00 due 11-30   A-2 200.00 due 11-15, 50.00 open
#      A-3 300.00 due 09-01, disputed   A-5 70.00 due 12-25
#      A-6 60.00 issued 12-05, due 12-20
#   B  B-1 400.00 due 05-01   B-CN credit note -50.00 due 11-01
#      B-2 1,000.00 USD due 10-15
#   C  nothing
# On 11-30: A open 580.00, late 50.00 (1-30, 15 days), current 100 + 70 +
#   60 = 230.00, disputed 300.00; B EUR open 350.00, late 400.00 (90+, 213
#   days), current -50.00; B USD 1,000.00 late 31-60 (46 days).
# On 12-20: A late 1-30 100.00 (A-1, 20 days) and 31-60 50.00 (A-2, 35
#   days), current 70 + 60 = 130.00; B EUR 233 days; B USD 61-90 (66 days).
. "$(dirname "$0")/../lib/tap.sh"

B="$T/book.db"
export RELANCE_TODAY=2026-11-30
cat > "$T/c.csv" <<'CSV'
account_no,name,collector,segment,country
A,Alpha SA,amy,business,BE
B,Beta BV,bob,retail,NL
C,Gamma SRL,amy,business,BE
CSV
cat > "$T/i.csv" <<'CSV'
invoice_no,account_no,kind,issue_date,due_date,amount,open_amount,currency
A-1,A,invoice,2026-10-31,2026-11-30,100.00,100.00,EUR
A-2,A,invoice,2026-10-16,2026-11-15,200.00,50.00,EUR
A-3,A,invoice,2026-08-02,2026-09-01,300.00,300.00,EUR
A-5,A,invoice,2026-11-25,2026-12-25,70.00,70.00,EUR
A-6,A,invoice,2026-12-05,2026-12-20,60.00,60.00,EUR
B-1,B,invoice,2026-04-01,2026-05-01,400.00,400.00,EUR
B-CN,B,credit_note,2026-10-02,2026-11-01,-50.00,-50.00,EUR
B-2,B,invoice,2026-09-15,2026-10-15,1000.00,1000.00,USD
CSV
"$R" -d "$B" import customers "$T/c.csv" >/dev/null && "$R" -d "$B" import invoices "$T/i.csv" >/dev/null &&
	"$R" -d "$B" dispute A-3 --reason quality >/dev/null ||
	{ echo "Bail out! cannot build the book"; exit 1; }

list() { "$R" -d "$B" accounts --format tsv "$@" | cut -f1,4-; }
is "$(list)" "account_no	currency	open	overdue	current	d1_30	d31_60	d61_90	d90_plus	oldest_days	disputed
A	EUR	580.00	50.00	230.00	50.00	0.00	0.00	0.00	15	300.00
B	EUR	350.00	400.00	-50.00	0.00	0.00	0.00	400.00	213	0.00
B	USD	1000.00	1000.00	0.00	0.00	1000.00	0.00	0.00	46	0.00
C		0.00	0.00	0.00	0.00	0.00	0.00	0.00	0	0.00" \
	"on 11-30: credit notes current, the disputed invoice apart, an item issued later current, two currencies, an empty account"
is "$(list --overdue | cut -f1,2)" "account_no	currency
A	EUR
B	EUR
B	USD" "--overdue: the rows with something late"
is "$(list --collector amy | cut -f1)" "account_no
A
C" "--collector: that collector's accounts"
# relance show reads A's invoices itself: the same figures
is "$("$R" -d "$B" show A | sed -n '/^Figures/,/^$/p' | awk 'NF { print $NF }' | tr '\n' ' ')" \
	"(EUR) 580.00 50.00 300.00 230.00 50.00 0.00 0.00 0.00 15 " "show says the same for A (from its invoices)"

is "$(RELANCE_TODAY=2026-12-20 list | tail -n +2)" "A	EUR	580.00	150.00	130.00	100.00	50.00	0.00	0.00	35	300.00
B	EUR	350.00	400.00	-50.00	0.00	0.00	0.00	400.00	233	0.00
B	USD	1000.00	1000.00	0.00	0.00	0.00	1000.00	0.00	66	0.00
C		0.00	0.00	0.00	0.00	0.00	0.00	0.00	0	0.00" \
	"on 12-20 the kept rows have moved on: A-1 late, A-2 31-60, the USD invoice 61-90"

"$R" -d "$B" dispute A-2 --reason not_received >/dev/null
is "$(list | sed -n 2p)" "A	EUR	580.00	0.00	230.00	0.00	0.00	0.00	0.00	0	350.00" \
	"back on 11-30, a dispute moves the list at once: nothing late left on A, 350.00 disputed"
ok "and relance check finds the kept rows right" "$R" -d "$B" check
sqlite3 "$B" "UPDATE account_aging SET k5 = k5 - 1 WHERE account_no = 'B' AND currency = 'EUR'"
like "$("$R" -d "$B" check 2>&1)" "B EUR: stored buckets" "a kept credit-note figure that differs from the ledger is found"
sqlite3 "$B" "UPDATE account_aging SET late_since = '2026-01-01' WHERE account_no = 'A'"
ok "check --rebuild remakes them" "$R" -d "$B" check --rebuild
is "$(list | sed -n 2p)" "A	EUR	580.00	0.00	230.00	0.00	0.00	0.00	0.00	0	350.00" "as they were"
done_testing
