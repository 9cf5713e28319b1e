#!/bin/sh
# report_cei.t — relance report cei (issue 16): the collection
# effectiveness index month by month, on the book of
# tests/lib/receivables_book.sh (its receivables and sales are listed there).
#   CEI = (opening + sales - closing) / (opening + sales - closing current) x 100
# opening: the receivables at the end of the month before; closing: at the
# month's end; closing current: the part of closing not yet due then (due
# that day or later). Worked by hand, EUR:
#   Aug: 0 + 300 - 300 over 0 + 300 - 300 (E-1 due 09-09 is current) = 0/0:
#        no index (empty), no division by zero
#   Sep: (300 + 600 - 600) / (300 + 600 - 600 (E-2 due 10-15)) = 300/300 = 100.00
#   Oct: (600 + 900 - 1500) / (600 + 900 - 900 (E-3 due 11-04)) = 0/600 = 0.00
#        (E-2 counts in full: its partial payment comes on 11-10)
#   Nov: (1500 + 630 - 1780) / (1500 + 630 - 650 (E-4 due 12-12; the credit
#        note, due 11-20, is not current)) = 350/1480 = 23.6486 -> 23.65
# USD: Oct (0 + 1000 - 1000) / (0 + 1000 - 1000): empty;
#      Nov (1000 + 0 - 600) / (1000 + 0 - 0) = 40.00
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/receivables_book.sh"
export RELANCE_TODAY=2026-11-30
B="$T/b.db"
receivables_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }

out=$("$R" -d "$B" report cei --from 2026-08-01 --format tsv)
is "$out" "group	month	currency	end	opening	sales	closing	closing_current	cei
all	2026-08	EUR	2026-08-31	0.00	300.00	300.00	300.00	
all	2026-09	EUR	2026-09-30	300.00	600.00	600.00	600.00	100.00
all	2026-10	EUR	2026-10-31	600.00	900.00	1500.00	900.00	0.00
all	2026-11	EUR	2026-11-30	1500.00	630.00	1780.00	650.00	23.65
all	2026-08	USD	2026-08-31	0.00	0.00	0.00	0.00	
all	2026-09	USD	2026-09-30	0.00	0.00	0.00	0.00	
all	2026-10	USD	2026-10-31	0.00	1000.00	1000.00	1000.00	
all	2026-11	USD	2026-11-30	1000.00	0.00	600.00	0.00	40.00" \
	"by hand: opening, sales, closing, current, the index; a 0 denominator empty; USD apart"
is "$("$R" -d "$B" report cei --format tsv | awk -F '\t' 'NR > 2 && $3 == p3 && $5 != prev { bad++ } { p3 = $3; prev = $7 } END { print bad + 0 }')" 0 \
	"each month opens with what the month before closed on"
is "$("$R" -d "$B" report cei --format tsv | grep -c '	EUR	')" 12 "by default the 12 months ending with that of --as-of"

out=$("$R" -d "$B" report cei --as-of 2026-11-15 --currency EUR --format tsv | tail -1)
# 11-15: closing 1800.00 (E-2 250, E-3 900, E-4 650), current E-4 650.00,
# sales 650.00: (1500 + 650 - 1800) / (1500 + 650 - 650) = 350/1500 = 23.33
is "$out" "all	2026-11	EUR	2026-11-15	1500.00	650.00	1800.00	650.00	23.33" "month to date, as of 11-15"

by=$("$R" -d "$B" report cei --by collector --currency EUR --format tsv)
# November: amy (A) (600 + 0 - 250) / (600 + 0 - 0) = 58.33;
#           bob (B) (900 + 630 - 1530) / (900 + 630 - 650) = 0.00
is "$(printf '%s\n' "$by" | awk -F '\t' '$2 == "2026-11" { print $1, $5, $6, $7, $8, $9 }')" "amy 600.00 0.00 250.00 0.00 58.33
bob 900.00 630.00 1530.00 650.00 0.00" "by collector, by hand"
is "$(printf '%s\n' "$by" | awk -F '\t' 'NR > 1 && $2 == "2026-11" { for (c = 5; c <= 8; c++) s[c] += $c * 100 } END { print s[5], s[6], s[7], s[8] }')" \
	"150000 63000 178000 65000" "the groups add up to the whole, to the cent"
like "$("$R" -d "$B" report cei --currency USD)" "Collection effectiveness index as of 2026-11-30 \(USD\)" "text: title, day, currency"
done_testing
