#!/bin/sh
# history.t (screen) — an account's history and an entry shown whole:
# times in the collector's zone (TZ, or relancerc's time-zone over it),
# stored in UTC and said so; a call one row once it has ended; a long
# note's first line once; the detail in words and the copy by its name;
# a snooze journaled and filtered as its own type.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"
"$R" -d "$B" sync name office >/dev/null
mkdir -p "$T/tmp"
# the "editor": writes what $T/say holds into its file
cat > "$T/ed.sh" <<ED
#!/bin/sh
cat "$T/say" > "\$1"
ED
chmod +x "$T/ed.sh"
screen_start 80 24 TZ=Europe/Brussels EDITOR="$T/ed.sh" VISUAL= TMPDIR="$T/tmp" -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q1" && send Enter
wait_for "relance: account Q1"
# stored 2026-11-21T09:30:00Z and 2026-11-20T14:05:00Z; Brussels is UTC+1 in November
screen_has "2026-11-21 10:30 note +tester +Asked for a copy of invoice Q1-1" "the history shows local time (TZ)"
screen_has "2026-11-20 15:05 call +tester +Call: reached" "every entry of it"
send Tab Enter
screen_has "when +2026-11-21 10:30 \(Europe/Brussels; stored 09:30 UTC\)" \
	"the entry: local time, the zone, and the UTC time the book stores"
send q
wait_for "relance: account Q1"
type ":set time-zone = America/New_York" && send Enter
screen_has "2026-11-21 04:30 note" ":set time-zone overrides TZ, at once"
type ":set time-zone = Europe/Brusels" && send Enter
screen_has "time-zone: Europe/Brusels is no zone of the tz database" "a zone that does not exist is refused"
type ":set time-zone = Europe/Brussels" && send Enter
wait_for "2026-11-21 10:30 note"

# a call: "started" while it runs, one row with its duration once ended
send c
wait_for "CALL 00:0[0-9] Alpha Ltd"
wait_for "call +tester +Call started"
send c
wait_for "The call's outcome"
send Enter
wait_for "call logged"
wait_for "call +tester +Call: reached \(0:0[0-9]\)"
unlike "$(screen)" "Call started" "an ended call is one row: its start is folded into it"
send g Enter
screen_has "outcome +reached" "its entry gives the detail in words"
screen_has "duration +0:0[0-9]" "the duration as minutes and seconds"
screen_has "started +2026-11-2[45] [0-9][0-9]:[0-9][0-9]" "its start in local time"
unlike "$(screen)" '\{"|corrects' "no raw JSON, no id of the start entry"
screen_has "copy +office *$" "the copy by its name, not its id"
send q

# a long note: its first line is its summary, shown once in the entry
printf 'Long talk with the owner\nHe will pay in January.\n' > "$T/say"
send A
wait_for "note +tester +Long talk with the owner"
send g Enter
wait_for "He will pay in January"
is "$(screen | grep -c 'Long talk with the owner')" 1 "a long note's first line shows once"
send q

# a snooze is its own type
send s
wait_for "Snooze the account"
send Enter
wait_for "snoozed"
screen_has "snooze +tester +Snoozed until 2026-12-01" "a snooze is journaled as a snooze"
send f && type "snooze" && send Enter
screen_has "History \(1\), only snooze" "and the history filter knows the type"
type ":q" && send Enter
wait_exit
tm kill-server

# relancerc's time-zone, read at start, wins over TZ
mkdir -p "$HOME/.config/relance"
echo "set time-zone = America/New_York" > "$HOME/.config/relance/relancerc"
screen_start 80 24 TZ=Europe/Brussels -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q1" && send Enter
wait_for "relance: account Q1"
screen_has "2026-11-20 09:05 call" "relancerc's time-zone wins over TZ"
send Tab G Enter
screen_has "when +2026-11-20 09:05 \(America/New_York; stored 14:05 UTC\)" "and the entry says which zone"
type ":q" && send Enter
wait_exit
done_testing
