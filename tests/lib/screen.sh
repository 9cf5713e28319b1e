# screen.sh — driving the real workstation in tmux, sourced by
# tests/screen/*.t after tap.sh. A private tmux server per test file;
# waiting is polling the screen for what must appear, never a fixed sleep.
#   screen_start COLS ROWS [VAR=VALUE...] -- ARGS...  run relance ARGS
#   wait_for REGEX [SECONDS]     until the screen shows it (returns 1 on timeout)
#   send KEYS...                 tmux send-keys
#   type TEXT                    literal text
#   screen / screen_colours      the screen as text / with escape sequences
#   resize COLS ROWS
#   wait_exit                    until relance has ended; its status in $EXIT
SOCK="relance-test-$$"
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT

screen_start() {
	cols=$1 rows=$2
	shift 2
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	rm -f "$T/exit" "$T/stty.before" "$T/stty.after" "$T/pid"
	cat > "$T/run.sh" <<RUN
trap '' INT  # Ctrl-C is for relance; this shell must live to write what follows
ulimit -c 0  # the crash test needs no core file
stty -a > "$T/stty.before"
env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 RELANCE_TODAY=$RELANCE_TODAY RELANCE_USER=tester \
	HOME="$HOME" $envs sh -c 'echo \$\$ > "$T/pid"; exec "\$0" "\$@"' "$R" "\$@" 2> "$T/stderr"
echo \$? > "$T/exit"
stty -a > "$T/stty.after"
sleep 600
RUN
	# a server killed just before may still hold its socket for a moment:
	# the new session is certain only once tmux answers for it
	i=0
	while [ $i -lt 100 ]; do
		tm new-session -d -s s -x "$cols" -y "$rows" sh "$T/run.sh" "$@" 2>/dev/null &&
			tm has-session -t s 2>/dev/null && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "# tmux would not start a session" >&2
	return 1
}

screen() { tm capture-pane -p -t s; }
screen_colours() { tm capture-pane -p -e -t s; }
send() { tm send-keys -t s "$@"; }
type() { tm send-keys -t s -l -- "$1"; }
resize() { tm resize-window -t s -x "$1" -y "$2"; }

wait_for() {
	limit=$(( ${2:-5} * 20 ))
	i=0
	while [ $i -lt $limit ]; do
		screen | grep -Eq -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# screen_has REGEX NAME: a TAP line that waits for the screen to show REGEX
screen_has() {
	wait_for "$1"
	_result $? "$2" "screen:
$(screen)
expected to show: $1"
}

# tty_restored: the terminal's modes after relance are those from before
# (its size may differ: the tests resize it)
tty_restored() {
	tail -n +2 "$T/stty.before" > "$T/modes.before"
	tail -n +2 "$T/stty.after" > "$T/modes.after" 2>/dev/null
	cmp -s "$T/modes.before" "$T/modes.after"
}

wait_exit() {
	i=0
	while [ ! -s "$T/exit" ] && [ $i -lt 300 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	EXIT=$(cat "$T/exit" 2>/dev/null)
}

# Display column where TEXT starts on the screen line matching LINE_REGEX:
# wide (CJK) characters count two columns, combining marks none.
column_of() {
	screen | grep -E -- "$1" | head -1 | LC_ALL=C awk -v text="$2" '{
		i = index($0, text); if (!i) { print -1; exit }
		s = substr($0, 1, i - 1); col = 0
		for (k = 1; k <= length(s); k++) {
			c = substr(s, k, 1)
			if (c < "\200") { col++; continue }
			if (c >= "\300" && c < "\340") {          # 2 bytes
				if (c == "\314" || (c == "\315" && substr(s, k + 1, 1) < "\260")) col += 0; else col++
				k += 1; continue
			}
			if (c >= "\340" && c < "\360") {          # 3 bytes: CJK is wide
				col += (c >= "\344" && c <= "\351") ? 2 : 1; k += 2; continue
			}
			col += 2; k += 3
		}
		print col }'
}
