# tap.sh — TAP helpers for the command-line tests, sourced by tests/cli/*.t.
# Gives: ok, is, like, unlike, done_testing; $R (the relance binary under
# test), $T (a fresh temporary directory, removed at exit), $DATA (tests/data)
# and a pinned date (RELANCE_TODAY=2026-11-24), in an environment of its own.
set -u
R=${RELANCE:-$(cd "$(dirname "$0")/../.." && pwd)/relance}
DATA=${TESTS_DATA:-$(cd "$(dirname "$0")/../data" && pwd)}
T=$(mktemp -d "${TMPDIR:-/tmp}/relance-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/../lib/hermetic.sh"
export HOME="$T/home"
mkdir -p "$HOME"
# the schema version this tree builds: data/schema.sql plus each migration
SCHEMA=$((1 + $(ls "$(dirname "$0")/../../data/migrations/"*.sql 2>/dev/null | wc -l)))
_n=0
_failed=0

_result() { # pass name [diagnostics]
	_n=$((_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_failed=$((_failed + 1))
		[ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'
	fi
}

# ok NAME COMMAND...: passes when the command exits 0
ok() {
	name=$1
	shift
	out=$("$@" 2>&1)
	_result $? "$name" "$out"
}

# fails NAME COMMAND...: passes when the command exits non-zero
fails() {
	name=$1
	shift
	out=$("$@" 2>&1)
	[ $? -ne 0 ]
	_result $? "$name" "$out"
}

# is GOT WANT NAME
is() {
	[ "$1" = "$2" ]
	_result $? "$3" "got:
$1
expected:
$2"
}

# like GOT EXTENDED-REGEX NAME
like() {
	printf '%s\n' "$1" | grep -Eq -- "$2"
	_result $? "$3" "got:
$1
expected to match: $2"
}

# unlike GOT EXTENDED-REGEX NAME
unlike() {
	! printf '%s\n' "$1" | grep -Eq -- "$2"
	_result $? "$3" "got:
$1
expected not to match: $2"
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" = 0 ]
}

# The ledger and work tables, dumped in a stable order: what "the book did
# not change" means (import_runs, a log of imports, is left out).
book_dump() {
	for t in customers invoices payments collectors activities promises tasks disputes; do
		sqlite3 "$1" "SELECT * FROM $t ORDER BY 1" | sed "s/^/$t: /"
	done
}
