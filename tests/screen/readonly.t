#!/bin/sh
# readonly.t (screen) — the workstation on a book it cannot write: it
# opens, says "(read-only)" in its title and why on the status line, lets
# the collector look (the queue, an account), and refuses a key that writes
# at once, before any form opens, with the reason; nothing is written.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
before=$(sqlite3 "$B" "SELECT count(*) FROM activities")
# root writes whatever the mode: an immutable mark is read-only to root too
if [ "$(id -u)" = 0 ]; then
	if ! chattr +i "$B" 2>/dev/null; then
		echo "1..0 # skip root, and chattr +i is not available here"
		exit 0
	fi
	trap 'chattr -i "$B" 2>/dev/null; rm -rf "$T"' EXIT
	why="the file is marked immutable"
else
	chmod 0400 "$B"
	why="the file's permissions do not let you write it"
fi
screen_start 100 24 -- -d "$B"
wait_for "mine \(tester\)"
screen_has "q\.db \(read-only\)" "the title says the book is read-only"
screen_has "read-only \($why\): you can look, not change" "the status line says why"
screen_has "Q3" "the queue is there"
type ":goto Q1" && send Enter
screen_has "relance: account Q1" "an account opens"
send a
screen_has "q\.db is read-only \($why\): nothing was changed" "a (note) is refused at once, with the reason"
unlike "$(screen)" "Enter: save  Esc: cancel" "and no form opens"
send p
screen_has "read-only \($why\): nothing was changed" "p (promise) too"
unlike "$(screen)" "Promise to pay" "without its form"
send Q
wait_exit
is "$(sqlite3 "$B" "SELECT count(*) FROM activities")" "$before" "nothing was written"
done_testing
