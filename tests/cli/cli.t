#!/bin/sh
# cli.t — the command line itself: --help, --version, per-command help,
# usage errors (exit 2), and that the man page documents every command and
# every option the help lists.
. "$(dirname "$0")/../lib/tap.sh"
MAN=$(cd "$(dirname "$0")/../../man" && pwd)/relance.1

out=$("$R" --help)
is "$?" 0 "--help exits 0"
like "$out" "^usage: relance" "--help prints usage"
commands=$(printf '%s\n' "$out" | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 {print $1}')
like "$commands" "import" "the help lists commands"
like "$("$R" --version)" "^relance [0-9]+\.[0-9]+\.[0-9]+ \(SQLite [0-9.]+, book schema $SCHEMA\)$" "--version"
"$R" >/dev/null 2>&1
is "$?" 2 "no command: exit 2"
"$R" frobnicate >/dev/null 2>&1
is "$?" 2 "unknown command: exit 2"
out=$("$R" -d "$T/none.db" promise add Q1 --note 2>&1)
like "$?:$out" "^2:relance: promise: --note needs a value$" "an option that ends the line without its value: a usage error, not a crash"
out=$("$R" -d "$T/none.db" tasks --due 2>&1)
like "$?:$out" "^2:relance: tasks: --due needs a value$" "(another command, the same)"
out=$("$R" --today 2026-02-30 accounts 2>&1)
like "$out" "--today 2026-02-30 is not a date" "a bad --today is refused"
out=$(RELANCE_TODAY=yesterday "$R" accounts 2>&1)
like "$out" "RELANCE_TODAY=yesterday is not a date" "a bad RELANCE_TODAY is refused"

man_text=$(cat "$MAN")
# man_has OPTION: the page names it, written \-\-opt (roff) or --opt
man_has() {
	printf '%s\n' "$man_text" | grep -qF -- "$(printf '%s' "$1" | sed 's/-/\\-/g')" ||
		printf '%s\n' "$man_text" | grep -qF -- "$1"
}
for c in $commands; do
	[ "$c" = help ] && continue
	help=$("$R" "$c" --help)
	is "$?" 0 "relance $c --help exits 0"
	like "$help" "^usage: relance .*$c" "relance $c --help shows its usage"
	is "$("$R" help "$c")" "$help" "relance help $c says the same"
	printf '%s\n' "$man_text" | grep -Eq "^\.SS \"?$c\b"
	_result $? "the man page has a section for $c"
	for opt in $(printf '%s\n' "$help" | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
		man_has "$opt"
		_result $? "the man page documents $c $opt"
	done
done
for opt in $(printf '%s\n' "$out" "$("$R" --help)" | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
	man_has "$opt"
	_result $? "the man page documents $opt"
done
done_testing
