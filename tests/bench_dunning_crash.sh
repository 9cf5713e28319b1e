#!/bin/sh
# bench_dunning_crash.sh — the long crash test of `relance dunning run`
# (make bench; tests/cli/dunning_crash.t is the short one): on a demo book
# whose every step is an e-mail, runs killed with kill -9 (the run and its
# sendmail together) or stopped with SIGTERM at random moments, again and
# again, until the reminders due have all gone or the time is up. After
# each kill: PRAGMA integrity_check, `relance check`, every e-mail the fake
# sendmail logged is journaled or pending (at most one), none logged
# twice; what a kill left pending is resolved as a person would (--sent
# when the log has it, else --retry). At the end a last run, and every
# e-mail due has gone exactly once. Exits 1 on the first broken rule.
# Usage: bench_dunning_crash.sh RELANCE [ACCOUNTS] [SECONDS]
set -u
R=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
N=${2:-150}
SECS=${3:-30}
W=${BENCH_DIR:-build/bench}/dunning-crash
export RELANCE_TODAY=2026-11-24
rm -rf "$W"
mkdir -p "$W/config/relance"
W=$(cd "$W" && pwd)
export XDG_CONFIG_HOME="$W/config"
now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
fail() { echo "  FAIL: $*"; exit 1; }

{ printf '#!/bin/sh\nW=%s\n' "$W"; cat <<'SH'; } > "$W/sendmail"
exec 9>> "$W/lock"
flock 9
msg=$(cat)
to=$(printf '%s\n' "$msg" | sed -n 's/^To: .*<\(.*\)>.*/\1/p' | head -1)
sum=$(printf '%s\n' "$msg" | sed '1,/^\r*$/d' | md5sum | cut -c1-32)
echo "$to $sum" >> "$W/log"
SH
chmod +x "$W/sendmail"
cat > "$W/config/relance/relancerc" <<RC
set company-name = "Bench SA"
set company-email = "credit@bench.example"
set company-iban = "BE71 0961 2345 6769"
set sendmail = "$W/sendmail"
set letters-dir = "$W/letters"
RC
B="$W/book.db"
"$R" -d "$B" demo --accounts "$N" >/dev/null || fail "no demo book"
"$R" -d "$B" procedures export | sed -E 's/^step ([-0-9]+) [a-z]+ /step \1 email /' > "$W/email.proc"
"$R" -d "$B" procedures import "$W/email.proc" >/dev/null 2>&1 || fail "procedures import"
before=$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE type = 'email' AND detail LIKE '{\"dunning\":%'")
want=$("$R" -d "$B" dunning run --dry-run --format tsv --quiet | awk -F'\t' 'NR > 1 && $4 == "email"' | cut -f1,3 |
	sort -u | wc -l)
: > "$W/log"

journaled() { echo $(($(sqlite3 "$B" "SELECT count(*) FROM activities WHERE type = 'email'
	AND detail LIKE '{\"dunning\":%'") - before)); }
pending() { sqlite3 "$B" "SELECT count(*) FROM dunning_pending"; }
logged() { wc -l < "$W/log" | tr -d ' '; }
holds() {
	[ "$(sqlite3 "$B" 'PRAGMA integrity_check')" = ok ] || fail "$1: integrity_check"
	"$R" -d "$B" check > "$W/check.out" 2>&1 || { cat "$W/check.out"; fail "$1: relance check"; }
	j=$(journaled) p=$(pending) l=$(logged)
	[ "$l" -ge "$j" ] && [ "$l" -le $((j + p)) ] && [ "$p" -le 1 ] ||
		fail "$1: $l e-mails logged, $j journaled, $p pending"
	[ "$(sort "$W/log" | uniq -d | wc -l)" -eq 0 ] || fail "$1: an e-mail went twice"
}

kills=0 terms=0 sent=0 retried=0 i=0
t0=$(now)
while [ "$(calc "$(now) - $t0 < $SECS")" = 1 ] && [ "$(logged)" -lt "$want" ]; do
	i=$((i + 1))
	rm -f "$W/group"
	setsid -w sh -c "echo \$\$ > '$W/group'; exec '$R' -d '$B' dunning run" > /dev/null 2>&1 &
	pid=$!
	n=0
	while [ ! -s "$W/group" ] && [ $n -lt 500 ]; do sleep 0.01; n=$((n + 1)); done
	sleep "$(awk -v s="$$$i" 'BEGIN { srand(s); printf "%.2f", 0.1 + rand() * 1.5 }')"
	if [ $((i % 4)) -eq 0 ]; then
		kill -TERM "$(cat "$W/group")" 2>/dev/null && terms=$((terms + 1))
		wait $pid
		rc=$?
		[ "$rc" -eq 143 ] || [ "$rc" -eq 0 ] || fail "SIGTERM #$i: exit status $rc"
		[ "$(pending)" -eq 0 ] || fail "SIGTERM #$i: a message left pending"
	else
		kill -9 -"$(cat "$W/group")" 2>/dev/null && kills=$((kills + 1))
		wait $pid 2>/dev/null
	fi
	flock "$W/lock" true
	holds "stop #$i"
	if [ "$(pending)" -gt 0 ]; then
		if [ "$(logged)" -gt "$(journaled)" ]; then
			"$R" -d "$B" dunning pending --sent --all >/dev/null && sent=$((sent + 1))
		else
			"$R" -d "$B" dunning pending --retry --all >/dev/null && retried=$((retried + 1))
		fi
	fi
done
t1=$(now)
"$R" -d "$B" dunning run > /dev/null 2>&1
holds "the last run"
[ "$(logged)" -eq "$want" ] || fail "$(logged) e-mails went, $want were due"
echo
echo "dunning run killed at random ($N accounts, $want e-mails due)"
printf '  %d kill -9 and %d SIGTERM in %.1f s; pending left: %d had gone (--sent), %d had not (--retry)\n' \
	"$kills" "$terms" "$(calc "$t1 - $t0")" "$sent" "$retried"
printf '  %d e-mails sent, each once; integrity_check, relance check, journal = log after every stop\n' "$(logged)"
