#!/bin/sh
# report_dunning.t — `relance report dunning`: per step as journaled, the
# messages sent in the period, the invoices reminded and the share paid
# within 7, 14 and 30 days, on journal entries written here with known
# dates (figures worked out by hand in the comments), and on a real
# dunning run (the detail the sender writes is the one read).
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"
B="$T/d.db"
q() { "$R" -d "$B" "$@"; }
printf 'account_no,name\nK1,Kilo SA\n' > "$T/k.csv"
q import customers "$T/k.csv" >/dev/null || { echo "Bail out! cannot build the book"; exit 1; }
# invoices of K1, each 100.00 but X3 200.00:
#   X1 paid 100.00 on 10-10, closed           X2 unpaid
#   X3 closed on 10-20 with no payment naming it (a credit note)
#   X4 60.00 paid on 10-12, 40.00 still open   X5 paid 100.00 on 11-15
# messages: step 2 (reminder-1, email) on 10-05: X1 X2 X3 X4
#           step 2 on 11-10: X5;  step 3 (reminder-2, letter) on 11-20: X2
#           step 2 on 09-01: X2 (before --from 2026-10-01: left out)
sqlite3 "$B" "
INSERT INTO invoices(invoice_no, account_no, issue_date, due_date, amount, open_amount, status, closed_on, imported_at) VALUES
 ('X1', 'K1', '2026-08-01', '2026-09-01', 10000, 0, 'closed', '2026-10-10', '2026-10-10T00:00:00Z'),
 ('X2', 'K1', '2026-08-01', '2026-09-01', 10000, 10000, 'open', NULL, '2026-10-10T00:00:00Z'),
 ('X3', 'K1', '2026-08-01', '2026-09-01', 20000, 0, 'closed', '2026-10-20', '2026-10-10T00:00:00Z'),
 ('X4', 'K1', '2026-08-01', '2026-09-01', 10000, 4000, 'open', NULL, '2026-10-10T00:00:00Z'),
 ('X5', 'K1', '2026-09-01', '2026-10-01', 10000, 0, 'closed', '2026-11-15', '2026-10-10T00:00:00Z');
INSERT INTO payments(payment_ref, account_no, date, amount, invoice_no, imported_at) VALUES
 ('Y1', 'K1', '2026-10-10', 10000, 'X1', '2026-10-10T00:00:00Z'),
 ('Y4', 'K1', '2026-10-12', 6000, 'X4', '2026-10-12T00:00:00Z'),
 ('Y5', 'K1', '2026-11-15', 10000, 'X5', '2026-11-15T00:00:00Z');
INSERT INTO activities(id, account_no, at, type, user, copy_id, summary, detail) VALUES
 ('0190a000-0000-7000-8000-0000000000d1', 'K1', '2026-10-05T05:00:00Z', 'email', 'system', 'test', 'Reminder',
  '{\"dunning\":{\"procedure\":\"business\",\"step\":2,\"channel\":\"email\",\"template\":\"reminder-1\",\"invoices\":[\"X1\",\"X2\",\"X3\",\"X4\"],\"sent_on\":\"2026-10-05\"}}'),
 ('0190a000-0000-7000-8000-0000000000d2', 'K1', '2026-11-10T05:00:00Z', 'email', 'system', 'test', 'Reminder',
  '{\"dunning\":{\"procedure\":\"business\",\"step\":2,\"channel\":\"email\",\"template\":\"reminder-1\",\"invoices\":[\"X5\"],\"sent_on\":\"2026-11-10\"}}'),
 ('0190a000-0000-7000-8000-0000000000d3', 'K1', '2026-11-20T05:00:00Z', 'letter', 'system', 'test', 'Reminder',
  '{\"dunning\":{\"procedure\":\"business\",\"step\":3,\"channel\":\"letter\",\"template\":\"reminder-2\",\"invoices\":[\"X2\"],\"sent_on\":\"2026-11-20\"}}'),
 ('0190a000-0000-7000-8000-0000000000d4', 'K1', '2026-09-01T05:00:00Z', 'email', 'system', 'test', 'Reminder',
  '{\"dunning\":{\"procedure\":\"business\",\"step\":2,\"channel\":\"email\",\"template\":\"reminder-1\",\"invoices\":[\"X2\"],\"sent_on\":\"2026-09-01\"}}');" ||
	{ echo "Bail out! cannot write the book"; exit 1; }
q check --rebuild >/dev/null

out=$(q report dunning --from 2026-10-01 --format tsv)
# as of 11-24. Step 2: 2 messages, 5 invoices.
#   10-05: X1 open 100.00 at the step, 100.00 paid 10-10 (day 5): within 7, 14, 30
#          X2 never paid;  X3 closed 10-20 (day 15): within 30 only
#          X4 open 100.00 at the step (40.00 + 60.00 paid later), 60.00 paid: not paid
#   11-10: X5 paid 11-15 (day 5): 7 days over on 11-17, 14 on 11-24 (judged:
#          paid), 30 days not over (12-10): not judged
#   due_7 5, paid 2 (40.00); due_14 5, paid 2 (40.00); due_30 4, paid 2 (50.00)
# Step 3: 1 message, X2 on 11-20: 7 days not over (11-27): nothing judged, shares empty
# total: 3 messages, 6 invoices, due 5/5/4, paid 2/2/2: 40.00, 40.00, 50.00
is "$out" "procedure	step	template	channel	messages	invoices	due_7	paid_7	paid_within_7	due_14	paid_14	paid_within_14	due_30	paid_30	paid_within_30
business	2	reminder-1	email	2	5	5	2	40.00	5	2	40.00	4	2	50.00
business	3	reminder-2	letter	1	1	0	0		0	0		0	0	
total				3	6	5	2	40.00	5	2	40.00	4	2	50.00" "worked out by hand"
sums=$(printf '%s\n' "$out" | awk -F '\t' 'NR > 1 && $1 != "total" { for (c = 5; c <= 15; c++) if (c % 3 != 0) s[c] += $c }
	$1 == "total" { for (c = 5; c <= 15; c++) if (c % 3 != 0 && s[c] != $c) print c, s[c], $c }')
is "$sums" "" "the total is the sum of the rows"
# by default the 90 days up to --as-of (08-27 .. 11-24): the 09-01 message counts
is "$(q report dunning --format tsv | awk -F '\t' '$2 == 2 {print $5, $6}')" "3 6" "by default 90 days: the 09-01 message is in"
# as of an earlier day: fewer windows are over (as of 10-15: 7 days of 10-05 only)
is "$(q report dunning --as-of 2026-10-15 --from 2026-10-01 --to 2026-10-15 --format tsv | sed -n 2p | cut -f5-)" \
"1	4	4	1	25.00	0	0		0	0	" "as of 10-15: only the 7 days of 10-05 are over: 1 of 4"
like "$(q report dunning --from 2026-10-01)" "^What each dunning step achieves as of 2026-11-24" "text: title and as-of date"

# a real run: the sender's detail is read (B1's steps 1 and 2, B2's step 2...)
B="$T/real.db"
dunning_book "$B" || { echo "Bail out! cannot build the dunning book"; exit 1; }
dunning_config
q dunning run >/dev/null 2>&1
sent=$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE detail LIKE '{\"dunning\":%'")
ok "the run sent messages ($sent)" test "$sent" -gt 0
is "$(q report dunning --format tsv | awk -F '\t' '$1 == "total" {print $5}')" "$sent" "every message the run journaled is counted"
like "$(q report dunning --format tsv)" "business	2	reminder-1	email	" "and its step as the run wrote it"
done_testing
