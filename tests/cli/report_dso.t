#!/bin/sh
# report_dso.t — relance report dso (issue 16): days sales outstanding
# month by month, countback and simple side by side, on the book of
# tests/lib/receivables_book.sh (its receivables and sales are listed there).
# The two formulas, worked by hand (figures in days, to a tenth):
#   countback: take the receivables at the month's end; subtract the
#     month's sales, then the month before's...; each month consumed counts
#     its days, the last one its share (what is left / its sales x its days).
#     EUR Nov: 1780.00 - 630.00 (Nov, 30 d) = 1150.00 - 900.00 (Oct, 31 d)
#       = 250.00, out of Sep's 600.00: 250/600 x 30 = 12.5 -> 30 + 31 + 12.5 = 73.5
#     EUR Oct: 1500.00 - 900.00 (31 d) = 600.00 = Sep's 600.00 x 30 d -> 61.0
#     EUR Sep: 600.00 of 600.00 -> 30.0; Aug: 300.00 of 300.00 -> 31.0
#   simple: receivables / sales of the month and the two before x their days
#     EUR Nov: 1780.00 / (630 + 900 + 600) x (30 + 31 + 30) = 1780 x 91 / 2130
#       = 76.05 -> 76.0;  Oct: 1500 x 92 / 1800 = 76.67 -> 76.7;
#     Sep: 600 x 92 / 900 = 61.33 -> 61.3;  Aug: 300 x 92 / 300 = 92.0
#   July has no sales: no figure (empty), no division by zero; nor USD's
#     November (600.00 owed, nothing sold); USD Oct: 1000 of 1000 -> 31.0
#     and 1000 x 92 / 1000 = 92.0.
#   Month to date, as of 11-15: 1800.00 owed (E-2 250.00, E-3, E-4; CN-1 not
#     yet issued), Nov sales 650.00 over 15 days: countback 1800 - 650 =
#     1150 (15 d) - 900 (31 d) = 250 / 600 x 30 = 12.5 -> 58.5; simple
#     1800 x (15 + 31 + 30) / (650 + 900 + 600) = 136800 / 2150 = 63.63 -> 63.6
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/receivables_book.sh"
export RELANCE_TODAY=2026-11-30
B="$T/b.db"
receivables_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }

out=$("$R" -d "$B" report dso --from 2026-07-01 --format tsv)
is "$out" "group	month	currency	end	receivables	sales	dso_countback	dso_simple
all	2026-07	EUR	2026-07-31	0.00	0.00		
all	2026-08	EUR	2026-08-31	300.00	300.00	31.0	92.0
all	2026-09	EUR	2026-09-30	600.00	600.00	30.0	61.3
all	2026-10	EUR	2026-10-31	1500.00	900.00	61.0	76.7
all	2026-11	EUR	2026-11-30	1780.00	630.00	73.5	76.0
all	2026-07	USD	2026-07-31	0.00	0.00		
all	2026-08	USD	2026-08-31	0.00	0.00		
all	2026-09	USD	2026-09-30	0.00	0.00		
all	2026-10	USD	2026-10-31	1000.00	1000.00	31.0	92.0
all	2026-11	USD	2026-11-30	600.00	0.00		" \
	"by hand: receivables before and after the partial payment, the credit note, both methods, USD apart, no sales: empty"

out=$("$R" -d "$B" report dso --as-of 2026-11-15 --currency EUR --format tsv | tail -1)
is "$out" "all	2026-11	EUR	2026-11-15	1800.00	650.00	58.5	63.6" "month to date: the last month ends on --as-of"
out=$("$R" -d "$B" report dso --from 2026-07-01 --to 2026-10-31 --currency EUR --format tsv | tail -1)
is "$out" "all	2026-10	EUR	2026-10-31	1500.00	900.00	61.0	76.7" "--to ends the months"

out=$("$R" -d "$B" report dso --format tsv)
is "$(printf '%s\n' "$out" | grep -c '	EUR	')" 12 "by default the 12 months ending with that of --as-of"
is "$(printf '%s\n' "$out" | sed -n 2p | cut -f2)" 2025-12 "from December 2025"
is "$(printf '%s\n' "$out" | grep -c '	USD	')" 12 "and 12 in USD, apart"

by=$("$R" -d "$B" report dso --by collector --currency EUR --format tsv)
is "$(printf '%s\n' "$by" | head -1 | cut -f1)" collector "--by names its column"
is "$(printf '%s\n' "$by" | awk -F '\t' '$2 == "2026-11" { print $1, $5, $6, "[" $7 "]" }')" "amy 250.00 0.00 []
bob 1530.00 630.00 [61.0]" "by collector: amy sold nothing in November (no figure); bob 1530 - 630 = 900 = his October's 900: 30 + 31 = 61.0"
is "$(printf '%s\n' "$by" | awk -F '\t' 'NR > 1 { r[$2] += $5 * 100; s[$2] += $6 * 100 } END { print r["2026-11"], s["2026-11"], r["2026-10"], s["2026-10"] }')" \
	"178000 63000 150000 90000" "the groups' receivables and sales add up to the whole, to the cent"

like "$("$R" -d "$B" report dso --currency EUR)" "Days sales outstanding as of 2026-11-30 \(EUR\)" "text: title, day, currency"
out=$("$R" -d "$B" report dso --from 2026-12-01 2>&1)
like "$?:$out" "^1:.*dso: --from is after the last month" "a --from after --as-of: refused, said"
out=$("$R" -d "$B" report dso --from 2000-01-01 2>&1)
like "$?:$out" "^1:.*dso: 323 months asked, at most 120" "too many months: refused, said"
done_testing
