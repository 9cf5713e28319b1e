#!/bin/sh
# help.t (screen) — the help is made from the keys as they work in the view
# it is asked from, and lists every : command; in the account view n and N
# search (notes are a and A); :set takes effect at once.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
screen_start 100 60 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q1" && send Enter
wait_for "relance: account Q1"
send ?
screen_has "Keys in an account" "? from an account: its keys first"
screen_has "^ +a +note +add a one-line note" "a adds a note"
screen_has "^ +A +long-note " "A writes a long note"
screen_has "^ +n +search-next " "n is the next match here"
screen_has "^ +N +search-prev " "N the previous one"
screen_has "^ +Q +qr-code " "Q is the QR code here"
screen_has "^ +\(not bound here\) +quit " "so quit has no key in an account, and the help says so"
screen_has "Keys everywhere \(as they work here\)" "the generic keys, as they work in the account"
send G
screen_has "Commands \(press :\)" "G: the end of the help, the commands"
for c in goto find filter sort all mine theme set bind color source reload procedures help quit; do
	screen_has "^ +:(q, :)?$c" ":$c is in the command list"
done
send q
wait_for "relance: account Q1"
send Tab
send /
type "Asked" && send Enter
sleep 0.2
unlike "$(screen | tail -1)" "not found" "a search in the history finds the note"
send g
send n
sleep 0.3
unlike "$(screen)" "Enter: save" "n in the account searches again: it opens no note form"
unlike "$(screen | tail -1)" "not found|not bound" "and finds the match"
send q
wait_for "mine \(tester\)"
unlike "$(screen | sed -n 2p)" "sort:" "the default order goes unsaid"
type ":set queue-sort = name" && send Enter
screen_has "sort: name" ":set queue-sort takes effect at once"
order=$(screen | awk '$2 ~ /^Q[0-9]$/ {printf "%s ", $2}')
is "$order" "Q1 Q2 Q4 Q8 Q3 Q7 " "the queue is in name order at once (Ëta as Eta)"
send a
screen_has "all collectors" "a: everyone's queue"
type ":set queue-scope = mine" && send Enter
screen_has "mine \(tester\)" ":set queue-scope = mine after a: mine again, though it is the configured value"
type ":set ascii = yes" && send Enter
screen_has "sort: name" "another :set leaves the sort as it is"
type ":nosuch" && send Enter
screen_has "no command nosuch \(goto, find, filter, sort, all, mine, theme, set, bind, color, source, reload, ~$" "an unknown command lists them; cut on the status line, with a mark"
send M
screen_has "relance: messages" "M: the last messages"
screen_has "^ +[0-9:]{8} ! no command nosuch \(goto, find, filter, sort, all, mine, theme, set, bind, color," "whole there, newest first, errors marked"
screen_has "^ +source, reload, messages, procedures, bank, report, help, quit\)" "(wrapped, not cut)"
screen_has "[0-9:]{8} set ascii = yes" "and the ones before"
send q
type ":messages" && send Enter
screen_has "relance: messages" ":messages too"
send q
wait_for "mine \(tester\)"
type ":q" && send Enter
wait_exit
is "$EXIT" 0 "quits"
done_testing
