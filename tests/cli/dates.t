#!/bin/sh
# dates.t — dates as people type them, on the command line: the options
# that take a day a person means read today, tomorrow, +3, +2w, +1m,
# weekday names (en, fr, nl), eom and DD/MM, counted from --today, on
# month ends, leap days and year ends; where the future is meant
# (follow-ups, tasks, promises, plans, snoozes) a day before today is
# refused, naming the option, exit 1, nothing changed; where the past is
# meant (tasks --due) it is fine; --today itself reads them too.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
q() { "$R" -d "$B" --user tester "$@"; }
# the due date of the task `task add` made on day $1 with --date $2
due() { id=$(q --today "$1" task add Q9 --date "$2" check) && sqlite3 "$B" "SELECT due_date FROM tasks WHERE id = '$id'"; }

# --- month ends, leap days, year ends ---------------------------------------------
is "$(due 2028-01-31 +1m)" 2028-02-29 "+1m on 31 January 2028: 29 February (a leap year)"
is "$(due 2027-01-31 +1m)" 2027-02-28 "+1m on 31 January 2027: 28 February (not a leap year)"
is "$(due 2026-03-31 +1m)" 2026-04-30 "+1m on 31 March: 30 April"
is "$(due 2026-12-31 +2m)" 2027-02-28 "+2m on 31 December: the end of February next year"
is "$(due 2028-02-29 +1y)" 2029-02-28 "+1y on a leap day: 28 February"
is "$(due 2028-02-29 +4y)" 2032-02-29 "+4y on a leap day: the next leap day"
is "$(due 2028-02-28 tomorrow)" 2028-02-29 "tomorrow on 28 February 2028: the leap day"
is "$(due 2027-02-28 tomorrow)" 2027-03-01 "tomorrow on 28 February 2027: 1 March"
is "$(due 2028-02-10 eom)" 2028-02-29 "eom in February 2028"
is "$(due 2027-02-10 EOM)" 2027-02-28 "EOM in February 2027"
is "$(due 2026-12-31 +1)" 2027-01-01 "+1 on 31 December: next year"
is "$(due 2026-12-28 +1w)" 2027-01-04 "+1w over the year end"
is "$(due 2026-12-31 fri)" 2027-01-01 "fri on Thursday 31 December: the next day, next year"
is "$(due 2027-12-01 29/02)" 2028-02-29 "29/02 in December 2027: the leap day of 2028"
q --today 2027-01-10 task add Q9 --date 29/02 check 2>/dev/null >/dev/null
is "$?" 2 "29/02 in January 2027 (no such day this year): not a date, usage error"

# --- each form, on Tuesday 2026-11-24 ------------------------------------------------
is "$(due 2026-11-24 today)" 2026-11-24 "today: allowed where the future is meant"
is "$(due 2026-11-24 +3)" 2026-11-27 "+3: three days on"
is "$(due 2026-11-24 +2w)" 2026-12-08 "+2w: two weeks on"
is "$(due 2026-11-24 15/12)" 2026-12-15 "15/12: this year"
is "$(due 2026-11-24 23/11)" 2027-11-23 "23/11, past this year: next year"
is "$(due 2026-11-24 24/11/2026)" 2026-11-24 "a full DD/MM/YYYY"
for w in fri friday FRI ven vendredi vr vrijdag; do
	is "$(due 2026-11-24 $w)" 2026-11-27 "$w: the next Friday"
done
is "$(due 2026-11-24 tue)" 2026-12-01 "tue on a Tuesday: a week on, never today"
is "$(due 2026-11-24 di)" 2026-12-01 "di (dinsdag) on a Tuesday: a week on"
is "$(due 2026-11-24 lun)" 2026-11-30 "lun: the next Monday"

# --- every future-meant option -------------------------------------------------------
out=$(q log call Q1 --outcome reached --follow-up +3)
task=$(printf '%s\n' "$out" | sed -n 's/^task //p')
is "$(sqlite3 "$B" "SELECT due_date FROM tasks WHERE id = '$task'")" 2026-11-27 "log call --follow-up +3"
pid=$(q promise add Q2 --date eom)
is "$(sqlite3 "$B" "SELECT promised_date FROM promises WHERE id = '$pid'")" 2026-11-30 "promise add --date eom"
ok "promise change --date +2w" q promise change "$pid" --date +2w
is "$(sqlite3 "$B" "SELECT promised_date FROM promises WHERE id = '$pid'")" 2026-12-08 "moved two weeks on"
q --today 2028-01-31 plan add Q7 --installments 2 --every month --first +1m >/dev/null
is "$(q --today 2028-01-31 plan show Q7 --format tsv | sed -n 2p | cut -f2)" 2028-02-29 "plan add --first +1m on 31 January 2028"
ok "snooze --until +2w" q snooze Q8 --until +2w
like "$(q history Q8 --format tsv | sed -n 2p)" "Snoozed until 2026-12-08" "to the day"

# --- the past refused where the future is meant, nothing changed ----------------------
book() { sqlite3 "$B" "SELECT (SELECT count(*) FROM activities), (SELECT count(*) FROM tasks),
	(SELECT group_concat(promised_date) FROM promises), (SELECT count(*) FROM account_snoozes)"; }
before=$(book)
refused() { # NAME MESSAGE COMMAND...
	name=$1 msg=$2
	shift 2
	out=$(q "$@" 2>&1)
	is "$?:$out" "1:relance: $msg" "$name: refused, exit 1, the option named"
}
refused "log call --follow-up yesterday" "log: --follow-up yesterday (2026-11-23) is in the past" \
	log call Q2 --outcome busy --follow-up yesterday
refused "promise add --date 2026-11-23" "promise: --date 2026-11-23 is in the past" promise add Q4 --date 2026-11-23
refused "promise change --date -1" "promise: --date -1 (2026-11-23) is in the past" promise change "$pid" --date -1
refused "task add --date -1w" "task: --date -1w (2026-11-17) is in the past" task add Q2 --date -1w send it
refused "plan add --first 2026-11-01" "plan: --first 2026-11-01 is in the past" \
	plan add Q2 --installments 2 --every week --first 2026-11-01
refused "snooze --until 2026-11-20" "snooze: --until 2026-11-20 is in the past" snooze Q2 --until 2026-11-20
refused "a full date in another form" "task: --date 20/11/2026 (2026-11-20) is in the past" task add Q2 --date 20/11/2026 x
is "$(book)" "$before" "and nothing changed"
out=$(q task add Q2 --date someday send it 2>&1)
is "$?:$out" "2:relance: task: --date someday is not a date (YYYY-MM-DD, DD/MM, today, tomorrow, +3, +2w, +1m, fri, eom)" \
   "not a date: usage error, exit 2, with the forms"

# --- where the past is meant -----------------------------------------------------------
lst() { q tasks --due "$1" --format tsv | tail -n +2 | cut -f2,3 | tr '\t\n' '  '; }
like "$(lst yesterday)" "Q4 2026-11-20 $" "tasks --due yesterday: the past is fine"
is "$(lst yesterday)" "$(lst 2026-11-23)" "and is 2026-11-23"
is "$(lst -3)" "$(lst 2026-11-21)" "tasks --due -3: three days back"

# --- --today ---------------------------------------------------------------------------
is "$(due mon today)" 2026-11-30 "--today mon: the next Monday, from RELANCE_TODAY"
is "$(due +1 today)" 2026-11-25 "--today +1: the day after RELANCE_TODAY"
is "$(RELANCE_TODAY=2028-02-28 due tomorrow today)" 2028-02-29 "--today tomorrow on 28 February 2028: the leap day"
out=$("$R" -d "$B" --today someday rules 2>&1)
like "$?:$out" "^2:.*--today someday is not a date \(YYYY-MM-DD, DD/MM" "--today that is no date: usage error"
done_testing
