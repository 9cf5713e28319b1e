# hermetic.sh — the environment the tests run in, the same on any machine:
# every variable relance reads is set or cleared, so that the caller's
# shell (a desktop's XDG_CONFIG_HOME, an EDITOR, NO_COLOR, a time zone, a
# language, a RELANCE_DB) changes nothing. Sourced by tap.sh; make check
# runs the whole suite in it: sh tests/lib/hermetic.sh --run COMMAND...
# (with a HOME of its own, removed after). RELANCE and TESTS_DATA name
# what is under test and are kept.
for _v in $(env | sed -n 's/^\(RELANCE_[A-Za-z0-9_]*\)=.*/\1/p; s/^\(LC_[A-Z_]*\)=.*/\1/p; s/^\(XDG_[A-Z_]*\)=.*/\1/p'); do
	unset "$_v"
done
# (the loop clears them all; by name, the ones relance reads)
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME EDITOR VISUAL NO_COLOR LANGUAGE
export RELANCE_TODAY=2026-11-24 RELANCE_USER=tester LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC USER=tester
if [ "${1:-}" = --run ]; then
	shift
	HOME=$(mktemp -d "${TMPDIR:-/tmp}/relance-home.XXXXXX") || exit 1
	export HOME
	"$@"
	_rc=$?
	rm -rf "$HOME"
	exit $_rc
fi
