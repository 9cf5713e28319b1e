#!/bin/sh
# history.t — relance history as the journal is read: a call is one row
# once it has ended (its start entry completed by its outcome), an
# unfinished call still shows as started; a snooze is journaled as its own
# type, snooze (schema 6 adds the type to older books).
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
q() { "$R" -d "$B" --user tester "$@"; }

# two calls begun on Q2 as the workstation begins them (a start entry and
# the open call in book_meta); one is then closed from the command line
S1=0190a000-0000-7000-8000-0000000000c1
S2=0190a000-0000-7000-8000-0000000000c2
copy=$(sqlite3 "$B" "SELECT value FROM book_meta WHERE key = 'copy_id'")
sqlite3 "$B" "
	INSERT INTO activities(id, account_no, at, type, user, copy_id, summary, detail)
	VALUES ('$S1', 'Q2', '2026-11-22T09:00:00Z', 'call', 'tester', '$copy', 'Call to +32 2 512 34 56 started',
		'{\"number\":\"+32 2 512 34 56\",\"start\":\"2026-11-22T09:00:00Z\"}'),
	       ('$S2', 'Q2', '2026-11-23T09:00:00Z', 'call', 'tester', '$copy', 'Call to +32 2 512 34 57 started',
		'{\"number\":\"+32 2 512 34 57\",\"start\":\"2026-11-23T09:00:00Z\"}');
	INSERT INTO book_meta VALUES ('call_open:$S1', 'tester	Q2	+32 2 512 34 56	2026-11-22T09:00:00Z');"
q calls --close "$S1" >/dev/null
out=$(q history Q2 --type call --format tsv | tail -n +2)
unlike "$out" "^$S1	" "a call that has ended: its start entry is no row of its own"
is "$(printf '%s\n' "$out" | cut -f5)" "Call +32 2 512 34 56: interrupted (duration not known)
Call to +32 2 512 34 57 started" "its outcome is the call's one row; a call not ended yet still shows as started"
is "$(q history Q2 | grep -c started)" 1 "the text list agrees"

# a snooze is journaled as a snooze, not as a task
q snooze Q3 --until 2026-12-01 >/dev/null
like "$(q history Q3 --type snooze --format tsv | sed -n 2p)" "	snooze	tester	Snoozed until 2026-12-01	" \
     "history --type snooze lists it"
unlike "$(q history Q3 --type task --format tsv)" "Snoozed" "and --type task does not"
like "$(q help history)" "task, snooze, system" "the help lists the type"

# a book of schema 5 gains the type when relance first opens it
M="$(dirname "$0")/../../data"
cat "$M/schema.sql" "$M/migrations/002-"*.sql "$M/migrations/003-"*.sql "$M/migrations/004-"*.sql \
    "$M/migrations/005-"*.sql > "$T/v5.sql"
printf "INSERT INTO book_meta VALUES ('copy_id', '01a20000-0000-7000-8000-00000000aaaa'), ('created_at', '2026-11-01T00:00:00Z');
INSERT INTO customers(account_no, name, imported_at) VALUES ('OLD1', 'Old Ltd', '2026-11-01T00:00:00Z');
PRAGMA user_version = 5;\n" >> "$T/v5.sql"
sqlite3 "$T/v5.db" < "$T/v5.sql"
"$R" -d "$T/v5.db" --user tester snooze OLD1 --until 2026-12-01 >/dev/null
is "$(sqlite3 "$T/v5.db" "SELECT type FROM activities WHERE account_no = 'OLD1'")" snooze "is journaled as a snooze once upgraded"
done_testing
