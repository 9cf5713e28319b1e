#!/bin/sh
# dates.t (screen) — date fields read dates as people type them, counted
# from today (RELANCE_TODAY 2026-11-24, a Tuesday): while typed, the day
# it will be shows beside it; leaving the field or saving turns it into
# YYYY-MM-DD; a day before today is refused where the future is meant
# (task, snooze, promise, call follow-up, plan), the form staying open with what was typed
# and nothing written.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
tasks() { sqlite3 "$B" "SELECT due_date FROM tasks WHERE account_no = '$1' AND status = 'open' ORDER BY created_at"; }

screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q1" && send Enter
wait_for "relance: account Q1"

# fri: the day it will be while typed, the ISO date on leaving the field
send t Up
screen_has "Follow-up task" "t: the task form"
send C-u && type "fri"
screen_has "Date +fri += Fri 2026-11-27" "fri: the day it will be shows while it is typed"
send Tab
screen_has "Date +2026-11-27( |$)" "leaving the field: it becomes 2026-11-27"
unlike "$(screen)" "= Fri" "and the hint goes"
type "call the accountant" && send Enter
screen_has "follow-up task added" "saved"
is "$(tasks Q1)" "2026-11-27" "the task is due on Friday 2026-11-27"

# +3: saved straight from the field, as the ISO date
send t Up C-u && type "+3" && send Tab && type "check the transfer" && send Enter
screen_has "follow-up task added" "+3 saved"
is "$(tasks Q1 | tail -1)" "2026-11-27" "+3 on Tuesday 2026-11-24: 2026-11-27"
screen_has "Follow-up on 2026-11-27: check the transf" "journaled with the ISO date"
send t Up C-u && type "VENDREDI"
screen_has "Date +VENDREDI += Fri 2026-11-27" "vendredi, in capitals: Friday too"
send Escape
screen_has "Discard what was typed\? \(y/n\)" "Esc asks"
send y

# the past: refused in the form, which stays open with what was typed
send s
screen_has "Snooze the account" "s: the snooze form"
send C-u && type "yesterday" && send Enter
screen_has "Until: yesterday \(2026-11-23\) is in the past" "yesterday is refused, the day it is named"
screen_has "Until +yesterday" "the form stays open with what was typed"
send C-u && type "20/11/2026" && send Tab
screen_has "Until: 20/11/2026 \(2026-11-20\) is in the past" "leaving the field with a past date says so at once"
screen_has "Until +20/11/2026" "and keeps it as typed"
send C-u && type "soon" && send Enter
screen_has "Until: soon is not a date \(YYYY-MM-DD, DD/MM, today," "no date: the forms are named"
is "$(sqlite3 "$B" "SELECT count(*) FROM account_snoozes")" 0 "nothing was written"
send C-u && type "vr" && send Enter
screen_has "snoozed until 2026-11-27" "vr (vrijdag): accepted, and read as Friday the 27th"
is "$(sqlite3 "$B" "SELECT until FROM account_snoozes")" 2026-11-27 "snoozed until Friday"
type ":goto Q2" && send Enter
wait_for "relance: account Q2"

# the promise's date
send p
screen_has "Promise to pay" "p: the promise form"
send Tab C-u && type "-1" && send Enter
screen_has "Date: -1 \(2026-11-23\) is in the past" "a promise the day before: refused in the form"
send C-u && type "eom" && send Enter
screen_has "promise recorded" "eom: accepted"
is "$(sqlite3 "$B" "SELECT promised_date FROM promises WHERE account_no = 'Q2'")" 2026-11-30 "a promise by the end of the month"

# the call's follow-up
send c
screen_has "CALL 00:0[0-9]" "c starts a call"
send c
screen_has "The call's outcome" "c again: the outcome form"
send Tab Tab C-u && type "-2" && send Enter
screen_has "Follow-up: -2 \(2026-11-22\) is in the past" "a follow-up in the past: refused in the form"
screen_has "Follow-up +-2" "kept as typed"
send C-u && type "mon" && send Enter
screen_has "call logged" "mon: accepted"
is "$(tasks Q2)" 2026-11-30 "the follow-up is next Monday"

# the plan's first date
send P
screen_has "Payment plan for" "P: the plan's parameters"
send Tab Tab C-u && type "2026-11-01" && send Enter
screen_has "First: 2026-11-01 is in the past" "a plan starting in the past: refused in the form"
send C-u && type "15/12" && send Enter
screen_has "new plan" "15/12: accepted"
screen_has "1 +2026-12-15 " "this year's 15 December"
send q
screen_has "Discard|relance: account Q2" "back"
done_testing
