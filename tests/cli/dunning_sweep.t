#!/bin/sh
# dunning_sweep.t — a dry run reads each table once in account order
# (dunning_run_sweep), a real run and `dunning status` one account at a
# time: both say the same of every invoice; and a real run logs for make
# bench (RELANCE_BENCH_LOG) its time, the time spent waiting for sendmail
# and writing letters.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"
B="$T/book.db"
dunning_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config
# the dry run's invoices and steps, against each account's status read alone
dry=$("$R" -d "$B" dunning run --dry-run --format tsv --quiet | tail -n +2 | cut -f1-3 | sort)
ok "the dry run finds messages due" test -n "$dry"
alone=$(for a in $(sqlite3 "$B" "SELECT account_no FROM customers ORDER BY account_no"); do
	"$R" -d "$B" dunning status "$a" --format tsv | tail -n +2 |
		awk -F'\t' -v a="$a" '$7 == "due" { print a "\t" $1 "\t" $8 }'
done | sort)
is "$dry" "$alone" "the dry run's invoices and steps are those each account's status, read alone, calls due"
held=$("$R" -d "$B" dunning run --dry-run --format tsv --quiet | cut -f1 | grep -c -E '^(H1|D1|P1|L1)$')
is "$held" 0 "held, disputed, promised and planned accounts are left out of the sweep too"

# a sendmail that takes 0.2 s: the log says the run waited at least that each time
cat > "$T/slow" <<SH
#!/bin/sh
sleep 0.2
exec "$T/sendmail"
SH
chmod +x "$T/slow"
sed -i "s|^set sendmail = .*|set sendmail = \"$T/slow\"|" "$HOME/.config/relance/relancerc"
RELANCE_BENCH_LOG="$T/bench.log" "$R" -d "$B" dunning run --quiet > /dev/null
line=$(cat "$T/bench.log" 2>/dev/null)
like "$line" "^dunning-run all [0-9.]+ messages [0-9]+ sendmail [0-9.]+ calls [0-9]+ letters [0-9.]+ pdfs [0-9]+$" \
	"a real run logs one line of timings"
set -- $line
is "$9" "$(ls "$T/mail" | wc -l)" "sendmail was counted once an e-mail ($9)"
is "${13}" "$(ls "$T/letters" | wc -l)" "each letter written was counted (${13})"
ok "the wait for sendmail is at least 0.2 s an e-mail ($7 s)" awk "BEGIN { exit !($7 >= 0.2 * $9 && $9 > 0) }"
ok "the run took at least its waits and its letters ($3 s)" awk "BEGIN { exit !($3 >= $7 + ${11}) }"
RELANCE_BENCH_LOG="$T/dry.log" "$R" -d "$B" dunning run --dry-run --quiet > /dev/null
ok "a dry run logs nothing" test ! -s "$T/dry.log"
done_testing
