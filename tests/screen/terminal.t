#!/bin/sh
# terminal.t (screen) — what only a real terminal shows: 120x40, resizing
# (too small, and back, even in the middle of typing), data with escape
# sequences, Ctrl-C and a crash leaving the terminal as it was, NO_COLOR,
# an 8-colour and a colourless terminal, a locale without UTF-8, and
# errors in relancerc.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
sqlite3 "$B" "INSERT INTO customers(account_no, name, collector, imported_at) VALUES
	('X1', 'ACME' || char(27) || ']2;pwned' || char(7) || ' SA', 'tester', 'now'),
	('X2', char(128640, 128640, 128640) || ' Rockets', 'tester', 'now'),
	('X3', 'Wąsowski Sp', 'tester', 'now');
	INSERT INTO invoices(invoice_no, account_no, due_date, amount, open_amount, status, imported_at)
	VALUES ('X2-1', 'X2', '2026-11-21', 100, 100, 'open', 'now'), ('X3-1', 'X3', '2026-11-21', 100, 100, 'open', 'now');
	INSERT INTO invoices(invoice_no, account_no, due_date, amount, open_amount, status, imported_at)
	VALUES ('X1-1', 'X1', '2026-11-20', 100, 100, 'open', 'now');
	INSERT INTO activities(id, account_no, at, type, user, copy_id, summary)
	VALUES ('0190a000-0000-7000-8000-0000000000e1', 'X1', '2026-11-21T10:00:00Z', 'note', 'tester', 'test',
		'clear' || char(27) || '[2J' || 'screen');"
"$R" -d "$B" check --rebuild >/dev/null

screen_start 120 40 -- -d "$B"
screen_has "mine \(tester\): 9 accounts" "120x40: the queue"
order=$(screen | awk '$2 ~ /^[QX][0-9]$/ {printf "%s ", $2}')
is "$order" "Q3 Q2 Q1 Q4 Q7 Q8 X1 X2 X3 " "the same order at 120x40 (X: 1.00 overdue each, last)"
is "$(column_of 'X2 ' '1.00')" "$(column_of 'X1 ' '1.00')" "emoji (double width) keep the columns: the amounts in one column"
screen_has "Q7 +Zeta 株式会社 +50\.00" "wide names have room at 120 columns"
screen_has 'ACME\\x1b\]2;pwned\\x07 SA' "an escape sequence in a name is shown escaped"
unlike "$(tm display-message -p -t s '#{pane_title}')" "pwned" "and never reaches the terminal (the title is intact)"
is "$(column_of 'X1 ' tester)" "$(column_of 'Q1 ' tester)" "the escaped name keeps the columns"
type ":goto X1" && send Enter
screen_has "relance: account X1" "the account with the escaped name opens"
screen_has 'clear\\x1b\[2Jscreen' "a note holding ESC [2J is shown escaped"
screen_has "Open items \(1\)" "and the screen is intact"
send q

send / && type "wą"
screen_has "^/wą" "a typed ą is text in the prompt (its code is that of a function key)"
send Enter
send Enter
screen_has "relance: account X3" "and the accent-blind search finds Wąsowski"
send f && type "note"
screen_has "history type \(empty: all\): note" "the history filter prompt shows what is typed at 80 columns"
send Enter q
resize 60 16
screen_has "mine \(tester\): 9 accounts" "the queue works at 60x16"
screen_has "^\.\.\.\. Q2 .* 500\.00 " "its figures whole"
ok "every line within the screen" test "$(screen | awk 'length($0) > 0' | wc -l)" -le 16
send a
screen_has "all collectors" "everyone's queue at 60 columns"
screen_has "Next action +Date *$" "its header whole: the collector column gives way"
screen_has "call: brok… 11-13 *$" "the next action (cut, marked) and its date on screen"
send a
wait_for "mine \(tester\)"
resize 59 16
screen_has "terminal too small \(the queue needs 60x16, have 59x16\)" "below that, it says so"
resize 80 24
type ":goto Q2" && send Enter
wait_for "relance: account Q2"
resize 70 20
screen_has "terminal too small \(this screen needs 80x24, have 70x20\)" "an account needs 80x24, and says so"
resize 80 24
send q
resize 100 30
screen_has "mine \(tester\): 9 accounts" "and the queue comes back when it grows"
type ":goto Q"
resize 90 26
wait_for "mine"
type "2" && send Enter
screen_has "relance: account Q2" "a resize in the middle of typing loses nothing"
send q

# Ctrl-C in a form with something typed: asked, never lost unasked
type ":goto Q2" && send Enter
wait_for "relance: account Q2"
send a
wait_for "Note"
type "promised to call back after lunch"
send C-c
wait_for "lose what was typed here"
type "n"
screen_has "Note +promised to call back after lunch" "Ctrl-C in a note: n keeps the note as typed"
send Escape
wait_for "Discard"
type "y"
send q

send C-c
wait_exit
is "$EXIT" 0 "Ctrl-C ends the workstation"
ok "and leaves the terminal as it was" tty_restored
tm kill-server

screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
kill -SEGV "$(cat "$T/pid")"
wait_exit
is "$EXIT" 139 "a crash (SIGSEGV) ends with the signal's status"
ok "and the terminal is restored" tty_restored
tm kill-server

screen_start 80 24 NO_COLOR=1 -- -d "$B"
wait_for "mine \(tester\)"
unlike "$(screen_colours)" "$(printf '\033')\[[0-9;]*(3[0-7]|4[0-7]|38;5|48;5)" "NO_COLOR: no colour at all"
like "$(screen_colours)" "$(printf '\033')\[[0-9;]*7m" "the cursor still shows (reverse video)"
tm kill-server

screen_start 80 24 TERM=xterm -- -d "$B"
screen_has "Q3 +Gamma NV" "an 8-colour terminal shows the queue"
tm kill-server
screen_start 80 24 TERM=vt100 -- -d "$B"
screen_has "Q3 +Gamma NV" "a terminal without colour (vt100) too"
tm kill-server

screen_start 80 24 LANG=C LC_ALL=C -- -d "$B"
screen_has "Q8 +Eta Societe" "without UTF-8, accents become plain letters"
screen_has "Q2 +Beta SPRL" "(Bêta)"
screen_has "Q7 +Zeta \?\?\?" "characters without a stand-in become ?"
is "$(column_of 'Q7 ' tester)" "$(column_of 'Q1 ' tester)" "and the columns hold"
tm kill-server

screen_start 80 24 -- -d "$B" --all
screen_has "all collectors: 10 accounts" "relance --all (no command) opens the workstation on every collector's accounts"
tm kill-server

mkdir -p "$HOME/.config/relance"
printf 'set theme = dark\nbind queue x frobnicate\ncolor title purple default\nbind queue x open\n' \
	> "$HOME/.config/relance/relancerc"
screen_start 80 24 -- -d "$B"
screen_has "2 errors in the configuration" "errors in relancerc: the workstation starts and says so"
like "$(cat "$T/stderr")" "relancerc:2: no action frobnicate" "the error names the file and line"
like "$(cat "$T/stderr")" "relancerc:3: unknown foreground colour" "each of them"
send x
screen_has "relance: account Q3" "the good lines still apply"
tm kill-server

# the terminal goes away in the middle of a form: relance ends, nothing saved
screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q1" && send Enter && wait_for "account Q1"
send a && wait_for "Enter: save" && type "half typed"
pid=$(cat "$T/pid")
tm kill-server
i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
! kill -0 "$pid" 2>/dev/null
_result $? "a closed terminal in the middle of a form ends relance (no spinning orphan)"
is "$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE summary = 'half typed'")" 0 "and saves nothing half typed"

cp "$B" "$T/broken.db"
sqlite3 "$T/broken.db" "DROP TABLE account_summary"
screen_start 80 24 -- -d "$T/broken.db"
wait_exit
is "$EXIT" 1 "a queue that cannot be read: exit 1"
like "$(cat "$T/stderr")" "account_summary" "and the reason on standard error, after the screen is gone"
done_testing
