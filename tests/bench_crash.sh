#!/bin/sh
# bench_crash.sh — the last section of `make bench` (bench.sh runs it), or
# on its own: imports of the 100,000-account book against collectors, and
# kill -9.
#   - how long the import of the ~1,000,000-row invoices file holds the
#     write lock (its final transaction), and takes in all, as relance
#     logs them (RELANCE_BENCH_LOG); the same for a re-import;
#   - a collector writing notes the whole time an import runs: how many,
#     how many failed (none may), the longest a note took;
#   - kill -9 at random moments of that import and of an import of a
#     change file of $CRASH_ENTRIES journal entries: the book must be whole
#     (integrity_check, relance check), and exactly before or after.
# Usage: bench_crash.sh RELANCE [WORKDIR [ACCOUNTS]]; CRASH_ROUNDS (3).
set -eu
R=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
W=${2:-build/bench}
N=${3:-100000}
ROUNDS=${CRASH_ROUNDS:-3}
J=${CRASH_ENTRIES:-100000}
export RELANCE_TODAY=2026-11-24
T=$W/crash
rm -rf "$T"
mkdir -p "$T"
. "$(dirname "$0")/lib/crash.sh"
[ -f "$W/csv/invoices.csv" ] || "$R" demo --accounts "$N" --csv "$W/csv" > /dev/null
now() { date +%s.%N; }

B=$T/book.db
"$R" -d "$B" import customers "$W/csv/customers.csv" > /dev/null
sqlite3 "$B" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
cp "$B" "$T/customers.db"

# lock_held COMMAND...: runs the import; prints how long it held the
# write lock and took in all, as it logs them (RELANCE_BENCH_LOG)
lock_held() {
	RELANCE_BENCH_LOG=$T/bench.log "$@" > /dev/null
	awk '/^import-/ { l = $3; a = $5 } END { print l, a }' "$T/bench.log"
}
set -- $(lock_held "$R" -d "$B" import invoices "$W/csv/invoices.csv")
first_lock=$1 first_all=$2
set -- $(lock_held "$R" -d "$B" import invoices "$W/csv/invoices.csv")
again_lock=$1 again_all=$2
rows=$(($(wc -l < "$W/csv/invoices.csv") - 1))
echo
echo "imports and collectors: $rows invoice rows ($N accounts)       seconds"
printf '  import invoices: in all / under the write lock            %7s / %s\n' "$first_all" "$first_lock"
printf '  import invoices again: in all / under the write lock      %7s / %s\n' "$again_all" "$again_lock"

# a collector's notes, one after the other, the whole time of an import
cat "$T/customers.db" > "$B"
rm -f "$B-wal" "$B-shm"
"$R" -d "$B" import invoices "$W/csv/invoices.csv" > /dev/null &
pid=$!
n=0 failed=0 slowest=0
while kill -0 "$pid" 2> /dev/null; do
	n=$((n + 1))
	t0=$(now)
	"$R" -d "$B" --user anna note C000001 "note $n" > /dev/null 2>> "$T/notes.err" || failed=$((failed + 1))
	slowest=$(awk -v a="$slowest" -v b="$(now)" -v t="$t0" 'BEGIN { d = b - t; printf "%.2f", (d > a ? d : a) }')
done
wait "$pid"
printf '  notes written during the import: %d, failed %d, slowest %s s\n' "$n" "$failed" "$slowest"
[ "$failed" = 0 ] || { echo "FAILED: a note failed during an import:"; sort -u "$T/notes.err"; }

# kill -9
seed=$(date +%s)
cat "$T/customers.db" > "$B"
rm -f "$B-wal" "$B-shm"
echo
echo "kill -9 at random moments (seed $seed), then integrity_check, relance check, before or after"
crash_rounds "$B" "$ROUNDS" "$seed" "$R" -d "$B" import invoices "$W/csv/invoices.csv" | sed 's/^/  import invoices: /'
S=$T/src.db
D=$T/dst.db
"$R" -d "$S" import customers "$W/csv/customers.csv" > /dev/null
"$R" clone "$S" "$D" > /dev/null
sqlite3 "$S" "
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $J)
	INSERT INTO activities(id, account_no, at, type, user, copy_id, summary, body)
	SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-8'
	       || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), printf('C%06d', 1 + i % $N),
	       printf('2026-11-%02dT10:%02d:%02dZ', 1 + i % 23, i % 60, i / 60 % 60), 'note', 'bench',
	       (SELECT value FROM book_meta WHERE key = 'copy_id'), 'Note ' || i, 'Called, left a message about invoice ' || i
	FROM n"
"$R" -d "$S" export changes -o "$T/c.chg" > /dev/null
"$R" -d "$D" check > /dev/null
crash_rounds "$D" "$ROUNDS" "$seed" "$R" -d "$D" import changes "$T/c.chg" | sed 's/^/  import changes: /'
rm -rf "$T"
