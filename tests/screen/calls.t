#!/bin/sh
# calls.t (screen) — the call under way at 80x24: its time always whole on
# the status line, its account kept open by every way out (q, Esc, :goto,
# ], [) until c logs it, c ending it from any view, Ctrl-C asking first and
# logging it as interrupted with its real length, and a call left open by a
# session that died taken up (or closed) at the next start and from the
# command line. Esc never quits.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
sqlite3 "$B" "UPDATE customers SET name = 'Apotheek Peeters & Zonen Handelsonderneming BVBA',
	phone = '+32 483 30 12 34' WHERE account_no = 'Q2'"
"$R" -d "$B" check --rebuild >/dev/null
calls_open() { "$R" -d "$B" calls --open --format tsv | tail -n +2; }

screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
send Escape
screen_has "Esc never quits: q does" "Esc on the queue does not quit"
ok "relance still runs" test ! -s "$T/exit"

type ":goto Q2" && send Enter
screen_has "relance: account Q2" "the account with a long name"
send c
screen_has "CALL 00:0[0-9] Apotheek[^ ]*… \+32 483 30 12 34 *$" \
	"the timer: the time first and whole, the number whole, the name cut with an ellipsis"
is "$(calls_open | cut -f2,3)" "Q2	+32 483 30 12 34" "the started call is open in the book"

send q
screen_has "a call is running: c logs it first" "q keeps the call's account"
for way in ":goto Q1" "]" "["; do
	case $way in :*) type "$way" && send Enter ;; *) type "$way" ;; esac
	sleep 0.2
	screen_has "a call is running: c logs it first" "$way keeps it too"
	screen_has "relance: account Q2" "and the account stays"
done
type ":goto Q2" && send Enter
sleep 0.2
unlike "$(screen | tail -1)" "is running" ":goto to the call's own account is no way out"

send ?
screen_has "relance: help" "another view: the help"
send c
screen_has "The call's outcome \(Q2\)" "c in another view (the help) ends the call"
send Right && send Enter
screen_has "call logged" "logged"
is "$(calls_open)" "" "the call is no longer open"
is "$("$R" -d "$B" history Q2 --type call --format tsv | cut -f5 | sed -n 2p | sed 's/ (.*//')" \
	"Call +32 483 30 12 34: no_answer" "its outcome in the history"

# Ctrl-C during a call asks; n: the call goes on; y: interrupted, real length
send q
wait_for "relance: account Q2"
send c
wait_for "CALL 00:0"
sleep 1.2
send C-c
screen_has "A call to Q2 is running: log it as interrupted and quit\? \(y/n\)" "Ctrl-C during a call asks"
type "n"
screen_has "the call goes on" "n: the call goes on"
ok "and relance runs" test ! -s "$T/exit"
send C-c
wait_for "log it as interrupted"
type "y"
wait_exit
is "$EXIT" 0 "y: relance ends"
ok "and leaves the terminal as it was" tty_restored
is "$(calls_open)" "" "no call is left open"
last=$("$R" -d "$B" history Q2 --type call --format tsv | cut -f5 | sed -n 2p)
like "$last" "^Call \+32 483 30 12 34: interrupted \(0:0[1-9]\)$" "the call is logged as interrupted, with its real length"
tm kill-server

# a session that dies during a call: the call is taken up at the next start
screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q1" && send Enter
wait_for "relance: account Q1"
send c
wait_for "CALL 00:0"
kill -KILL "$(cat "$T/pid")"
wait_exit
tm kill-server
is "$(calls_open | cut -f2)" "Q1" "killed during a call: the call is open in the book"
began=$(calls_open | cut -f4)
# Brussels in November is UTC+1 (the day after 23:00 UTC aside)
local=$(TZ=Europe/Brussels date -d "$began" '+%Y-%m-%d %H:%M')
screen_start 80 24 TZ=Europe/Brussels -- -d "$B"
screen_has "A call to Q1 begun $local was never logged\. Take it up\?" "the next start offers it, in local time"
type "y"
screen_has "relance: account Q1" "y: on its account"
screen_has "CALL [0-9][0-9]:[0-9][0-9] Alpha Ltd" "with the timer running from its start"
send c
wait_for "The call's outcome"
send Enter
screen_has "call logged" "c logs it"
is "$(calls_open)" "" "and it is closed"
send q
wait_for "mine \(tester\)"
type ":goto Q3" && send Enter
wait_for "relance: account Q3"
send c
wait_for "CALL 00:0"
kill -KILL "$(cat "$T/pid")"
wait_exit
tm kill-server
screen_start 80 24 -- -d "$B"
wait_for "was never logged"
type "n"
screen_has "the call to Q3 is closed as interrupted" "n: closed as interrupted"
is "$("$R" -d "$B" history Q3 --type call --format tsv | cut -f5 | sed -n 2p)" \
	"Call: interrupted (duration not known)" "its length not known, and said so"
type ":q" && send Enter
wait_exit
is "$EXIT" 0 "quits"
tm kill-server

# from the command line
screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q4" && send Enter
wait_for "relance: account Q4"
send c
wait_for "CALL 00:0"
kill -KILL "$(cat "$T/pid")"
wait_exit
tm kill-server
id=$(calls_open | cut -f1)
ok "a clone of the book" "$R" clone "$B" "$T/clone.db"
is "$("$R" -d "$T/clone.db" calls --open --format tsv 2>&1 | tail -n +2)" "" "a clone does not carry the open call: it is this copy's to finish"

like "$("$R" -d "$B" calls --open)" "^id +account_no +number +started +user" "calls --open lists the open calls"
like "$("$R" -d "$B" calls --open --format json)" "\"account_no\": *\"Q4\"" "in json too"
out=$("$R" -d "$B" calls --close nosuch 2>&1)
is "$?" 1 "calls --close of an unknown id fails"
is "$out" "relance: call nosuch: no open call has that id (relance calls --open lists them)" "and says why"
short=$(printf '%s' "$id" | cut -c1-13)
began=$(calls_open | cut -f4)
is "$("$R" -d "$B" calls --close "$short")" "closed the call to Q4 begun $began as interrupted" \
	"calls --close takes the start of an id"
is "$(calls_open)" "" "and the call is closed"
is "$("$R" -d "$B" history Q4 --type call --format tsv | cut -f5 | sed -n 2p)" \
	"Call: interrupted (duration not known)" "as interrupted"

# Ctrl-C in the outcome form, answered n, keeps what was typed; a number
# the book holds with words in it can be called and closed
sqlite3 "$B" "UPDATE customers SET phone = '0475 12 34 56 (GSM)' WHERE account_no = 'Q7'"
screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q7" && send Enter
wait_for "relance: account Q7"
send c
wait_for "CALL 00:0"
send c
wait_for "The call's outcome"
# typed ahead: relance stopped while the keys and Ctrl-C arrive, so that
# none is read before the interrupt (the terminal must not drop them)
kill -STOP "$(cat "$T/pid")"
send Tab && type "half of what he said"
send C-c
sleep 0.2
kill -CONT "$(cat "$T/pid")"
wait_for "lose what was typed here"
screen_has "Ctrl-C: quit relance, and lose what was typed here\\? \\(y/n\\)" \
	"Ctrl-C in a form with something typed asks first"
type "n"
screen_has "Note +half of what he said" "n: the form is still there, with all that was typed before Ctrl-C"
send C-c
wait_for "lose what was typed here"
type "y"
wait_for "log it as interrupted and quit"
screen_has "log it as interrupted and quit" "y: then the call under way asks"
type "n"
screen_has "Note +half of what he said" "n: the form and the call go on, with what was typed"
send Escape
wait_for "Discard"
type "y"
send C-c
wait_for "log it as interrupted"
type "y"
wait_exit
is "$EXIT" 0 "y: relance ends"
like "$("$R" -d "$B" history Q7 --type call --format tsv | cut -f5 | sed -n 2p)" \
	"^Call 0475 12 34 56 \\(GSM\\): interrupted \\(0:[0-9]{2}\\)$" "a number with words in it: the call is closed all the same"
is "$(calls_open)" "" "and nothing is left open"
tm kill-server
ok "the book is consistent" "$R" -d "$B" check
done_testing
