#!/bin/sh
# find.t (screen) — F and :find search the whole book, not only the queue:
# the results say why each account was found, Enter opens one, q comes
# back; :goto completes account numbers with Tab and recalls the last ones
# with Up and Down. (tmux drops the blanks at the end of a line: a prompt
# "find: " shows as "find:".)
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/f.db"
queue_book "$B" &&
	"$R" -d "$B" import customers "$DATA/find-customers.csv" >/dev/null &&
	"$R" -d "$B" import invoices "$DATA/find-invoices.csv" >/dev/null
screen_start 80 24 -- -d "$B"
screen_has "mine \(tester\): 8 accounts" "the queue: F3 (another collector's) and F4 (nobody's) are not in it"

send F
screen_has "^find:$" "F asks what to find"
type "06 12 34 56 78" && send Enter
screen_has "relance: find: 06 12 34 56 78" "the list of what was found, its text in the title"
screen_has "^1 account found" "how many"
screen_has "^Account +Name +Found by" "its columns"
screen_has "^F3 +Lemaire SPRL +phone 0033 6 12 34 56 78" "an account out of the queue, found by a phone written otherwise, and why"
send Enter
screen_has "relance: account F3" "Enter opens the account"
screen_has "Lemaire SPRL" "the account found"
send q
screen_has "relance: find: 06 12 34 56 78" "q goes back to the list"
send q
screen_has "mine \(tester\)" "and again to the queue"

type ":find eta" && send Enter
screen_has "^3 accounts found" ":find TEXT finds at once"
screen_has "^Q8 +Ëta Société +name" "accents aside, the name that begins so first"
screen_has "^Q2 +Bêta SPRL +name" "then those that hold it"
send j
send Enter
screen_has "relance: account Q2" "j moves down, Enter opens that one"
send F
screen_has "^find:$" "F in an account asks too"
type "+++090/9337/55493+++" && send Enter
screen_has "^F1 +Brasserie De Koninck +reference \+\+\+090/9337/55493\+\+\+ \(invoice F2026-0012\)$" \
	"a payment reference, and the invoice that carries it, whole"
send F
screen_has "^find: \+\+\+090/9337/55493\+\+\+$" "F in the list asks again, with the text it shows"
send C-u && type "eloise" && send Enter
screen_has "^F2 +Janssens & Zonen +contact Éloïse Lemaître" "the list shows what the new text finds"
send Enter
screen_has "relance: account F2" "and opens it, in the account view under the list"
send q
screen_has "relance: find: eta" "q: the list the account was first opened from"
type ":find nosuchthing" && send Enter
screen_has "no account matches nosuchthing" "nothing found: said"
screen_has "relance: find: eta" "and the list stays"
send q
screen_has "mine \(tester\)" "q: the queue"
send F && send Escape
screen_has "mine \(tester\)" "Esc at the prompt: nothing"
send ?
send / && type "find any" && send Enter
screen_has "^ +F +find +find any account of the book" "F is in the help"
send / && type ":find TEXT" && send Enter
screen_has "^ +:find TEXT +find any account" ":find is among the commands"
send q

# :goto: Tab completes an account number, Up and Down recall
type ":goto q" && send Tab
screen_has "^Q1  Q2  Q3  Q4  Q5  Q7  Q8  Q9$" "Tab: the accounts beginning so, over the prompt"
screen_has "^:goto Q$" "and the beginning they share (capitals as the book has them)"
type "8" && send Tab
screen_has "^:goto Q8$" "one account: completed"
send Enter
screen_has "relance: account Q8" ":goto opens it"
send q
type ":goto F" && send Tab
screen_has "^F1  F2  F3  F4$" "F1 to F4"
type "2" && send Enter
screen_has "relance: account F2" ":goto F2"
send q
type ":goto zz" && send Tab
screen_has "^no account number begins with zz" "no account: said"
send C-u && type "gr" && send Tab
screen_has "^no command begins with gr" "Tab on a command's name"
send C-u && type "go" && send Tab
type "Q1"
screen_has "^:goto Q1$" "completes the name, and a blank after it"
send Escape
type ":" && send Up
screen_has "^:goto F2$" "Up: the last command"
send Up
screen_has "^:goto Q8$" "Up again: the one before"
send Down
screen_has "^:goto F2$" "Down: back"
send Down
screen_has "^:$" "Down past the newest: what was typed"
type "find" && send Up
screen_has "^:find nosuchthing$" "Up with a beginning typed: the lines beginning so"
send Escape
type ":goto" && send Enter
screen_has "^goto:$" ":goto alone asks for the account"
send Up
screen_has "^goto: F2$" "Up: the last account gone to"
send Up
screen_has "^goto: Q8$" "and the one before"
send Enter
screen_has "relance: account Q8" "Enter goes there"
send q
send F && send Up
screen_has "^find: nosuchthing$" "find's prompt recalls its texts"
send Escape
type ":q" && send Enter
wait_exit
is "$EXIT" 0 "quits"
is "$(cat "$T/stderr")" "" "nothing on standard error"
done_testing
