#!/bin/sh
# queue.t (screen) — the workstation at 80x24 on a book whose queue is known
# by hand: the order, opening an account, ] and [, search, filter, sort,
# scope, help generated from the keymap, themes, the history and an entry.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"

screen_start 80 24 -- -d "$B"
screen_has "relance: queue: today 0 of 6 done" "the title counts the day down"
screen_has "^mine \(tester\): 6 accounts, 2,130.00 overdue *$" "the header says whose, the count and the total (the default order unsaid)"
order=$(screen | awk '$2 ~ /^Q[0-9]$/ {printf "%s ", $2}')
is "$order" "Q3 Q2 Q1 Q4 Q7 Q8 " "the queue in the expected order (by score)"
screen_has "B\.\.\. Q3 +Gamma NV +200\.00 +10 call: broken promise +11-13" "flags, figures and next action of a row"
screen_has "\.\.\.F Q4 .* follow-up: call back +11-20" "the follow-up flag; at 80 columns the next action whole, this year's dates as MM-DD"
unlike "$(screen)" "Delta SA…|Gamma NV…" "text that fits is drawn whole, with no ellipsis"
screen_has "\.\.D\. Q8 +Ëta Société " "the dispute flag; accents drawn"
is "$(column_of 'Q7 ' tester)" "$(column_of 'Q1 ' tester)" "a name with double-width characters keeps the columns"
is "$(column_of 'Q8 ' tester)" "$(column_of 'Q1 ' tester)" "and one with accents too"

send Enter
screen_has "relance: account Q3" "Enter opens the account under the cursor"
screen_has "Q3-1 +2026-10-15 2026-11-14 +200\.00 +200\.00 +10 open" "its open items"
screen_has "collector Q?tester|collector tester" "its collector"
send ']'
screen_has "relance: account Q2" "] goes to the next account of the queue"
send ']'
screen_has "relance: account Q1" "] again"
send '['
screen_has "relance: account Q2" "[ goes back one"
send q
screen_has "mine \(tester\)" "q goes back to the queue"
send Enter
screen_has "relance: account Q2" "the queue's cursor followed ] and ["
send q

send / && type "beta" && send Enter
wait_for "mine"
send Enter
screen_has "relance: account Q2" "/ finds 'Bêta' from 'beta' (accent-blind)"
send q
send / && type "zzz" && send Enter
screen_has "not found: zzz" "a search that finds nothing says so"

type ":filter flag=B" && send Enter
screen_has "1 account, 200\.00 overdue \| filter: flags=B\.\.\." ":filter flag=B"
send BSpace
screen_has "6 accounts, 2,130\.00" "Backspace clears the filters (F finds)"
send f && type "bucket=61-90 min=100" && send Enter
screen_has "1 account, 500\.00 overdue" "f prompts for a filter (bucket and minimum: Q2, 90 days)"
send BSpace
send s
screen_has "sort: overdue" "s changes the order"
order=$(screen | awk '$2 ~ /^Q[0-9]$/ {printf "%s ", $2}')
is "$order" "Q1 Q2 Q4 Q3 Q8 Q7 " "by overdue amount"
send g
type ":sort default" && send Enter
screen_has "2,130.00 overdue *$" ":sort default: the header no longer names an order"
send Enter
screen_has "relance: account Q1" "the cursor stays on its account when the order changes"
send q
send a
screen_has "all collectors: 7 accounts" "a lists every collector's accounts"
screen_has "Q5 +Epsilon GmbH +5,000\.00" "including the other collector's (at 80 columns the collector column gives way to 24 of name and 20 of next action)"
send a
screen_has "mine \(tester\)" "a again: mine"

send '?'
screen_has "Keys in the queue" "? opens the help"
screen_has "Enter +open +open the account" "the help lists the queue's keys"
screen_has "j, Down +move-down" "and the generic ones"
send q
type ":bind queue x open" && send Enter
send '?'
screen_has "Enter, x +open" "the help follows a :bind at once"
send q
send g x
screen_has "relance: account Q3" "the new binding works"
send q

send Z
screen_has "Z is not bound here" "an unbound key says so"

type ":theme dark" && send Enter
screen_has "theme dark" ":theme dark"
like "$(screen_colours)" "$(printf '\033')\[[0-9;]*3[0-7]m|38;5" "dark has colours"
type ":theme mono" && send Enter
screen_has "theme mono" ":theme mono"
unlike "$(screen_colours | tail -n +2 | head -n -1)" "$(printf '\033')\[[0-9;]*(3[0-7]|4[0-7]|38;5)" "mono has none"
type ":theme nosuch" && send Enter
screen_has "theme nosuch: no such theme" "an unknown theme says so"

# ] after working an account that then moves down the queue: the next one
send g Enter
screen_has "relance: account Q3" "the first account, Q3 (a broken promise)"
send p
wait_for "Promise to pay"
send Enter
screen_has "promise recorded" "worked: a new promise takes it out of the day's list"
send ]
screen_has "relance: account Q2" "] lands on Q2, which took its place, not on the one after it"
send ]
screen_has "relance: account Q1" "and ] again on the next"
send q
wait_for "mine \(tester\)"

type ":goto Q1" && send Enter
screen_has "relance: account Q1" ":goto"
screen_has "History \(2\)" "the history pane counts the entries"
screen_has "2026-11-21 09:30 note +tester +Asked for a copy of invoice Q1-1" "history, newest first"
send Tab j Enter
screen_has "Will pay on Friday\." "Tab, j, Enter: the call entry shown whole"
screen_has "type +call" "with its fields"
screen_has "copy +test$" "and the copy of the book that made it"
send q q
screen_has "mine \(tester\)" "back to the queue"
type ":q" && send Enter
wait_exit
is "$EXIT" 0 ":q quits with status 0"
ok "the terminal is left as it was found" tty_restored
is "$(cat "$T/stderr")" "" "nothing on standard error"

# the optional columns: as many as the width leaves room for, and said
mkdir -p "$T/cols/relance"
echo 'set queue-columns = phone, level, promise' > "$T/cols/relance/relancerc"
sqlite3 "$B" "UPDATE customers SET phone = '+32 471 12 34 56; 02 512 00 00' WHERE account_no = 'Q2'"
"$R" -d "$B" check --rebuild >/dev/null
tm kill-server
screen_start 120 24 XDG_CONFIG_HOME="$T/cols" -- -d "$B"
screen_has "Date +Phone +Lvl +Promise *$" "at 120 columns: the three columns asked, in their order"
screen_has "Q2 +Bêta SPRL .* 08-27 \+32 471 12 34 56 +0 *$" "the first number, the level"
send d
screen_has "✓ +Q3 +Gamma NV .* 0 [0-9]{2}-[0-9]{2} open *$" "the latest promise, its date and state (d: every date, Q3 worked)"
send d
unlike "$(screen | sed -n 2p)" "without room" "and nothing left out"
resize 80 24
screen_has "overdue \| 3 columns without room" "at 80 columns, none fits beside 24 of name and 20 of next action: the header says so"
screen_has "Next action +Date *$" "the columns give way"
send q
wait_exit
done_testing
