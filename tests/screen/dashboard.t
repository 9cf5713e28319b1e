#!/bin/sh
# dashboard.t (screen) — D opens the dashboard: aging (tests/lib/queue_book.sh,
# as of 2026-11-24, known by hand: not due 700.00 (Q9), 1-30 1,330.00 (Q1,
# Q3, Q7, Q8), 31-60 300.00 (Q4), 61-90 500.00 (Q2), 91-180 900.00 (Q8's
# disputed invoice), 180+ 5,000.00 (Q5, collector "other"); 8,730.00 in all)
# as horizontal bars at 80x24 and 132x40, in eighth blocks and in ASCII:
# every figure whole, each bar as long as its amount says; Enter on a bar
# shows the queue filtered to exactly that bucket's accounts, q comes back
# and the queue is as it was; :report; the help lists the new keys.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }

# The buckets and their amounts in cents, by hand.
BUCKETS="not due=70000
1-30=133000
31-60=30000
61-90=50000
91-180=90000
180+=500000"

# The length of each bar in eighths (a full block 8, ▏ 1 ... ▉ 7), or in
# # cells with ASCII, one "label=length" a line.
bar_lengths() {
	screen | perl -CSD -ne '
		next unless /^ (not due|1-30|31-60|61-90|91-180|180\+) +([\x{2588}\x{2589}-\x{258f}#]+) +[0-9,.]+ *$/;
		my ($l, $b) = ($1, $2); my $n = 0;
		for my $c (split //, $b) {
			$n += $c eq "#" ? 1 : $c eq "\x{2588}" ? 8 : 0x2590 - ord($c);
		}
		print "$l=$n\n";'
}
# What each bar must be: its amount over the largest's, in the largest's
# length; with ASCII (cells), an eighth-rounded length rounded to cells.
expected_lengths() { # LARGEST ascii|blocks
	printf '%s\n' "$BUCKETS" | awk -F= -v big="$1" -v mode="$2" '{
		if (mode == "blocks") n = int($2 * big / 500000 + 0.5)
		else { e = int($2 * big * 8 / 500000 + 0.5); n = int((e + 4) / 8) }
		print $1 "=" n }'
}
check_bars() { # NAME ascii|blocks
	got=$(bar_lengths)
	big=$(printf '%s\n' "$got" | sed -n 's/^180+=//p')
	is "$got" "$(expected_lengths "${big:-0}" "$2")" "$1: each bar as long as its amount, over the largest's ($big)"
}

screen_start 80 24 -- -d "$B"
screen_has "mine \(tester\): 6 accounts" "the queue"
send D
screen_has "relance: dashboard: aging" "D opens the dashboard"
screen_has "^Aging of receivables as of 2026-11-24 \(EUR\): 6 bars" "its heading: the report, the day, the currency"
for b in "not due +█+[▏▎▍▌▋▊▉]? +700\.00" "1-30 +█+[▏▎▍▌▋▊▉]? +1,330\.00" "31-60 +█+[▏▎▍▌▋▊▉]? +300\.00" \
	 "61-90 +█+[▏▎▍▌▋▊▉]? +500\.00" "91-180 +█+[▏▎▍▌▋▊▉]? +900\.00" "180\+ +█+ 5,000\.00 *$"; do
	screen_has "^ $b" "80x24: a bar with its label and its figure whole: $b"
done
# 80 columns: 78 for the chart, 7 of label, 8 of figure, two blanks: 61 cells
is "$(bar_lengths | sed -n 's/^180+=//p')" "488" "80x24: the largest bar takes the room left by labels and figures (61 cells)"
check_bars "80x24" blocks
screen_has "^total +EUR +total +8,730\.00 +900\.00 +9 *$" "the table under the chart, its total the sum of the bars"
unlike "$(screen)" "…" "80x24: nothing cut"

# drill-down: 1-30 is the second bar
send j Enter
screen_has "relance: queue: drill-down: aging 1-30" "Enter on a bar: the queue of its accounts"
screen_has "all collectors: 4 accounts, 1,330\.00 overdue \| filter: aging 1-30" "filtered, and it says so"
is "$(screen | awk '$2 ~ /^Q[0-9]$/ {print $2}' | sort | tr '\n' ' ')" "Q1 Q3 Q7 Q8 " "exactly the accounts of 1-30"
send Enter
screen_has "relance: account" "an account opens from it"
send q
screen_has "drill-down: aging 1-30" "q: back to the drill-down"
send q
screen_has "relance: dashboard: aging" "q: back to the dashboard"
send q
screen_has "^mine \(tester\): 6 accounts, 2,130\.00 overdue *$" "q again: the queue as it was (mine, today's, no filter)"

# 180+: another collector's account; not due: an account the queue has no row for
send D G Enter
screen_has "drill-down: aging 180\+" "G Enter: the last bar's accounts"
is "$(screen | awk '$2 ~ /^Q[0-9]$/ {print $2}' | tr '\n' ' ')" "Q5 " "its one account, another collector's"
send q g Enter
screen_has "1 of the 1 accounts not in the queue: nothing overdue nor to do" "not due: the account with nothing to do is said, not dropped silently"
unlike "$(screen | awk '$2 ~ /^Q[0-9]$/')" "." "and no other account shown"
send q q

# from an account: :report, a drill-down, an account opened from it takes
# the place of the first account (one account view at a time): the
# drill-down goes, and the queue is as it was
send Enter
screen_has "relance: account Q3" "an account"
type ":report" && send Enter
screen_has "relance: dashboard: aging" ":report alone: aging, from an account too"
send j Enter
screen_has "drill-down: aging 1-30" "its drill-down"
send j Enter
screen_has "relance: account Q1" "an account from it, in the place of the first"
send q
screen_has "^mine \(tester\): 6 accounts, 2,130\.00 overdue *$" "q: the queue as it was, the drill-down gone with the views over the first account"

# :report; a name that is not a report
type ":report aging" && send Enter
screen_has "relance: dashboard: aging" ":report aging opens it"
type ":report nosuch" && send Enter
screen_has "no report nosuch: aging, dso, cei, promises, collectors, dunning, forecast" ":report with another name says which exist"

# the help lists the new keys, from the action table
send '?'
screen_has "Keys in the dashboard" "the help from the dashboard: its own keys first"
screen_has "Enter +drill-down +the queue of the bar's accounts" "Enter drills down"
send q q
send '?'
screen_has "D +dashboard +the dashboard: aging as a bar chart" "the queue's help lists D"
send q

# a larger terminal: the bars grow, the proportions hold
send D
wait_for "dashboard: aging"
resize 132 40
screen_has "^ 180\+ +█{100,} 5,000\.00 *$" "132x40: a resize redraws, the bars longer"
check_bars "132x40" blocks
unlike "$(screen)" "…" "132x40: nothing cut"
send Q
wait_exit
tm kill-server

# ASCII: set ascii = yes
mkdir -p "$HOME/.config/relance"
echo "set ascii = yes" > "$HOME/.config/relance/relancerc"
screen_start 80 24 -- -d "$B"
wait_for "mine"
send D
screen_has "^ 180\+ +#+ 5,000\.00 *$" "ascii: bars of #"
screen_has "^ not due +#+ +700\.00 *$" "ascii: each with its figure whole"
unlike "$(screen)" "[█▏▎▍▌▋▊▉]" "ascii: no block character"
check_bars "80x24 ascii" ascii
resize 132 40
screen_has "^ 180\+ +#{100,} 5,000\.00 *$" "ascii 132x40: redrawn longer"
check_bars "132x40 ascii" ascii
send Q
wait_exit
is "$(cat "$T/stderr")" "" "nothing on standard error"
done_testing
