#!/bin/sh
# queue_start.t — what the queue's fast read (queue.c: SQL leaves out the
# rows that cannot be in it, stamps and dates read by hand) must not lose:
# an account worked today by the local clock whose stamp is of the UTC day
# before, and an account with nothing overdue but an open promise; one
# whose promise was kept stays out.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
# Q9 has nothing overdue: a note at 23:30 UTC on the 23rd (00:30 on the
# 24th in Brussels), and a promise it kept
sqlite3 "$B" "
	INSERT INTO activities(id, account_no, at, type, user, copy_id, summary, body)
	VALUES ('0190a000-0000-7000-8000-000000000011', 'Q9', '2026-11-23T23:30:00Z', 'note', 'tester',
		'test', 'Sent the statement', NULL);
	INSERT INTO promises(id, account_no, amount, promised_date, made_at, user, status, updated_at)
	VALUES ('0190a000-0000-7000-8000-000000000012', 'Q9', 1000, '2026-11-05', '2026-11-01T10:00:00Z',
		'tester', 'kept', '2026-11-05T10:00:00Z');"
"$R" -d "$B" check --rebuild >/dev/null
is "$(sqlite3 "$B" "SELECT worked_at, promise_status FROM account_summary WHERE account_no = 'Q9'")" \
	"2026-11-23T23:30:00Z|kept" "Q9: worked on the 23rd (UTC), its promise kept"

out=$("$R" -d "$B" --user tester queue --all-dates --done --format tsv | grep -c '	Q9	')
is "$out" 0 "in UTC, Q9 was worked yesterday and owes nothing: not in the queue"
out=$(TZ=Europe/Brussels "$R" -d "$B" --user tester queue --done --format tsv | awk -F '\t' '$2 == "Q9" {print $8 "|" $12}')
is "$out" "|1" "in Brussels it was worked today: in the queue, done, with no next action"
out=$(TZ=Europe/Brussels "$R" -d "$B" --user tester queue --done --format tsv | tail -n 1 | cut -f2)
is "$out" "Q9" "at the end, with the others worked today"
out=$(TZ=America/New_York "$R" -d "$B" --user tester queue --all-dates --done --format tsv | grep -c '	Q9	')
is "$out" 0 "in New York it was worked on the 23rd: out"

# an open promise on an account that owes nothing: its check is a next action
sqlite3 "$B" "UPDATE promises SET status = 'open', promised_date = '2026-11-26'
	WHERE id = '0190a000-0000-7000-8000-000000000012'"
"$R" -d "$B" check --rebuild >/dev/null
out=$("$R" -d "$B" --user tester queue --all-dates --format tsv | awk -F '\t' '$2 == "Q9" {print $8 "|" $9 "|" $10}')
is "$out" "check the promise|2026-11-29|promise to pay by 2026-11-26" "an open promise keeps Q9 in the queue, nothing overdue (checked after the grace)"
done_testing
