#!/bin/sh
# dashboard_columns.t (screen) — a report drawn as columns (:report dso) on
# the book of tests/lib/receivables_book.sh, as of 2026-11-30: the axis
# says its top value (the largest countback DSO, 73.5 days: November in
# EUR, worked out in report_dso.t) and 0; the 24 columns (12 months, EUR
# then USD) are labelled by the month's number at 80x24 (two cells each)
# and by its name at 132x40; the tallest column reaches the top; with
# set ascii = yes the columns are = and the axis |. A report with rows by
# collector and day names each bar by both.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/receivables_book.sh"
export RELANCE_TODAY=2026-11-30
B="$T/r.db"
receivables_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }

open_dso() {
	wait_for "relance: queue"
	type ":report dso" && send Enter
	wait_for "Days sales outstanding as of 2026-11-30"
}
labels() { screen | grep -E '^ +(Dec|12) ' | head -1; }

screen_start 80 24 -- -d "$B" --all
open_dso
screen_has "^ *73\\.5│" "the axis: the largest figure on top, whole"
screen_has "^ +0│" "and 0 at its foot"
like "$(labels)" "^ +12 01 02 03 04 05 06 07 08 09 10 11 12 01 02 03 04 05 06 07 08 09 10 11 *$" \
	"80x24: 24 columns, each month by its number"
like "$(screen | grep -E '^ *73\.5│')" "█" "the tallest column reaches the top"
screen_has "all +2025-12 +EUR +2025-12-31 +0\.00 +0\.00" "the table under it, the selected row whole"
resize 132 40
wait_for "Days sales outstanding"
wait_for "^ +Dec Jan "
like "$(labels)" "^ +Dec Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov *$" \
	"132x40: by its name"
unlike "$(labels)" "→|…" "nothing cut, no column out of view"
type ":report collectors" && send Enter
wait_for "Collectors' work as of 2026-11-30"
screen_has "^ bob +2026-11-30 " "a report with a row a collector and day names its bars by both (bob, 2026-11-30)"
tm kill-server

mkdir -p "$HOME/.config/relance"
echo 'set ascii = yes' > "$HOME/.config/relance/relancerc"
screen_start 80 24 -- -d "$B" --all
open_dso
screen_has "^ *73\\.5\\|" "ASCII: the axis is |"
like "$(screen | grep -E '^ *73\.5\|')" "=" "and the columns ="
unlike "$(screen)" "█" "no block anywhere"
tm kill-server
done_testing
