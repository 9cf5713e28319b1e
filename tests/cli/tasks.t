#!/bin/sh
# tasks.t — the open follow-up tasks from the command line (relance tasks:
# all, one account, due by a day, each format), and the ids that log call,
# note and dispute print for what they saved (none with --quiet): the ids
# of the history and of task done.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
q() { "$R" -d "$B" --user tester "$@"; }
ids() { printf '%s\n' "$1" | sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/ID/g'; }
# the type and summary of the history entry whose id (column 1) is $2
entry() { q history "$1" --format tsv | awk -F '\t' -v id="$2" 'NR > 1 && $1 == id {print $3 "\t" $5}'; }

# --- the ids printed -----------------------------------------------------------
out=$(q log call Q1 --outcome reached --duration 65 --follow-up 2026-11-27)
is "$(ids "$out")" "call ID
task ID" "log call --follow-up prints the call's entry id, then the task's id"
call=$(printf '%s\n' "$out" | sed -n 's/^call //p')
task=$(printf '%s\n' "$out" | sed -n 's/^task //p')
is "$(entry Q1 "$call")" "call	Call: reached (1:05)" "the printed call id is the call's id in the history"
out=$(q log call Q2 --outcome busy)
is "$(ids "$out")" "call ID" "without --follow-up: the call's line alone"
is "$(entry Q2 "${out#call }")" "call	Call: busy (0:00)" "and it is the call's id in the history"
out=$(q note Q2 Sent the copy invoice)
is "$(ids "$out")" "note ID" "note prints the note's entry id"
is "$(entry Q2 "${out#note }")" "note	Sent the copy invoice" "the id of the note in the history"
out=$(q dispute Q1-1 --reason price)
is "$(ids "$out")" "dispute ID" "dispute prints the entry id of the dispute it opened"
is "$(entry Q1 "${out#dispute }")" "dispute	Dispute opened on Q1-1: price" "the id of the dispute's entry in the history"

out=$(q note --quiet Q3 a quiet note)
is "$?:$out" "0:" "note --quiet prints nothing"
is "$(q history Q3 --format tsv | sed -n 2p | cut -f3-5)" "note	tester	a quiet note" "and saves the note"
out=$(q log call Q3 --outcome voicemail --follow-up 2026-11-30 --quiet)
is "$?:$out" "0:" "log call --quiet prints nothing, with a follow-up too"
is "$(q history Q3 --format tsv | sed -n 2,3p | cut -f3,5 | sort)" "call	Call: voicemail (0:00)
task	Follow-up on 2026-11-30: call back" "and saves the call and its task"
out=$(q dispute Q2-1 --reason quality -q)
is "$?:$out" "0:" "dispute -q prints nothing"
is "$(q history Q2 --format tsv | sed -n 2p | cut -f3,5)" "dispute	Dispute opened on Q2-1: quality" "and opens the dispute"

# --- relance tasks ---------------------------------------------------------------
q task add Q2 --date 2026-11-27 send the reminder again >/dev/null
q snooze Q7 --until 2026-12-10 >/dev/null
is "$(q tasks --format tsv | head -1)" "id	account_no	due_date	text	user	created_at" "tasks: the tsv columns"
is "$(q tasks --format tsv | tail -n +2 | cut -f2-5)" "Q4	2026-11-20	call back	tester
Q1	2026-11-27	call back	tester
Q2	2026-11-27	send the reminder again	tester
Q3	2026-11-30	call back	tester" "every open task, by due date then account (a snooze is no task)"
is "$(q tasks --format tsv | grep '	Q4	')" "0190a000-0000-7000-8000-000000000002	Q4	2026-11-20	call back	tester	2026-11-10T09:00:00Z" \
   "a task's id and when it was made"
like "$(q tasks Q1 --format tsv | tail -n +2)" "^$task	Q1	2026-11-27	call back	tester	2026-11-24T[0-9:]{8}Z$" \
     "tasks ACCOUNT: that account's only; the id log call printed is the task's"
is "$(q tasks --due 2026-11-26 --format tsv | tail -n +2 | cut -f2)" "Q4" "--due D: those due on D or before"
is "$(q tasks --due 2026-11-27 --format tsv | tail -n +2 | cut -f2 | tr '\n' ' ')" "Q4 Q1 Q2 " "D itself included"
is "$(q tasks Q3 --due 2026-11-29 --format tsv)" "id	account_no	due_date	text	user	created_at" \
   "an account and --due together: none due by then, the header alone"
is "$(q tasks Q3 --due 2026-11-30 --format tsv | tail -n +2 | cut -f2,3)" "Q3	2026-11-30" "its task due on D"
like "$(q tasks Q4 --format json)" '^ \{"id": "0190a000-0000-7000-8000-000000000002", "account_no": "Q4", "due_date": "2026-11-20", "text": "call back", "user": "tester", "created_at": "2026-11-10T09:00:00Z"\}$' \
     "json: the same columns"
like "$(q tasks)" "^0190a000-0000-7000-8000-000000000002 +Q4 +2026-11-20 +call back +tester +2026-11-10T09:00:00Z$" "text: a table"
ok "the printed task id is the one task done takes" q task done "$task"
is "$(q tasks --format tsv | tail -n +2 | cut -f2 | tr '\n' ' ')" "Q4 Q2 Q3 " "a task done is no longer listed"
out=$(q tasks NOPE 2>&1)
is "$?" 1 "tasks of an unknown account: exit 1"
like "$out" "no account NOPE in the book" "and says so"
out=$(q tasks --due soon 2>&1)
like "$?:$out" "^2:.*tasks: --due soon is not a date \(YYYY-MM-DD, DD/MM, today, " "a --due that is not a date: usage error, naming the option and the forms"
done_testing
