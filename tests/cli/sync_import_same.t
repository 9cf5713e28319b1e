#!/bin/sh
# sync_import_same.t — import changes writes what it wrote before it was
# made faster: books and change files made by the relance of 5c1075c
# (tests/data/sync_same/make.sh) imported again, every row of the book
# and every version compared with what that relance left (*.out). The
# office takes newer work and wins conflicts, bob keeps his (the file
# loses), a new copy takes everything new.
. "$(dirname "$0")/../lib/tap.sh"
D="$DATA/sync_same"
. "$D/state.sh"

# same NAME BOOK FILE...: BOOK (a fixture) takes the FILEs; then the
# report and the book are as the old relance left them
same() {
	name=$1 book=$2
	shift 2
	load "$D/$book.sql" "$T/$name.db"
	for f; do set -- "$@" "$D/$f"; shift; done
	{ "$R" -d "$T/$name.db" import changes "$@" 2>&1; state "$T/$name.db"; } | sed "s#$D/##" > "$T/$name.out"
	d=$(diff "$D/$name.out" "$T/$name.out")
	_result $? "$name: $*" "$d"
}

same office office a1.chg b1.chg
same bob bob a1.chg o2.chg
same empty empty o1.chg o2.chg b1.chg

done_testing
