#!/bin/sh
# hermetic.t — the tests run the same in any caller's shell: a hostile
# environment (a desktop's XDG_CONFIG_HOME with its own relancerc, an
# EDITOR, NO_COLOR, a far time zone, a French locale, a RELANCE_DB and a
# night-time RELANCE_CLOCK) reaches neither the harness nor relance.
. "$(dirname "$0")/../lib/tap.sh"

TOP=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$T/hostile/relance"
printf 'set company-name = Hostile\nset queue-sort = name\nbind queue x quit\n' > "$T/hostile/relance/relancerc"
hostile() {
	env XDG_CONFIG_HOME="$T/hostile" XDG_DATA_HOME="$T/hostile" EDITOR=false VISUAL=false NO_COLOR=1 \
	    TZ=Pacific/Kiritimati LANG=fr_BE.UTF-8 LC_TIME=fr_BE.UTF-8 LANGUAGE=fr RELANCE_DB="$T/hostile/x.db" \
	    RELANCE_CLOCK=23:30 RELANCE_TODAY=2031-01-01 "$@"
}

# what a test sees once the harness has run
seen=$(hostile sh -c '. "$1/tests/lib/hermetic.sh"; env' sh "$TOP" | LC_ALL=C sort)
unlike "$seen" '^(XDG_[A-Z_]*|EDITOR|VISUAL|NO_COLOR|LANGUAGE|RELANCE_DB|RELANCE_CLOCK|LC_TIME)=' \
	"the caller's XDG_*, EDITOR, VISUAL, NO_COLOR, LANGUAGE, RELANCE_DB, RELANCE_CLOCK and LC_* are gone"
like "$seen" '^TZ=UTC$' "the time zone is UTC"
like "$seen" '^LC_ALL=C\.UTF-8$' "the locale is C.UTF-8"
like "$seen" '^RELANCE_TODAY=2026-11-24$' "the date is the tests' own"
home=$(hostile sh "$TOP/tests/lib/hermetic.sh" --run sh -c 'echo "$HOME"; test -d "$HOME" && ! ls -A "$HOME" | grep -q .')
is "$?" 0 "make check's wrapper gives an empty HOME of its own"
ok "and removes it after" test ! -e "$home"

# a test that reads the configuration passes all the same
out=$(hostile sh "$TOP/tests/cli/config.t" 2>&1)
is "$?" 0 "config.t passes in the hostile environment"
unlike "$out" '^not ok' "every one of its tests"
ok "the caller's book was never touched" test ! -e "$T/hostile/x.db"

done_testing
