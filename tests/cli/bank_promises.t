#!/bin/sh
# bank_promises.t — what the rules make of a bank file's money at the end of
# its import, when promises and plans are evaluated for every account at
# once in the import's transaction (no savepoint of their own: see
# src/work/promise.c): promises kept, partly kept and broken, plan
# installments paid and missed, a plan completed, with their journal
# entries (day, summary), the promises' paid amounts and the accounts'
# figures; the same through `import payments`; and a rule that fails
# mid-way leaving nothing of the import behind (all or nothing).
. "$(dirname "$0")/../lib/tap.sh"
export RELANCE_DB="$T/book.db"
r() { "$R" "$@"; }
q() { sqlite3 "$RELANCE_DB" "$@"; }
BANK="$DATA/bank"
mkdir -p "$HOME/.config/relance"
printf 'set company-name = "Relance Test SA"\nset company-iban = "BE68 5390 0754 7034"\n' \
	> "$HOME/.config/relance/relancerc"

ok "the customers" r import customers "$BANK/match-customers.csv"
ok "the invoices" r import invoices "$BANK/match-invoices.csv"
# the account's own reference of RF01 in match.xml, as bank_import.t does
ref=$(r qr RF01 --payload | sed -n '10,11p' | while read -r l; do
	r ref check "$l" >/dev/null 2>&1 && printf '%s\n' "$l"
done | head -n 1 | tr -d '+/ ')
sed "s/@ACCOUNT-REFERENCE-RF01@/$ref/" "$BANK/match.xml" > "$T/match.xml"

# made on 2026-11-10; the credits come on 2026-11-23 (CODA) and 11-24 (camt);
# the grace is 3 days
export RELANCE_TODAY=2026-11-10
ok "AF01 promises 400.00 by 11-30 (the CODA's 400.00 keeps it)" r promise add AF01 --date 2026-11-30 --amount 400
ok "VF01 promises 600.00 by 11-20 (500.00 on 11-23 in the grace: partly kept)" \
	r promise add VF01 --date 2026-11-20 --amount 600
ok "KM01 promises 100.00 by 11-15 (350.00 only on 11-24: broken)" r promise add KM01 --date 2026-11-15 --amount 100
ok "RF01: a plan of two 100.00 on 11-19 and 11-26 (160.00 on 11-24)" \
	r plan add RF01 --installments 2 --every week --first 2026-11-19 --total 200
ok "IB01: a plan of IB-1 and IB-2 (200.00 on 11-23: completed)" \
	r plan add IB01 --installments 2 --every week --first 2026-11-17 --invoices IB-1,IB-2
export RELANCE_TODAY=2026-11-24
cp "$RELANCE_DB" "$T/before.db"

# what the rules wrote: the promises, the installments, the rules' journal
# entries and the accounts' figures
rules() {
	q "SELECT account_no, amount, paid_amount, status, updated_at FROM promises ORDER BY account_no"
	q "SELECT p.account_no, p.status, iif(p.status = 'active', '', p.updated_at), i.seq, i.amount, i.paid_amount, i.status FROM plans p
		JOIN plan_installments i ON i.plan_id = p.id ORDER BY p.account_no, i.seq"
	q "SELECT account_no, at, summary FROM activities WHERE type = 'system' ORDER BY account_no, at, summary"
	r accounts --format tsv
}

# --- the statements
ok "import bank match.cod match.xml" r import bank "$BANK/match.cod" "$T/match.xml"
is "$(q "SELECT account_no, amount, paid_amount, status FROM promises ORDER BY account_no")" \
"AF01|40000|40000|kept
KM01|10000|0|broken
VF01|60000|50000|partly_kept" "the promises: kept, broken, partly kept (the 50.00 of 11-24 came after the grace)"
is "$(q "SELECT account_no, at, summary FROM activities WHERE type = 'system' AND summary LIKE 'Promise%'
	ORDER BY account_no")" \
"AF01|2026-11-23T23:59:59Z|Promise kept: 400.00 of 400.00 EUR received by 2026-11-30 (+3 days' grace)
KM01|2026-11-19T00:00:00Z|Promise broken: 0.00 of 100.00 EUR received by 2026-11-15 (+3 days' grace)
VF01|2026-11-24T00:00:00Z|Promise partly kept: 500.00 of 600.00 EUR received by 2026-11-20 (+3 days' grace)" \
	"each promise's journal entry: kept on the credit's day, broken and partly kept when the grace ran out"
is "$(q "SELECT p.account_no, p.status, i.seq, i.paid_amount, i.status FROM plans p
	JOIN plan_installments i ON i.plan_id = p.id ORDER BY p.account_no, i.seq")" \
"IB01|completed|1|10000|paid
IB01|completed|2|10000|paid
RF01|active|1|10000|late
RF01|active|2|6000|due" \
	"the plans: IB01's paid and completed; RF01's first missed after the CODA file, paid late by the camt file"
is "$(q "SELECT account_no, summary FROM activities WHERE type = 'system' AND summary NOT LIKE 'Promise%'
	ORDER BY account_no, at, summary")" \
"IB01|Installment 1 of the payment plan (due 2026-11-17): paid
IB01|Installment 2 of the payment plan (due 2026-11-24): paid
IB01|Payment plan completed: every installment paid
RF01|Installment 1 of the payment plan (due 2026-11-19): missed
RF01|Installment 1 of the payment plan (due 2026-11-19): late" "and their journal entries"
is "$(r accounts --format tsv | awk -F'\t' 'NR > 1 {print $1, $5, $6}' | tr '\n' ',')" \
	"AF01 100.00 100.00,DU01 927.77 927.77,IB01 55.55 55.55,KM01 45.00 45.00,RF01 40.00 40.00,VF01 100.00 100.00," \
	"the accounts' open and overdue figures"
like "$(r show VF01)" "600\.00 by 2026-11-20, 500\.00 received, partly kept" "relance show: VF01's promise"
like "$(r show RF01)" "next 40\.00 on 2026-11-26; 1 of 2 paid \(1 late\)" "relance show: RF01's plan"
is "$(q "SELECT count(*) FROM sync_rows v JOIN promises p ON v.tbl = 'promises' AND v.key = p.id")" 3 \
	"every promise has its version"
is "$(q "SELECT count(*) FROM activities a WHERE type = 'system' AND NOT EXISTS (SELECT 1 FROM sync_rows v
	WHERE v.tbl = 'activities' AND v.key = a.id)")" 0 "and every rule's journal entry"
is "$(q "SELECT count(*) FROM book_meta WHERE key = 'sync_quiet'")" 0 "the versions' triggers are on again"
is "$(q "PRAGMA journal_mode")" wal "the book is in WAL again (a bank import writes with a rollback journal)"

# --- the same money through the ledger's payments file, in one file
cp "$T/before.db" "$T/ledger.db"
RELANCE_DB="$T/ledger.db" r accounts >/dev/null # (a copied book becomes a copy of its own on first open)
cat > "$T/payments.csv" <<'EOF'
payment_ref,account_no,date,amount,invoice_no
P-AF,AF01,2026-11-23,400.00,AF-1001
P-VF1,VF01,2026-11-23,500.00,
P-VF2,VF01,2026-11-24,50.00,VF-1003
P-KM,KM01,2026-11-24,350.00,K-7
P-IB,IB01,2026-11-23,200.00,
P-RF,RF01,2026-11-24,160.00,
EOF
RELANCE_DB="$T/ledger.db" ok "import payments of the same money" r import payments "$T/payments.csv"
is "$(RELANCE_DB="$T/ledger.db" rules | grep -v '^[A-Z][A-Z]01	')" \
"AF01|40000|40000|kept|2026-11-23T23:59:59Z
KM01|10000|0|broken|2026-11-19T00:00:00Z
VF01|60000|50000|partly_kept|2026-11-24T00:00:00Z
IB01|completed|2026-11-23T23:59:59Z|1|10000|10000|paid
IB01|completed|2026-11-23T23:59:59Z|2|10000|10000|paid
RF01|active||1|10000|10000|paid
RF01|active||2|10000|6000|due
AF01|2026-11-23T23:59:59Z|Promise kept: 400.00 of 400.00 EUR received by 2026-11-30 (+3 days' grace)
IB01|2026-11-23T23:59:58Z|Installment 1 of the payment plan (due 2026-11-17): paid
IB01|2026-11-23T23:59:58Z|Installment 2 of the payment plan (due 2026-11-24): paid
IB01|2026-11-23T23:59:59Z|Payment plan completed: every installment paid
KM01|2026-11-19T00:00:00Z|Promise broken: 0.00 of 100.00 EUR received by 2026-11-15 (+3 days' grace)
RF01|2026-11-24T23:59:58Z|Installment 1 of the payment plan (due 2026-11-19): paid
VF01|2026-11-24T00:00:00Z|Promise partly kept: 500.00 of 600.00 EUR received by 2026-11-20 (+3 days' grace)
account_no	name	collector	currency	open	overdue	current	d1_30	d31_60	d61_90	d90_plus	oldest_days	disputed" \
	"the same verdicts, each on its day (RF01's first installment paid in time: one file)"

# --- a rule that fails at the end of the import: nothing of it is left
cp "$T/before.db" "$T/fail.db"
sqlite3 "$T/fail.db" "CREATE TRIGGER test_fail BEFORE UPDATE OF status ON promises WHEN NEW.status = 'broken'
	BEGIN SELECT RAISE(ABORT, 'test: no promise breaks'); END"
state() {
	book_dump "$1"
	for t in bank_statements bank_movements bank_allocations plan_installments plans sync_rows book_meta; do
		sqlite3 "$1" "SELECT * FROM $t ORDER BY 1, 2" | sed "s/^/$t: /"
	done
}
RELANCE_DB="$T/fail.db" r accounts >/dev/null
before=$(state "$T/fail.db")
out=$(RELANCE_DB="$T/fail.db" r import bank "$BANK/match.cod" "$T/match.xml" 2>&1)
is "$?" 1 "import bank: a promise that cannot be written fails the import"
like "$out" "nothing was imported" "and says so"
is "$(sqlite3 "$T/fail.db" "PRAGMA journal_mode")" wal "the book is in WAL again after the failed import"
is "$(state "$T/fail.db")" "$before" "nothing of it is in the book: movements, invoices, promises, plans, journal, versions"
out=$(RELANCE_DB="$T/fail.db" r import payments "$T/payments.csv" 2>&1)
is "$?" 1 "import payments: the same"
is "$(state "$T/fail.db")" "$before" "nothing of it is in the book either"

done_testing
