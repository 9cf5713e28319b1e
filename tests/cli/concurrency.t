#!/bin/sh
# concurrency.t — two collectors writing the same book at once (two
# processes, as two SSH sessions would): no "database is locked", no entry
# lost, the cache right afterwards.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
writer() { # who account count
	i=1
	while [ $i -le "$3" ]; do
		"$R" -d "$B" --user "$1" note "$2" "note $i from $1" >/dev/null || echo "FAILED $1 $i"
		[ $((i % 10)) -eq 0 ] && { "$R" -d "$B" --user "$1" task add "$2" --date 2026-12-01 "task $i" >/dev/null || echo "FAILED task $1 $i"; }
		i=$((i + 1))
	done
}
writer anna Q1 60 > "$T/a.out" 2>&1 &
writer bert Q1 60 > "$T/b.out" 2>&1 &
"$R" -d "$B" --user tester queue --all --format tsv > /dev/null 2>"$T/reader.err"
wait
is "$(cat "$T/a.out" "$T/b.out")" "" "neither writer failed"
unlike "$(cat "$T/a.out" "$T/b.out" "$T/reader.err")" "locked" "nobody saw 'database is locked'"
is "$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE type = 'note' AND summary LIKE 'note % from %'")" 120 "every note is there"
is "$(sqlite3 "$B" "SELECT count(*) FROM tasks WHERE text LIKE 'task %'")" 12 "every task is there"
ok "the book and its cache are right" "$R" -d "$B" check
done_testing
