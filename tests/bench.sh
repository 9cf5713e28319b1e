#!/bin/sh
# bench.sh — `make bench`: builds a 100,000-account book with the demo
# generator and times relance against baselines measured in the same run:
#   - import of the ~1,000,000-row invoices file, against the sqlite3
#     shell's .import of the same file into a bare table (and, for
#     reference, into a table of the book's shape);
#   - re-import of the same file (nothing changes);
#   - the demo book built whole, and `relance accounts` against the plain
#     SQL query.
# Each figure is the best of $RUNS runs. Usage: bench.sh RELANCE ACCOUNTS
set -eu
R=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
N=${2:-100000}
RUNS=${RUNS:-2}
W=${BENCH_DIR:-build/bench}
export RELANCE_TODAY=2026-11-24
rm -rf "$W"
mkdir -p "$W"

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
# best SECONDS of RUNS runs of: setup-command ; timed-command
best() {
	setup=$1
	shift
	b=""
	i=0
	while [ $i -lt "$RUNS" ]; do
		sh -c "$setup"
		t0=$(now)
		"$@" >/dev/null
		t1=$(now)
		t=$(calc "$t1 - $t0")
		if [ -z "$b" ] || [ "$(calc "$t < $b")" = 1 ]; then b=$t; fi
		i=$((i + 1))
	done
	printf '%.3f' "$b"
}
rate() { printf '%.0f' "$(calc "$1 / $2")"; }
ratio() { printf '%.2f' "$(calc "$1 / $2")"; }

echo "relance bench: $N accounts (RELANCE_TODAY=$RELANCE_TODAY, best of $RUNS)"
t0=$(now)
"$R" demo --accounts "$N" --csv "$W/csv"
t1=$(now)
rows=$(($(wc -l < "$W/csv/invoices.csv") - 1))
printf '  demo CSV files written in %.2f s: %s invoice rows, %s MB\n' "$(calc "$t1 - $t0")" \
	"$rows" "$(($(wc -c < "$W/csv/invoices.csv") / 1000000))"

# --- import of invoices ------------------------------------------------
bare=$(best "rm -f $W/bare.db" sqlite3 "$W/bare.db" ".import --csv $W/csv/invoices.csv invoices")
shaped=$(best "rm -f $W/shaped.db; sqlite3 $W/shaped.db \"PRAGMA journal_mode=WAL; CREATE TABLE invoices(invoice_no TEXT PRIMARY KEY, account_no, kind, issue_date, due_date, amount, open_amount, currency, reference) WITHOUT ROWID; CREATE INDEX invoices_account ON invoices(account_no, due_date)\" >/dev/null" \
	sqlite3 "$W/shaped.db" ".import --csv --skip 1 $W/csv/invoices.csv invoices")
ours=$(best "rm -f $W/book.db*; $R -d $W/book.db import customers $W/csv/customers.csv >/dev/null" \
	"$R" -d "$W/book.db" import invoices "$W/csv/invoices.csv")
again=$(best ":" "$R" -d "$W/book.db" import invoices "$W/csv/invoices.csv")
echo
echo "import of $rows invoice rows                    seconds      rows/s   vs bare"
printf '  sqlite3 .import, bare table (baseline)      %7s  %10s   1.00x\n' "$bare" "$(rate "$rows" "$bare")"
printf '  sqlite3 .import, table of the book'"'"'s shape  %7s  %10s   %sx\n' "$shaped" "$(rate "$rows" "$shaped")" "$(ratio "$shaped" "$bare")"
printf '  relance import invoices                     %7s  %10s   %sx\n' "$ours" "$(rate "$rows" "$ours")" "$(ratio "$ours" "$bare")"
printf '  relance import invoices again (no change)   %7s  %10s   %sx\n' "$again" "$(rate "$rows" "$again")" "$(ratio "$again" "$bare")"

# --- the whole demo book -------------------------------------------------
demo=$(best "rm -f $W/demo.db*" "$R" -d "$W/demo.db" demo --accounts "$N")
echo
printf '  relance demo --accounts %s (book with history)   %s s\n' "$N" "$demo"

# --- accounts list ---------------------------------------------------------
sql="SELECT c.account_no, sum(i.open_amount) FROM customers c LEFT JOIN invoices i ON i.account_no = c.account_no AND i.status = 'open' GROUP BY c.account_no, i.currency"
plain=$(best ":" sqlite3 "$W/demo.db" "$sql")
acc=$(best ":" "$R" -d "$W/demo.db" accounts --format tsv)
echo
echo "accounts with aging ($N accounts)              seconds   vs plain SQL"
printf '  sqlite3: the plain per-account sum (baseline) %7s   1.00x\n' "$plain"
printf '  relance accounts --format tsv                 %7s   %sx\n' "$acc" "$(ratio "$acc" "$plain")"
