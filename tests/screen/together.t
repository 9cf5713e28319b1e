#!/bin/sh
# together.t (screen) — the workstation beside other writers and programs:
# what another collector writes shows on a short timer when idle, and a
# call runs the configured dial command with the number (no shell), and
# never with a "number" that the command would take for an option.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
sqlite3 "$B" "UPDATE customers SET phone = '+32 2 512 34 56; +32 475 00 00 00' WHERE account_no = 'Q2';
	UPDATE customers SET phone = '--config=evil' WHERE account_no = 'Q4'"
cat > "$T/dial.sh" <<DIAL
#!/bin/sh
printf '%s|' "\$@" > "$T/dialled"
DIAL
chmod +x "$T/dial.sh"
mkdir -p "$HOME/.config/relance"
printf 'set refresh-seconds = 1\nset dial-command = "%s --call %%n"\n' "$T/dial.sh" > "$HOME/.config/relance/relancerc"
screen_start 80 24 -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q2" && send Enter
screen_has "relance: account Q2" "the account"
send c
screen_has "Which number\?" "c on an account with two numbers: which one"
screen_has "< \+32 2 512 34 56 >" "the first proposed"
send Enter
screen_has "CALL 00:0[0-9] Bêta SPRL \+32 2 512 34 56" "c: the timer shows the number chosen"
screen_has "call +tester +Call to \+32 2 512 34 56 started" "the call is journaled when it starts: never lost"
i=0; while [ ! -s "$T/dialled" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
is "$(cat "$T/dialled")" "--call|+32 2 512 34 56|" "the dial command ran with the number as one argument"
send c Enter
screen_has "call logged" "the call is logged"
is "$(sqlite3 "$B" "SELECT count(*) FROM activities a JOIN activities s ON a.corrects = s.id WHERE a.account_no = 'Q2' AND s.summary LIKE 'Call to%started'")" 1 "its outcome completes the start entry"
like "$(sqlite3 "$B" "SELECT detail FROM activities WHERE corrects IS NOT NULL AND account_no = 'Q2'")" '"start":"2026-11-24T[0-9:]+Z","end":"2026-11-24T[0-9:]+Z"' "start and end are stored"
"$R" -d "$B" --user other note Q2 "Written by another collector" 
screen_has "note +other +Written by another collector" "another collector's note shows without a key"
"$R" -d "$B" --user other snooze Q4 --until 2026-12-31 >/dev/null
send q
screen_has "mine \(tester\): 4 accounts" "and the queue follows what others did (Q4 snoozed, Q2 worked: 2 of 6 done)"
rm -f "$T/dialled"
type ":goto Q4" && send Enter
screen_has "relance: account Q4" "an account whose phone (from an old book) reads --config=evil"
send c
screen_has "not dialled: not a phone number" "c: the call starts, the number is not dialled, and the status line says so"
sleep 0.3
ok "the dial command did not run" test ! -e "$T/dialled"
send c Enter
screen_has "call logged" "the call is logged"
done_testing
