#!/bin/sh
# ui_keys.t (screen) — the headless workstation (relance ui --keys): its
# dump is what tmux shows for the same keys on the same book, at 80x24 and
# at another size; a bad script is refused with FILE:LINE and the token
# before anything runs; the keys really act (a note typed is in the
# history; a form left open when the script runs out saves nothing); time
# stands still but for Wait (the call timer).
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"

# same KEYS-FILE COLS ROWS NAME: the keys of the file (one per line, as
# the script has them: tmux send-keys takes the same names, a string
# line is sent literally) in tmux, and headless; the screens must agree.
# tmux is read until it shows the dump (it draws while keys arrive), 5 s
# at most.
same() {
	"$R" -d "$B" ui --keys "$1" --size "$2x$3" --dump "$T/dump" 2> "$T/err"
	rc=$?
	screen_start "$2" "$3" -- -d "$B"
	wait_for "mine \(tester\)"
	while IFS= read -r k; do
		case $k in
		\"*\") type "$(printf '%s' "$k" | sed 's/^"//; s/"$//')" ;;
		*) send "$k" ;;
		esac
	done < "$1"
	i=0
	while [ $i -lt 100 ] && [ "$(screen)" != "$(cat "$T/dump")" ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ "$rc" = 0 ] && [ ! -s "$T/err" ] && [ "$(screen)" = "$(cat "$T/dump")" ]
	_result $? "$4" "exit $rc, stderr: $(cat "$T/err")
tmux:
$(screen)
headless:
$(cat "$T/dump")"
	tm kill-server 2>/dev/null
}

printf '%s\n' j j Enter Tab > "$T/k1"
same "$T/k1" 80 24 "an account and its history pane: the dump is tmux's screen"
printf '%s\n' : '"goto Q1"' Enter Tab Enter > "$T/k2"
same "$T/k2" 80 24 "a prompt typed into, then an entry shown whole"
printf '%s\n' '?' PgDn > "$T/k3"
same "$T/k3" 80 24 "the help, a page down"
printf '%s\n' s s D > "$T/k4"
same "$T/k4" 80 24 "the dashboard, after two sorts"
printf '%s\n' / '"Gam"' > "$T/k5"
same "$T/k5" 80 24 "a search prompt left open: the screen as it waits for the next key"
printf '%s\n' j Enter Tab > "$T/k6"
same "$T/k6" 100 30 "--size 100x30: the same as a terminal of that size"
dump=$(cat "$T/dump")
is "$(printf '%s\n' "$dump" | wc -l | tr -d ' ')" 30 "the dump has one line per row"

# the format: several keys a line, comments, a string with quotes
cat > "$T/k7" <<'K'
# open Q1 from the command line
: "goto Q1" Enter   # a comment after keys
Tab Enter q  q # back to the queue
"#"
K
out=$("$R" -d "$B" ui --keys "$T/k7" 2>&1)
is "$?" 0 "a script with comments runs"
like "$out" "^ relance: queue" "it ends on the queue (the dump on standard output)"
like "$out" "# is not bound here" "\"#\" types #"

# a bad script: FILE:LINE and the token, exit 2, nothing run
cp "$B" "$T/before.db"
printf 'j\nj k Entr\n' > "$T/bad"
out=$("$R" -d "$B" ui --keys "$T/bad" --dump "$T/bad.dump" 2>&1)
is "$?" 2 "a bad key: exit 2"
like "$out" "^relance: $T/bad:2: no such key .*: Entr$" "it says FILE:LINE and the bad token"
ok "nothing was dumped" test ! -e "$T/bad.dump"
for bad in '"unfinished' 'Wait' 'Wait -3' '"a\qb"' '""' 'C-' ; do
	printf 'j\n\nk %s\n' "$bad" > "$T/bad"
	out=$("$R" -d "$B" ui --keys "$T/bad" 2>&1)
	rc=$?
	case $out in
	"relance: $T/bad:3: "*": $bad") good=0 ;;
	*) good=1 ;;
	esac
	_result $((rc != 2 || good)) "refused at line 3: $bad" "exit $rc: $out"
done
out=$("$R" -d "$B" ui --keys "$T/none" 2>&1)
like "$?:$out" "^2:relance: $T/none: No such file" "a script that is not there"
out=$("$R" -d "$B" ui --keys "$T/k1" --size 80 2>&1)
like "$?:$out" "^2:.*--size is COLSxROWS" "--size wants COLSxROWS"
out=$("$R" -d "$B" ui --dump "$T/x" 2>&1)
like "$?:$out" "^2:.*--dump and --size go with --keys" "--dump alone is refused"
ok "the book did not change" sh -c "[ \"\$(sqlite3 '$B' .dump)\" = \"\$(sqlite3 '$T/before.db' .dump)\" ]"

# the keys act: a note typed in the script is in the history
printf '%s\n' : '"goto Q2"' Enter a '"Left a message, will call back"' Enter > "$T/note"
out=$("$R" -d "$B" ui --keys "$T/note" < /dev/null 2>&1)
is "$?" 0 "a note from a script, without a terminal"
like "$out" "note added" "the workstation says so"
like "$("$R" -d "$B" history Q2)" "note +tester +Left a message, will call back" "the note is in the book's history"
# a form the script leaves open saves nothing
printf '%s\n' : '"goto Q2"' Enter a '"never saved"' > "$T/open"
"$R" -d "$B" ui --keys "$T/open" > /dev/null 2>&1
unlike "$("$R" -d "$B" history Q2)" "never saved" "a form still open when the script ends is not saved"

# time stands still but for Wait: the call timer, and the call's length
for n in 1 2; do cp "$B" "$T/call$n.db"; done
printf '%s\n' : '"goto Q1"' Enter c > "$T/call"
like "$("$R" -d "$T/call1.db" ui --keys "$T/call" | tail -1)" "CALL 00:00 Alpha Ltd" "a call without Wait lasts 00:00"
printf '%s\n' : '"goto Q1"' Enter c 'Wait 75' > "$T/call"
like "$("$R" -d "$T/call2.db" ui --keys "$T/call" | tail -1)" "CALL 01:15 Alpha Ltd" "Wait 75: the timer says 01:15"
printf '%s\n' : '"goto Q1"' Enter c 'Wait 75' c Enter > "$T/call"
"$R" -d "$B" ui --keys "$T/call" > /dev/null
like "$("$R" -d "$B" history Q1)" "Call: reached \(1:15\)" "the call is logged, and lasted what the script waited: 1:15"
done_testing
