# crash.sh — kill -9 at random moments of a command that writes the book;
# each time the book must be whole (PRAGMA integrity_check, relance check),
# back in WAL mode once opened, and exactly as it was before the command or
# as it is after a run that was not killed. Sourced by
# tests/cli/import_crash.t and tests/bench.sh; uses $R (relance) and $T.

# crash_state BOOK: a checksum of the book's contents, leaving out the
# times and ids a writer makes up (when a version was made, an import
# run's id, also as the key of its version, and time, an import's stamp), so that two runs of one command
# on one book compare equal.
crash_state() {
	sqlite3 "$1" "
		SELECT invoice_no, account_no, kind, issue_date, due_date, amount, open_amount, currency,
		       reference, status, closed_on FROM invoices ORDER BY invoice_no;
		SELECT account_no, name, vat_no, contact, phone, email, street, postcode, city, country,
		       language, segment, collector, credit_limit FROM customers ORDER BY account_no;
		SELECT payment_ref, account_no, date, amount, currency, invoice_no, communication
		       FROM payments ORDER BY payment_ref;
		SELECT kind, file, rows, new, changed, closed, snapshot FROM import_runs ORDER BY 1, 2, 3, 4;
		SELECT tbl, iif(tbl = 'import_runs', '', key) AS k, rev, copy, gone FROM sync_rows ORDER BY tbl, k;
		SELECT copy_id, name, user, last_seq, last_made, files, units FROM sync_peers ORDER BY 1;
		SELECT * FROM activities ORDER BY id;
		SELECT * FROM collectors ORDER BY login;
		SELECT * FROM account_summary ORDER BY account_no;
		SELECT * FROM book_meta ORDER BY key;" | sha256sum | cut -d' ' -f1
}

# crash_rounds BOOK ROUNDS SEED COMMAND...: COMMAND writes BOOK (a book
# relance has opened at that path, so that its identity is its own: the
# copy is put back in the same file). First a run to the end, timed, for
# the state after; then ROUNDS runs killed (SIGKILL) after a random delay
# within that time. One line per round: the delay and "before", "after"
# or "BAD: why".
crash_rounds() {
	book=$1 rounds=$2 seed=$3
	shift 3
	sqlite3 "$book" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
	cp "$book" "$book.before"
	before=$(crash_state "$book")
	t0=$(date +%s.%N)
	"$@" > /dev/null 2>&1
	t1=$(date +%s.%N)
	after=$(crash_state "$book")
	took=$(awk "BEGIN { print $t1 - $t0 }")
	echo "a run to the end: $took s"
	[ "$before" != "$after" ] || echo "BAD: the command changed nothing"
	i=1
	while [ "$i" -le "$rounds" ]; do
		rm -f "$book-wal" "$book-shm" "$book-journal"
		cat "$book.before" > "$book" # the same file: the book keeps its identity
		delay=$(awk -v s="$seed" -v i="$i" -v d="$took" 'BEGIN { srand(s + i); printf "%.3f", rand() * d * 1.1 }')
		"$@" > /dev/null 2>&1 &
		pid=$!
		sleep "$delay"
		kill -9 "$pid" 2> /dev/null
		wait "$pid" 2> /dev/null
		got=$(crash_state "$book")
		integrity=$(sqlite3 "$book" "PRAGMA integrity_check")
		if [ "$got" = "$before" ]; then
			what=before
		elif [ "$got" = "$after" ]; then
			what=after
		else
			what="BAD: neither before nor after"
		fi
		[ "$integrity" = ok ] || what="BAD: integrity_check: $integrity"
		"$R" -d "$book" check > "$book.check" 2>&1 || what="BAD: relance check: $(grep -v '^ok' "$book.check")"
		mode=$(sqlite3 "$book" "PRAGMA journal_mode")
		[ "$mode" = wal ] || what="BAD: journal_mode $mode after an open"
		echo "killed after $delay s: $what"
		i=$((i + 1))
	done
	rm -f "$book.before" "$book.check"
}
