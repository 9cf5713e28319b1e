#!/bin/sh
# dunning_sweep_order.t — a dry run's sweep puts the open invoices in
# account order itself (sweep_invoices): within an account by due date,
# then invoice number, as each account's own query orders them; a credit
# note among them is set against what is overdue, not listed.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"
B="$T/book.db"
dunning_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config
sqlite3 "$B" "
INSERT INTO invoices(invoice_no, account_no, kind, issue_date, due_date, amount, open_amount, currency, status, imported_at)
VALUES ('Z-2', 'R1', 'invoice', '2026-09-01', '2026-10-01', 2000, 2000, 'EUR', 'open', '2026-09-01T00:00:00Z'),
       ('A-9', 'R1', 'invoice', '2026-09-05', '2026-10-05', 3000, 3000, 'EUR', 'open', '2026-09-01T00:00:00Z'),
       ('Z-1', 'R1', 'invoice', '2026-09-01', '2026-10-01', 1000, 1000, 'EUR', 'open', '2026-09-01T00:00:00Z'),
       ('B-CN', 'B2', 'credit_note', '2026-09-01', '2026-09-01', -100, -100, 'EUR', 'open', '2026-09-01T00:00:00Z');
" || { echo "Bail out! cannot add the invoices"; exit 1; }
dry=$("$R" -d "$B" dunning run --dry-run --format tsv --quiet | tail -n +2 | cut -f1-3)
is "$(printf '%s\n' "$dry" | awk -F'\t' '$1 == "R1" { print $2 }' | tr '\n' ' ')" "R-OLD Z-1 Z-2 A-9 " \
	"R1's message lists its invoices by due date, then number"
unlike "$dry" "B-CN" "a credit note is not listed"
real=$("$R" -d "$B" dunning run --format tsv --quiet 2>/dev/null | tail -n +2 | cut -f1-3)
is "$dry" "$real" "the dry run lists what a real run sends, in the same order"
done_testing
