#!/bin/sh
# queue_day.t (screen) — what a write to one account changes on the queue,
# without the queue read again: the header's day figures follow a promise
# made (and stay through a note, which no longer reads them again), the
# account's row moves to the end as worked today, and e explains every
# account of the queue, found by number (its rank right), the account
# written to included.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"

# keys FILE...: the headless workstation on the book, its last screen in $T/dump
keys() {
	printf '%s\n' "$@" > "$T/keys"
	"$R" -d "$B" ui --keys "$T/keys" --dump "$T/dump" 2> "$T/err"
}
has() { grep -Eq -- "$1" "$T/dump"; _result $? "$2" "$(cat "$T/dump") $(cat "$T/err")"; }

keys
has "queue: today 0 of 6 done" "the start: 6 accounts to do, no promise yet"
has "Q3 " "Q3 is in the day's list"

# a promise on Q3 (the first row), then a note on Q2: the header counts
# the promise, and still does after the note
keys Enter p C-u '"400"' Tab C-u '"30/11/2026"' Enter q
has "today 1 of 6 done .* 1 promise 400\.00" "a promise made: the day's figures count it, Q3 done"
keys Enter a '"Left a message"' Enter q
has "today 2 of 6 done .* 1 promise 400\.00" "a note on the next account: it is done, the day's promise stays"
is "$("$R" -d "$B" promises Q3 --format tsv | cut -f3,5,6 | grep -c "^400.00	2026-11-30	open$")" 1 "the promise is in the book"

# e on each row: found by its number, with its rank among those to do;
# Q3 and Q2 (worked today) are not in the day's list
# (the day's list now: Q1, Q4, Q7, Q8)
n=1
for acct in Q1 Q4 Q7; do
	keys $(i=1; while [ $i -lt $n ]; do printf 'j '; i=$((i + 1)); done) e
	has "^ $acct " "e on row $n: $acct"
	has "rank $n of 4 in today's list" "e on row $n: its rank"
	n=$((n + 1))
done
keys G e
has "^ Q8 " "G then e: the last row, Q8"
has "rank 4 of 4 in today's list" "G then e: its rank"
# the day's done ones, shown at the end (:set show-done), by score: Q2
# (45,000) then Q3 (its broken promise followed up: 2,000 and contact days)
keys : '"set show-done = true"' Enter G e
has "^ Q3 " "the worked accounts shown, G then e: Q3, the last"
has "not in today's list: worked today" "its rank: none, worked today"
done_testing
