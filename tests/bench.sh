#!/bin/sh
# bench.sh — `make bench`: builds a 100,000-account book with the demo
# generator and times relance against baselines measured in the same run:
#   - import of the ~1,000,000-row invoices file, against the sqlite3
#     shell's .import of the same file into a bare table (and, for
#     reference, into a table of the book's shape);
#   - re-import of the same file (nothing changes);
#   - the demo book built whole;
#   - the workstation on that book: the queue on screen, opening an account,
#     every key, against the plain SQL queries returning the same rows;
#   - `relance accounts` against the plain SQL query;
#   - export and import of 100,000 journal entries between two copies
#     (SYNC_ENTRIES=N), against the sqlite3 shell's .dump and reload, and
#     the peak RSS of exporting them against that of 10 times as many;
#   - imports against collectors, and kill -9 (bench_crash.sh, which runs
#     on its own too);
#   - each key of a 30-key script (ui --keys) in callgrind instructions, on
#     N/10 and N accounts;
#   - a command's start in callgrind instructions, against the sqlite3
#     shell opening the same book;
#   - bank statements (CODA and camt.053) imported and matched, against
#     the import of the same payments as CSV.
# Each figure is the best of $RUNS runs (the workstation: one run). Usage:
# bench.sh RELANCE ACCOUNTS
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
echo "import of $rows invoice rows                    seconds      rows/s   vs bare  vs shaped"
printf '  sqlite3 .import, bare table (baseline)      %7s  %10s   1.00x    %sx\n' "$bare" "$(rate "$rows" "$bare")" \
	"$(ratio "$bare" "$shaped")"
printf '  sqlite3 .import, table of the book'"'"'s shape  %7s  %10s   %sx    1.00x  (the target'"'"'s baseline)\n' \
	"$shaped" "$(rate "$rows" "$shaped")" "$(ratio "$shaped" "$bare")"
printf '  relance import invoices                     %7s  %10s   %sx    %sx  (target 1.00x)\n' "$ours" \
	"$(rate "$rows" "$ours")" "$(ratio "$ours" "$bare")" "$(ratio "$ours" "$shaped")"
printf '  relance import invoices again (no change)   %7s  %10s   %sx    %sx  (target 0.70x)\n' "$again" \
	"$(rate "$rows" "$again")" "$(ratio "$again" "$bare")" "$(ratio "$again" "$shaped")"

# --- the whole demo book -------------------------------------------------
demo=$(best "rm -f $W/demo.db*" "$R" -d "$W/demo.db" demo --accounts "$N")
echo
printf '  relance demo --accounts %s (book with history)   %s s\n' "$N" "$demo"

# --- the workstation ------------------------------------------------------
# The real binary in tmux at 80x24, on the demo book, as collector amartin;
# relance writes its own timings (RELANCE_BENCH_LOG): the first screen from
# start, and each key from its arrival to the screen drawn.
LOG=$W/ui.log
rm -f "$LOG"
SOCK=relance-bench-$$
tmux -L "$SOCK" -f /dev/null new-session -d -s b -x 80 -y 24 \
	"env RELANCE_BENCH_LOG=$LOG TERM=xterm-256color LANG=C.UTF-8 RELANCE_TODAY=$RELANCE_TODAY $R -d $W/demo.db --user amartin; sleep 60"
waitlog() { i=0; while ! grep -q "$1" "$LOG" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done; }
waitlog first-screen
for k in j j j j j j j j j j Enter ']' ']' ']' '[' Tab j j Enter q q C-d C-u G g s s s s s; do
	n=$(wc -l < "$LOG")
	tmux -L "$SOCK" send-keys -t b "$k"
	i=0; while [ "$(wc -l < "$LOG")" -le "$n" ] && [ $i -lt 200 ]; do sleep 0.02; i=$((i + 1)); done
done
tmux -L "$SOCK" send-keys -t b a; waitlog toggle-all
tmux -L "$SOCK" send-keys -t b a; sleep 0.5
# a call logged on an account of the day's list (one phone number: c calls
# it at once), then ] to the next
one_phone=$(sqlite3 "$W/demo.db" "SELECT account_no FROM account_summary WHERE collector = 'amartin'
	AND overdue > 0 AND phone <> '' AND phone NOT LIKE '%;%' AND worked_at IS NULL LIMIT 1")
tmux -L "$SOCK" send-keys -t b : && tmux -L "$SOCK" send-keys -t b -l "goto $one_phone" && tmux -L "$SOCK" send-keys -t b Enter
sleep 0.5
tmux -L "$SOCK" send-keys -t b c; sleep 0.3
tmux -L "$SOCK" send-keys -t b c; sleep 0.3
tmux -L "$SOCK" send-keys -t b Right Enter; waitlog call-logged
n=$(grep -c "key next-account" "$LOG")
tmux -L "$SOCK" send-keys -t b ']'
i=0; while [ "$(grep -c "key next-account" "$LOG")" -le "$n" ] && [ $i -lt 200 ]; do sleep 0.02; i=$((i + 1)); done
tmux -L "$SOCK" send-keys -t b q; sleep 0.3
# the dashboard (D): aging of the whole book, then Enter on its 1-30 bar
tmux -L "$SOCK" send-keys -t b D; waitlog "key dashboard"
tmux -L "$SOCK" send-keys -t b j; sleep 0.2
tmux -L "$SOCK" send-keys -t b Enter; waitlog "key drill-down"
tmux -L "$SOCK" send-keys -t b q; sleep 0.3
tmux -L "$SOCK" send-keys -t b q; sleep 0.3
tmux -L "$SOCK" send-keys -t b Q; sleep 0.3
tmux -L "$SOCK" kill-server 2>/dev/null
one=$(awk '/^key open /{print $3; exit}' "$LOG")
acct=$(sqlite3 "$W/demo.db" "SELECT account_no FROM account_summary WHERE collector = 'amartin' AND overdue > 0 LIMIT 1")
sqltime() { printf '.timer on\n%s;\n' "$2" | sqlite3 "$1" | awk '/^Run Time/ {print $4 * 1000}' | tail -1; }
plain_queue=$(sqltime "$W/demo.db" "SELECT count(*), sum(overdue), max(name), max(due_weight), max(oldest_due), max(task_text), max(promise_date) FROM account_summary WHERE collector = 'amartin'")
# amartin's accounts with their overdue, from the invoices (no cache): the
# queue's baseline here and on the command line below
naive_sql="SELECT count(*), sum(s) FROM (SELECT c.account_no, max(c.name), sum(i.open_amount) AS s FROM customers c JOIN invoices i ON i.account_no = c.account_no AND i.status = 'open' AND i.due_date < '$RELANCE_TODAY' WHERE c.collector = 'amartin' GROUP BY c.account_no)"
naive_queue=$(sqltime "$W/demo.db" "$naive_sql")
plain_account=$(sqltime "$W/demo.db" "SELECT (SELECT max(name) FROM customers WHERE account_no = '$acct'), (SELECT count(*) || max(invoice_no) FROM invoices WHERE account_no = '$acct' AND status = 'open'), (SELECT count(*) || max(summary) FROM activities WHERE account_no = '$acct')")
echo
echo "workstation, 80x24, collector amartin          ms"
printf '  sqlite3: read the same rows from the cache     %8.1f  (the floor)\n' "$plain_queue"
printf '  sqlite3: overdue per account from invoices     %8.1f  (without a cache)\n' "$naive_queue"
printf '  relance: queue read                            %8.1f  (%s)\n' "$(awk '/^queue-load/ {print $2; exit}' "$LOG")" \
	"$(awk '/^queue-load/ {print $3, $4; exit}' "$LOG" | tr -d '()')"
printf '  relance: queue on screen, from start           %8.1f\n' "$(awk '/^first-screen/ {print $2; exit}' "$LOG")"
printf '  sqlite3: one account, its items and history    %8.1f\n' "$plain_account"
printf '  relance: open an account (Enter)               %8.1f\n' "$one"
awk '/^key / && $2 != "toggle-all" && $2 != "quit" && $2 != "call" { n++; s += $3; if ($3 > m) { m = $3; w = $2 } }
     END { printf "  relance: %d other keys: mean %.1f, slowest %.1f (%s)\n", n, s / n, m, w }' "$LOG"
awk '/^key toggle-all/ { n++; printf "  relance: a (every collector'"'"'s queue), %s: %8.1f\n", n == 1 ? "first time" : "again", $3 }' "$LOG"
printf '  relance: a call logged (Enter on its outcome)  %8.1f  (the journal, the queue read again)\n' \
	"$(awk '/^call-logged/ {print $2; exit}' "$LOG")"
printf '  relance: ] then, to the next account to do     %8.1f\n' "$(awk '/^key next-account/ {v = $3} END {print v}' "$LOG")"
printf '  relance: the dashboard (D: aging, 80x24)       %8.1f\n' "$(awk '/^key dashboard/ {print $3; exit}' "$LOG")"
printf '  relance: Enter on a bar (its accounts, queue)  %8.1f  (%s accounts)\n' \
	"$(awk '/^key drill-down/ {print $3; exit}' "$LOG")" \
	"$(sqlite3 "$W/demo.db" "SELECT c1 FROM aging_totals WHERE currency = 'EUR'")"

# --- the day's list and find on the command line ----------------------------------
# relance queue for one collector against the plain SQL that computes its
# accounts' overdue figures from the invoices; relance find of a phone
# number and of a payment reference, whole commands.
naive=$(best ":" sqlite3 "$W/demo.db" "$naive_sql")
queue=$(best ":" "$R" -d "$W/demo.db" --user amartin queue --format tsv)
phone=$(sqlite3 "$W/demo.db" "SELECT phone FROM customers WHERE phone <> '' LIMIT 1 OFFSET $((N / 3))" | cut -d';' -f1)
ref=$(sqlite3 "$W/demo.db" "SELECT reference FROM invoices WHERE length(reference) = 12 LIMIT 1 OFFSET $((N / 2))")
fphone=$(best ":" "$R" -d "$W/demo.db" find "$phone")
fref=$(best ":" "$R" -d "$W/demo.db" find "$ref")
echo
echo "the day's list and find ($N accounts)            seconds   vs plain SQL"
printf '  sqlite3: amartin'"'"'s overdue from the invoices   %7s   1.00x\n' "$naive"
printf '  relance queue (amartin, the day'"'"'s list)       %7s   %sx\n' "$queue" "$(ratio "$queue" "$naive")"
printf '  relance find %-20s            %7s\n' "$phone" "$fphone"
printf '  relance find %-20s            %7s\n' "$ref" "$fref"

# --- accounts list ---------------------------------------------------------
sql="SELECT c.account_no, sum(i.open_amount) FROM customers c LEFT JOIN invoices i ON i.account_no = c.account_no AND i.status = 'open' GROUP BY c.account_no, i.currency"
plain=$(best ":" sqlite3 "$W/demo.db" "$sql")
acc=$(best ":" "$R" -d "$W/demo.db" accounts --format tsv)
echo
echo "accounts with aging ($N accounts)              seconds   vs plain SQL"
printf '  sqlite3: the plain per-account sum (baseline) %7s   1.00x\n' "$plain"
printf '  relance accounts --format tsv                 %7s   %sx\n' "$acc" "$(ratio "$acc" "$plain")"

# --- reports: aging, today and as of a day 90 days back (issue 16) ---------------
# The plain SQL a person would write for the same buckets: invoices, plus
# what was paid on them after the day, by currency and bucket.
aging_sql() {
	printf "WITH later AS (SELECT invoice_no, sum(amount) AS paid FROM payments WHERE date > '%s' AND amount > 0 AND invoice_no IS NOT NULL GROUP BY invoice_no) " "$1"
	printf "SELECT i.currency, CASE WHEN d <= 0 THEN 0 WHEN d <= 30 THEN 1 WHEN d <= 60 THEN 2 WHEN d <= 90 THEN 3 WHEN d <= 180 THEN 4 ELSE 5 END, "
	printf "sum(CASE WHEN i.kind = 'credit_note' THEN i.open_amount ELSE min(i.amount, max(i.open_amount, 0) + coalesce(l.paid, 0)) END), count(*) "
	printf "FROM (SELECT *, CAST(julianday('%s') - julianday(due_date) AS INTEGER) AS d FROM invoices) i LEFT JOIN later l ON l.invoice_no = i.invoice_no " "$1"
	printf "WHERE (i.status = 'open' OR l.paid IS NOT NULL) AND coalesce(i.issue_date, '') <= '%s' GROUP BY 1, 2" "$1"
}
back=$(date -u -d "$RELANCE_TODAY - 90 days" +%Y-%m-%d)
aging_back_sql=$(best ":" sqlite3 "$W/demo.db" "$(aging_sql "$back")")
aging_back=$(best ":" "$R" -d "$W/demo.db" report aging --as-of "$back" --format tsv)
aging_today_sql=$(best ":" sqlite3 "$W/demo.db" "$(aging_sql "$RELANCE_TODAY")")
aging_today=$(best ":" "$R" -d "$W/demo.db" report aging --format tsv)
echo
echo "reports ($N accounts)                            seconds   vs plain SQL"
printf '  sqlite3: aging as of %s (baseline)    %7s   1.00x\n' "$back" "$aging_back_sql"
printf '  relance report aging --as-of %s       %7s   %sx\n' "$back" "$aging_back" "$(ratio "$aging_back" "$aging_back_sql")"
printf '  sqlite3: aging today (baseline)               %7s   1.00x\n' "$aging_today_sql"
printf '  relance report aging                          %7s   %sx\n' "$aging_today" "$(ratio "$aging_today" "$aging_today_sql")"

# --- sync: export and import of journal entries ------------------------------
# A book with the demo's accounts and $J journal entries made since its
# last export (ids as random as relance's own); a clone made before them
# receives them. Baseline: the
# sqlite3 shell's .dump of the same rows and their reload into a new file.
J=${SYNC_ENTRIES:-100000}
rm -f "$W"/sync-*
"$R" -d "$W/sync-src.db" import customers "$W/csv/customers.csv" >/dev/null
"$R" clone "$W/sync-src.db" "$W/sync-dst0.db" >/dev/null
sent=$(sqlite3 "$W/sync-src.db" "SELECT max(seq) FROM sync_rows")
# add_entries FIRST LAST: journal entries FIRST to LAST in the source book
add_entries() {
	sqlite3 "$W/sync-src.db" "
	WITH RECURSIVE n(i) AS (SELECT $1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
	INSERT INTO activities(id, account_no, at, type, user, copy_id, summary, body)
	SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-8'
	       || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), printf('C%06d', 1 + i % $N),
	       printf('2026-11-%02dT10:%02d:%02dZ', 1 + i % 23, i % 60, i / 60 % 60), 'note', 'bench',
	       (SELECT value FROM book_meta WHERE key = 'copy_id'), 'Note ' || i, 'Called, left a message about invoice ' || i
	FROM n"
}
add_entries 1 "$J"
exp=$(best "sqlite3 $W/sync-src.db \"UPDATE book_meta SET value = '$sent' WHERE key = 'sync_exported'\"" \
	"$R" -d "$W/sync-src.db" export changes -o "$W/sync.chg.new")
mv "$W/sync.chg.new" "$W/sync.chg"
imp=$(best "rm -f $W/sync-dst.db*; cp $W/sync-dst0.db $W/sync-dst.db" "$R" -d "$W/sync-dst.db" import changes "$W/sync.chg")
dump=$(best ":" sh -c "sqlite3 $W/sync-src.db '.dump activities' > $W/sync-dump.sql")
reload=$(best "rm -f $W/sync-reload.db" sh -c "sqlite3 $W/sync-reload.db < $W/sync-dump.sql")
got=$(sqlite3 "$W/sync-dst.db" "SELECT count(*) FROM activities")
echo
echo "sync: $J journal entries ($got arrived)           seconds   vs sqlite3   file MB"
printf '  sqlite3 .dump activities (baseline)           %7s   1.00x        %s\n' "$dump" \
	"$(calc "$(wc -c < "$W/sync-dump.sql") / 1000000")"
printf '  relance export changes                        %7s   %sx        %s\n' "$exp" "$(ratio "$exp" "$dump")" \
	"$(calc "$(wc -c < "$W/sync.chg") / 1000000")"
printf '  sqlite3 reload of the dump (baseline)         %7s   1.00x\n' "$reload"
printf '  relance import changes                        %7s   %sx\n' "$imp" "$(ratio "$imp" "$reload")"
# Memory: peak RSS (/usr/bin/time, from make deps-test) of the export of
# the $J entries, then of 10 times as many (the same book, 9 x $J more
# entries: about 25 s for 100,000); an export streams, so the two are near.
rss_export() {
	sqlite3 "$W/sync-src.db" "UPDATE book_meta SET value = '$sent' WHERE key = 'sync_exported'"
	/usr/bin/time -f %M -o "$W/sync-rss" "$R" -d "$W/sync-src.db" export changes -o "$W/sync-rss.chg" >/dev/null
	rm -f "$W/sync-rss.chg"
	cat "$W/sync-rss"
}
rss1=$(rss_export)
t0=$(now)
add_entries "$((J + 1))" "$((10 * J))"
rss10=$(rss_export)
t1=$(now)
printf '  export changes, peak RSS: %s entries %s MB, %s entries %s MB   %sx  (%.0f s)\n' "$J" \
	"$(calc "$rss1 / 1000")" "$((10 * J))" "$(calc "$rss10 / 1000")" "$(ratio "$rss10" "$rss1")" "$(calc "$t1 - $t0")"

# --- bank statements (issue 14) -----------------------------------------------
# The demo's bank files, BANK_CREDITS credits each (a CODA file, a camt.053
# file: by reference, by invoice number, by the account's reference, by a
# known IBAN, in part, too much, from payers the book does not know),
# each imported and matched in a copy of the demo book, against `import
# payments` of the customers' credits among them as the ledger's CSV.
BC=${BANK_CREDITS:-$N}
"$R" -d "$W/demo.db" demo --bank "$W/bank" --bank-credits "$((2 * BC))" >/dev/null
# the CODA file is the earlier day's statement, the camt file today's
coda_day=$(awk -F, 'NR > 1 && (d == "" || $3 < d) { d = $3 } END { print d }' "$W/bank/bank-payments.csv")
head -1 "$W/bank/bank-payments.csv" | tee "$W/bank/coda.csv" > "$W/bank/camt.csv"
awk -F, -v d="$coda_day" 'NR > 1 && $3 == d' "$W/bank/bank-payments.csv" >> "$W/bank/coda.csv"
awk -F, -v d="$coda_day" 'NR > 1 && $3 != d' "$W/bank/bank-payments.csv" >> "$W/bank/camt.csv"
bank_copy="rm -f '$W/bank.db'* && cp '$W/demo.db' '$W/bank.db'"
echo
echo "bank statements ($BC credits a file)               seconds   vs CSV"
for f in coda camt; do
	file=$W/bank/demo-bank.cod
	[ $f = coda ] || file=$W/bank/demo-bank.xml
	csv=$(best "$bank_copy" "$R" -d "$W/bank.db" import payments "$W/bank/$f.csv")
	bank=$(best "$bank_copy" "$R" -d "$W/bank.db" import bank "$file")
	counts=$(sqlite3 -separator ' ' "$W/bank.db" "SELECT sum(status = 'matched'), sum(status = 'suggested'),
		sum(status = 'unmatched') FROM bank_movements")
	printf '  relance import payments (%6s rows of CSV)  %7s   1.00x\n' "$(($(wc -l < "$W/bank/$f.csv") - 1))" "$csv"
	printf '  relance import bank (%-8s)                %7s   %sx   (matched, suggested, unmatched: %s)\n' \
		"$([ $f = coda ] && echo CODA || echo camt.053)" "$bank" "$(ratio "$bank" "$csv")" "$counts"
done
rm -f "$W/bank.db"*

# --- dunning ---------------------------------------------------------------------
# Which step each open invoice of the demo book has reached, and the messages
# due today, against the one query that reads the open invoices with the last
# step the journal holds for each (what relance must read at the least).
steps_sql="SELECT count(*), max(l.s) FROM invoices i LEFT JOIN (SELECT j.value AS inv,
	max(json_extract(x.detail, '\$.dunning.step')) AS s FROM activities x, json_each(x.detail, '\$.dunning.invoices') j
	WHERE x.detail LIKE '{\"dunning\":%' GROUP BY j.value) l ON l.inv = i.invoice_no
	WHERE i.status = 'open' AND i.kind = 'invoice'"
mkdir -p "$W/config/relance"
printf 'set company-name = "Bench SA"\nset company-iban = "BE71 0961 2345 6769"\n' > "$W/config/relance/relancerc"
export XDG_CONFIG_HOME="$(pwd)/$W/config"
plain=$(best ":" sqlite3 "$W/demo.db" "$steps_sql")
dry=$(best ":" "$R" -d "$W/demo.db" dunning run --dry-run --format tsv --quiet)
msgs=$("$R" -d "$W/demo.db" dunning run --dry-run --format tsv --quiet | tail -n +2 | cut -f1,3 | sort -u | wc -l)
acct=$(sqlite3 "$W/demo.db" "SELECT account_no FROM invoices WHERE status = 'open' AND kind = 'invoice' AND due_date < '2026-10-01' LIMIT 1")
letter=$(best ":" "$R" -d "$W/demo.db" letter "$acct" --step 4 -o "$W/letter.pdf")
qr=$(best ":" sh -c "'$R' -d '$W/demo.db' qr '$acct' > /dev/null")
echo
echo "dunning ($N accounts, $msgs messages due)        seconds   vs plain SQL"
printf '  sqlite3: open invoices and their last step    %7s   1.00x\n' "$plain"
printf '  relance dunning run --dry-run                 %7s   %sx\n' "$dry" "$(ratio "$dry" "$plain")"
printf '  relance letter (one PDF, with its QR code)    %7s\n' "$letter"
printf '  relance qr (one code on the terminal)         %7s\n' "$qr"

# A real run, on a book of DUN_ACCOUNTS accounts made by the same generator
# (the whole book's run is over an hour of letters): e-mails handed to a
# sendmail that reads the message and exits, letters written as PDF.
# relance logs (RELANCE_BENCH_LOG) the run's time, the time spent from each
# sendmail's spawn to its exit, and writing the letters; the rest is
# relance's own: reading, deciding, rendering, journaling (two durable
# commits a message).
DA=${DUN_ACCOUNTS:-2000}
"$R" -d "$W/dun.db" demo --accounts "$DA" >/dev/null
mkdir -p "$W/dunconf/relance"
printf '#!/bin/sh\nexec cat > /dev/null\n' > "$W/sendmail"
chmod +x "$W/sendmail"
printf 'set company-name = "Bench SA"\nset company-iban = "BE71 0961 2345 6769"\nset company-email = "dunning@bench.example"\nset sendmail = "%s"\nset letters-dir = "%s"\n' \
	"$(pwd)/$W/sendmail" "$(pwd)/$W/letters" > "$W/dunconf/relance/relancerc"
rm -f "$W/dun.log"
XDG_CONFIG_HOME="$(pwd)/$W/dunconf" RELANCE_BENCH_LOG="$W/dun.log" "$R" -d "$W/dun.db" dunning run --quiet >/dev/null
read -r _ _ all _ sent _ wait _ calls _ pdf _ pdfs < "$W/dun.log"
own=$(calc "$all - $wait - $pdf")
echo
echo "dunning run, sent ($DA accounts: $sent messages)      seconds   share"
printf '  the run, in all                               %7.3f   100%%\n' "$all"
printf '  waiting for sendmail (%5s e-mails)          %7.3f   %s%%\n' "$calls" "$wait" "$(printf '%.0f' "$(calc "100 * $wait / $all")")"
printf '  writing letters as PDF (%5s)                %7.3f   %s%%\n' "$pdfs" "$pdf" "$(printf '%.0f' "$(calc "100 * $pdf / $all")")"
printf '  relance'"'"'s own (read, decide, render, journal) %7.3f   %s%%\n' "$own" "$(printf '%.0f' "$(calc "100 * $own / $all")")"

# --- dunning run killed at random -----------------------------------------------
# kill -9 and SIGTERM at random moments of runs on a 150-account book, each
# followed by the checks; runs by itself too: sh tests/bench_dunning_crash.sh ./relance
sh "$(dirname "$0")/bench_dunning_crash.sh" "$R" 150 30

# --- imports against collectors, and kill -9 ----------------------------------
sh "$(dirname "$0")/bench_crash.sh" "$R" "$W" "$N"

# --- a key costs the same on a small and a large book (issue 17) -----------------
# The headless workstation (relance ui --keys: the real key loop and drawing
# on a virtual 80x24 terminal) runs the same 30-key script, a collector's
# morning as amartin, on a book of N/10 and one of N accounts, under
# callgrind; --dump-before=keys_script_token cuts the count as each key of
# the script begins, so each profile is what one key cost, drawing
# included. The account opened (C000003, amartin's) is the same on both
# books, so a key meets the same data but for the book around it. The
# ratio must stay within 1.2, but for the keys whose work grows with the
# queue's own length (amartin's queue is ten times longer on the large
# book): a sort orders every row of the queue; e (explain) finds the
# account's row and rank by walking the queue; a search walks rows up to
# the next match, and the screen is redrawn as far as the match moved it
# (on another page of another queue); a note written reads the day's promises again (the demo
# gives each collector ten times more on the large book, as it gives them
# ten times the accounts). The start (the queue read and first drawn) is
# shown, not a key.
KW=$W/keys
rm -rf "$KW"
mkdir -p "$KW"
"$R" -d "$KW/small.db" demo --accounts "$((N / 10))" >/dev/null
"$R" -d "$KW/large.db" demo --accounts "$N" >/dev/null
# one token a line: the line is the key's name in the table
cat > "$KW/morning.keys" <<'KEYS'
j
j
:
"goto C000003"
Enter
Tab
j
Enter
q
a
"Left a message with the accountant"
Enter
e
q
]
[
q
/
"Lef"
Enter
n
s
s
PgDn
G
g
D
q
?
q
KEYS
nkeys=$(grep -c . "$KW/morning.keys")
for b in small large; do
	TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 valgrind --tool=callgrind --dump-before=keys_script_token \
		--callgrind-out-file="$KW/$b.cg" "$R" -d "$KW/$b.db" --user amartin ui --keys "$KW/morning.keys" \
		--dump "$KW/$b.screen" 2> "$KW/$b.valgrind"
	# profile 1: the start; 2..nkeys+1: the keys, in order
	i=1
	while [ $i -le $((nkeys + 1)) ]; do
		awk '/^totals:/ {print $2}' "$KW/$b.cg.$i"
		i=$((i + 1))
	done > "$KW/$b.counts"
done
queue_small=$("$R" -d "$KW/small.db" --user amartin queue --format tsv | tail -n +2 | wc -l)
queue_large=$("$R" -d "$KW/large.db" --user amartin queue --format tsv | tail -n +2 | wc -l)
echo
printf 'a key, in callgrind instructions (80x24, amartin: %s and %s accounts due)\n' "$queue_small" "$queue_large"
printf '  %-40s %12s %12s   ratio\n' "key" "$((N / 10)) acc." "$N acc."
{ echo "(start: queue read, first screen)"; cat "$KW/morning.keys"; } | paste - "$KW/small.counts" "$KW/large.counts" |
	awk -F '\t' '{ r = $3 / $2; high = NR > 1 && r > 1.2; over += high
		printf "  %-40s %12d %12d   %5.2f%s\n", substr($1, 1, 40), $2, $3, r, (high ? "  over 1.2" : "") }
		END { printf "  keys over 1.2: %d of %d\n", over, NR - 1 }'

# --- a command's start --------------------------------------------------------------
# relance show of one account on the demo book under callgrind, cut after
# the book is open (--dump-after=book_open): the start is everything from
# exec to there, the dynamic loader and SQLite's read of the book's schema
# included. Baseline: the sqlite3 shell opening the same book and counting
# its customers. The libraries a command loads at start are listed.
SW=$W/start
mkdir -p "$SW"
acct=$(sqlite3 "$W/demo.db" "SELECT account_no FROM account_summary WHERE overdue > 0 LIMIT 1")
"$R" -d "$W/demo.db" show "$acct" >/dev/null # any migration or refresh first
valgrind --tool=callgrind --dump-after=book_open --callgrind-out-file="$SW/show.cg" \
	"$R" -d "$W/demo.db" show "$acct" > /dev/null 2> "$SW/show.valgrind"
start=$(awk '/^totals:/ {print $2}' "$SW/show.cg.1")
rest=$(awk '/^totals:/ {print $2}' "$SW/show.cg") # what followed the dump
loader=$(callgrind_annotate --inclusive=yes "$SW/show.cg.1" 2>/dev/null | awk '/rtld.c:_dl_start / {gsub(",", "", $1); print $1; exit}')
schema=$(callgrind_annotate --inclusive=yes "$SW/show.cg.1" 2>/dev/null | awk '/book.c:probe / {gsub(",", "", $1); print $1; exit}')
valgrind --tool=callgrind --callgrind-out-file="$SW/sqlite3.cg" sqlite3 "$W/demo.db" "SELECT count(*) FROM customers" \
	> /dev/null 2> "$SW/sqlite3.valgrind"
shell=$(awk '/^totals:/ {print $2}' "$SW/sqlite3.cg")
echo
echo "a command's start, in callgrind instructions (relance show $acct)"
printf '  sqlite3: open the book, count its customers   %12d   (baseline)\n' "$shell"
printf '  relance: exec to the book open                %12d   %sx   (target 5,000,000)\n' "$start" "$(ratio "$start" "$shell")"
printf '    of which the dynamic loader                 %12d\n' "${loader:-0}"
printf '    of which SQLite reading the schema          %12d\n' "${schema:-0}"
printf '  relance: show, after the open                 %12d\n' "$rest"
printf '  libraries loaded at start: %s\n' "$(LD_TRACE_LOADED_OBJECTS=1 "$R" | awk '{print $1}' | tr '\n' ' ')"
