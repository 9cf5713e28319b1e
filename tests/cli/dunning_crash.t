#!/bin/sh
# dunning_crash.t — a dunning run stopped midway never sends a message
# twice: SIGTERM, SIGHUP (and SIGINT, which also reaches sendmail) finish
# the message being sent, journal it and stop with 143, 129 (130); kill -9 before or
# after sendmail took the message leaves it pending, and the next run does
# not send it again but says so; `dunning pending` lists it, --sent
# journals it, --retry lets the next run send it. The kills come from a
# fake sendmail at the Nth message (deterministic), then from the test at
# random moments, each followed by checks that hold wherever it lands:
# integrity, `relance check`, every message logged is journaled or
# pending, none twice.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"

dunning_book "$T/clean.db" || { echo "Bail out! cannot build the book"; exit 1; }
fresh() { sqlite3 "$T/clean.db" ".backup '$1'"; }
B="$T/book.db"
fresh "$B"
dunning_config
# a sendmail that logs each message (To and its body's sum) and, at the
# Nth of $T/action, does to the run what the action says
{ printf '#!/bin/sh\nT=%s\n' "$T"; cat <<'SH'; } > "$T/logmail"
exec 9>> "$T/lock"
flock 9
msg=$(cat)
to=$(printf '%s\n' "$msg" | sed -n 's/^To: .*<\(.*\)>.*/\1/p' | head -1)
sum=$(printf '%s\n' "$msg" | sed '1,/^\r*$/d' | md5sum | cut -c1-32)
n=$(($(cat "$T/count" 2>/dev/null || echo 0) + 1))
echo "$n" > "$T/count"
k=0 action=
[ -f "$T/action" ] && read -r k action < "$T/action"
if [ "$n" = "$k" ]; then
	case $action in
	term) kill -TERM "$(cat "$T/pid")" ;;
	hup) kill -HUP "$(cat "$T/pid")" ;;
	int) kill -INT "$(cat "$T/pid")"; kill -INT $$; exit 1 ;; # Ctrl-C reaches both
	lost) kill -9 "$(cat "$T/pid")"; exit 0 ;;                 # killed before it went
	gone) echo "$to $sum" >> "$T/log"; kill -9 "$(cat "$T/pid")"; exit 0 ;; # after
	esac
fi
echo "$to $sum" >> "$T/log"
SH
chmod +x "$T/logmail"
sed -i "s|^set sendmail = .*|set sendmail = \"$T/logmail\"|" "$HOME/.config/relance/relancerc"
: > "$T/log"

# run [BOOK]: a real run whose pid the fake sendmail knows; its status in $rc
run() {
	sh -c "echo \$\$ > '$T/pid'; exec '$R' -d '${1:-$B}' dunning run" > "$T/out" 2> "$T/err"
	rc=$?
	flock "$T/lock" true # a sendmail the kill left behind has finished
}
# the e-mails the runs journaled (a demo book's history has some before)
sent_before() { sqlite3 "$1" "SELECT count(*) FROM activities WHERE type = 'email' AND detail LIKE '{\"dunning\":%'"; }
journaled() { echo $(($(sent_before "${1:-$B}") - $(cat "${1:-$B}.before" 2>/dev/null || echo 0))); }
pending() { sqlite3 "${1:-$B}" "SELECT count(*) FROM dunning_pending"; }
logged() { wc -l < "$T/log" | tr -d ' '; }
twice() { sort "$T/log" | uniq -d | wc -l | tr -d ' '; }
# what holds wherever a kill lands: $1 names the case
holds() {
	is "$(sqlite3 "${2:-$B}" 'PRAGMA integrity_check')" ok "$1: the file is sound"
	ok "$1: relance check" "$R" -d "${2:-$B}" check
	j=$(journaled "${2:-}") p=$(pending "${2:-}") l=$(logged)
	[ "$l" -ge "$j" ] && [ "$l" -le $((j + p)) ] && [ "$p" -le 1 ]
	_result $? "$1: every e-mail given to sendmail is journaled or pending ($l logged, $j journaled, $p pending)"
	is "$(twice)" 0 "$1: no e-mail went twice"
}
at() { rm -f "$T/count"; echo "$1 $2" > "$T/action"; }

# 4 e-mails are due (B1 twice, C1, R1) and one letter (B2)
# --- SIGTERM at the 2nd: it is finished and journaled, the run stops -----------
at 2 term
run
is "$rc" 143 "SIGTERM: exit status 143"
like "$(cat "$T/err")" "stopped by SIGTERM after 2 messages sent; 7 of 8 accounts not gone through: run it again" \
	"it says how many went and how many accounts are left"
is "$(logged) $(journaled) $(pending)" "2 2 0" "the message being sent when it came went, and is journaled"
holds "SIGTERM"
at 0 none
run
is "$rc" 0 "the next run sends the rest"
is "$(logged) $(journaled) $(pending)" "4 4 0" "each e-mail once"
holds "after SIGTERM"

# --- kill -9 after sendmail took it: pending, not sent again, --sent ----------
fresh "$T/b2.db"
: > "$T/log"
at 3 gone
run "$T/b2.db"
is "$rc" 137 "kill -9 while the 3rd is handed over"
is "$(logged) $(journaled "$T/b2.db") $(pending "$T/b2.db")" "3 2 1" "it went but is not journaled: it is pending"
holds "kill -9 after the hand-over" "$T/b2.db"
at 0 none
run "$T/b2.db"
is "$rc" 1 "the next run exits 1"
like "$(cat "$T/err")" "warning: dunning: [A-Z0-9]+ step [0-9] \\(email to [^)]*\\) was on its way when a run was stopped .*not sent again until resolved \\(relance dunning pending\\)" \
	"it says which message it does not send again"
like "$(cat "$T/err")" "1 pending, outcome unknown" "and counts it"
is "$(logged) $(journaled "$T/b2.db") $(pending "$T/b2.db")" "4 3 1" "the rest went, the pending one not again"
holds "the run after" "$T/b2.db"
acct=$(sqlite3 "$T/b2.db" "SELECT account_no FROM dunning_pending")
out=$("$R" -d "$T/b2.db" dunning pending --format tsv)
like "$out" "^account_no	step	channel	recipient	since	state	file
$acct	[0-9]	email	[^	]+@[^	]+	2[0-9-]+T[0-9:.]+Z	unknown	\$" "dunning pending lists it: account, step, channel, recipient, since when"
like "$("$R" -d "$T/b2.db" dunning pending)" "--sent ACCOUNT\\|--all .*--retry" "and says how to resolve it"
like "$("$R" -d "$T/b2.db" dunning status "$acct" --format tsv | cut -f7)" "pending" \
	"dunning status says its invoices are pending, not waiting"
said=$(sqlite3 "$T/b2.db" "SELECT account_no || ' step ' || step || ' (email to ' || recipient || '): journaled as sent' FROM dunning_pending")
is "$("$R" -d "$T/b2.db" dunning pending --sent "$acct")" "$said" "--sent ACCOUNT journals it"
is "$(logged) $(journaled "$T/b2.db") $(pending "$T/b2.db")" "4 4 0" "now each e-mail sent is journaled once"
run "$T/b2.db"
is "$rc $(logged)" "0 4" "the next run sends nothing more"
holds "resolved as sent" "$T/b2.db"

# --- kill -9 before it went: pending, --retry sends it again -----------------
fresh "$T/b3.db"
: > "$T/log"
at 1 lost
run "$T/b3.db"
is "$rc $(logged) $(journaled "$T/b3.db") $(pending "$T/b3.db")" "137 0 0 1" "kill -9 before sendmail took it: pending"
at 0 none
run "$T/b3.db"
is "$(logged) $(journaled "$T/b3.db") $(pending "$T/b3.db")" "3 3 1" "the next run does not send it"
like "$("$R" -d "$T/b3.db" dunning pending --retry --all)" "^B1 step 1 \\(email to compta@alpha.example\\): forgotten: the next run sends it again\$" "--retry --all"
run "$T/b3.db"
is "$rc $(logged) $(journaled "$T/b3.db") $(pending "$T/b3.db")" "0 4 4 0" "and the next run sends it"
holds "resolved by retrying" "$T/b3.db"

# --- Ctrl-C: SIGINT to the run and to sendmail: it may have gone, pending ----
fresh "$T/b4.db"
: > "$T/log"
at 2 int
run "$T/b4.db"
is "$rc" 130 "SIGINT: exit status 130"
like "$(cat "$T/err")" "step [0-9] \\(email\\): (killed by signal 2|exited with status 130).* while interrupted: it may have gone, it stays pending" \
	"sendmail killed by the same Ctrl-C: outcome unknown, pending"
is "$(logged) $(journaled "$T/b4.db") $(pending "$T/b4.db")" "1 1 1" "the first went, the second pending, no third"
holds "SIGINT" "$T/b4.db"

# --- SIGHUP (the terminal went away): as SIGTERM ------------------------------
fresh "$T/b5.db"
: > "$T/log"
at 1 hup
run "$T/b5.db"
is "$rc $(logged) $(journaled "$T/b5.db") $(pending "$T/b5.db")" "129 1 1 0" "SIGHUP: the message finished, journaled, exit 129"
like "$(cat "$T/err")" "stopped by SIGHUP after 1 message sent" "and it says so"

# --- a hand-over that fails is not pending: the next run tries again ----------
fresh "$T/b6.db"
: > "$T/log"
rm -f "$T/action"
sed -i "s|^set sendmail = .*|set sendmail = \"exit 75\"|" "$HOME/.config/relance/relancerc"
run "$T/b6.db"
is "$rc $(journaled "$T/b6.db") $(pending "$T/b6.db")" "1 0 0" "sendmail fails: exit 1, nothing journaled, nothing pending"
sed -i "s|^set sendmail = .*|set sendmail = \"$T/logmail\"|" "$HOME/.config/relance/relancerc"
run "$T/b6.db"
is "$rc $(logged) $(journaled "$T/b6.db")" "0 4 4" "the next run sends them"

# --- usage ------------------------------------------------------------------
"$R" -d "$B" dunning pending --sent 2>"$T/e"
is "$? $(cat "$T/e")" "2 relance: dunning pending: --sent: give an account or --all" "--sent wants an account or --all"
is "$("$R" -d "$B" dunning pending --retry B1)" "nothing pending for B1" "nothing to resolve: says so"

# --- kill -9 at random moments of runs on a demo book --------------------------
# the run and its sendmail killed together (their own process group): an
# e-mail is in the log or not once the kill is over, and the test knows
# whether the pending one went
D="$T/demo.db"
"$R" -d "$D" demo --accounts 30 --seed 5 >/dev/null
# every step an e-mail: many quick messages for the kills to land among
"$R" -d "$D" procedures export | sed -E 's/^step ([-0-9]+) [a-z]+ /step \1 email /' > "$T/email.proc"
"$R" -d "$D" procedures import "$T/email.proc" >/dev/null 2>&1
sent_before "$D" > "$D.before"
want=$("$R" -d "$D" dunning run --dry-run --format tsv --quiet | awk -F'\t' 'NR > 1 && $4 == "email"' | cut -f1,3 | sort -u | wc -l)
: > "$T/log"
rm -f "$T/action"
i=0
while [ $i -lt 3 ]; do
	i=$((i + 1))
	rm -f "$T/group"
	setsid -w sh -c "echo \$\$ > '$T/group'; exec '$R' -d '$D' dunning run" > /dev/null 2>&1 &
	pid=$!
	n=0
	while [ ! -s "$T/group" ] && [ $n -lt 500 ]; do sleep 0.01; n=$((n + 1)); done
	sleep "$(awk -v s="$$$i" 'BEGIN { srand(s); printf "%.2f", rand() * 0.5 }')"
	kill -9 -"$(cat "$T/group")" 2>/dev/null # dash: no "--"
	wait $pid 2>/dev/null
	flock "$T/lock" true
	holds "random kill -9 #$i" "$D"
	# a person resolves what it left: sent when sendmail has it
	if [ "$(pending "$D")" -gt 0 ]; then
		if [ "$(logged)" -gt "$(journaled "$D")" ]; then
			"$R" -d "$D" dunning pending --sent --all >/dev/null
		else
			"$R" -d "$D" dunning pending --retry --all >/dev/null
		fi
	fi
done
"$R" -d "$D" dunning run > /dev/null 2>&1
holds "after the random kills, a last run" "$D"
is "$(logged)" "$want" "every e-mail due went, once ($want)"
done_testing
