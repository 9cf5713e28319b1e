#!/bin/sh
# queue_day_others.t (screen) — the header's day figures after a write of
# this workstation also count what another wrote since (PRAGMA
# data_version): a promise made elsewhere shows once a note is written
# here, with no timer to refresh the queue.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
mkdir -p "$HOME/.config/relance"
echo "set refresh-seconds = 0" > "$HOME/.config/relance/relancerc"
screen_start 80 24 -- -d "$B"
wait_for "queue: today 0 of 6 done"
screen_has "^Q3 |[│ ]Q3 " "Q3 first in the day's list"
ok "another workstation promises on Q4" "$R" -d "$B" promise add Q4 --date 2026-11-30 --amount 100
sleep 0.3
! screen | grep -q "1 promise" ; _result $? "the header does not know of it yet (no timer)" "$(screen)"
send Enter
wait_for "relance: account Q3"
send a && type "Left a message" && send Enter
wait_for "note +tester +Left a message"
send q
screen_has "today 1 of 6 done .* 1 promise 100\.00" "a note on Q3 here: the header counts the promise made elsewhere"
done_testing
