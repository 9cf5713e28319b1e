#!/bin/sh
# readonly.t — what relance says when a book cannot be opened (no book, a
# directory, a text file, another SQLite database, a book held locked), and
# a book that cannot be written (its mode, its directory, an immutable mark,
# a read-only mount): it is read as it is (lists, show, queue, check), and
# every command that writes fails at once with "BOOK is read-only (why):
# nothing was changed", exit 1, the book unchanged; and a full disk. The
# permission cases need a user the modes apply to: as root they run as
# nobody (setpriv), and chattr, a read-only bind mount and a small tmpfs
# are tried too (each skipped where it cannot be had).
. "$(dirname "$0")/../lib/tap.sh"
skip() { _n=$((_n + 1)); echo "ok $_n # skip $1"; }

B="$T/book.db"
"$R" -d "$B" demo --accounts 20 >/dev/null
"$R" -d "$B" promise add C000001 --date +3 --amount 10 >/dev/null

# --- messages at open ---------------------------------------------------------
mkdir "$T/dir.db"
out=$("$R" -d "$T/dir.db" accounts 2>&1)
is "$?:$out" "1:relance: $T/dir.db is a directory, not a book" "a directory is named as one"
echo hello > "$T/text.db"
out=$("$R" -d "$T/text.db" accounts 2>&1)
is "$out" "relance: $T/text.db is not a relance book: it is not an SQLite database at all" \
   "a text file: not a database at all"
out=$("$R" -d "$T/text.db/x.db" accounts 2>&1)
is "$out" "relance: cannot open the book $T/text.db/x.db: Not a directory" \
   "a path through a file says what is wrong with it, not 'no book'"
sqlite3 "$T/other.db" "CREATE TABLE t(x)"
like "$("$R" -d "$T/other.db" accounts 2>&1)" "other.db is an SQLite database but not a relance book" \
     "another SQLite database"

# a book another program holds locked: reads wait (RELANCE_BUSY_SECONDS,
# 60 unless set), then say so
(echo "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM sqlite_schema;"; sleep 8) |
	sqlite3 "$B" >/dev/null &
sleep 1
out=$(RELANCE_BUSY_SECONDS=5 "$R" -d "$B" accounts 2>&1)
is "$?" 1 "a book held locked: exit 1"
like "$out" "book.db is busy: another program has kept it locked for more than 5 seconds; nothing was changed" \
     "and it says the book is busy, not that it is no book"
wait
# a writer in WAL mode: reads go on, a write waits, then says so
before=$(sqlite3 "$B" "SELECT count(*) FROM activities")
(echo "BEGIN IMMEDIATE; INSERT INTO book_meta(key, value) VALUES ('test:lock', 'x');"; sleep 8; echo "ROLLBACK;") |
	sqlite3 "$B" >/dev/null &
sleep 1
ok "while another program writes, reading works" "$R" -d "$B" accounts
out=$(RELANCE_BUSY_SECONDS=5 "$R" -d "$B" note C000001 "waiting" 2>&1)
is "$?" 1 "a write that cannot get the book: exit 1"
like "$out" "book.db is busy: another program has kept it locked for more than 5 seconds; nothing was changed" \
     "and it says the book is busy"
wait
is "$(sqlite3 "$B" "SELECT count(*) FROM activities")" "$before" "nothing was written"

# --- read-only books ----------------------------------------------------------
# probe.sh BOOK OUT: the reading and writing commands, each one's output
# and exit status in OUT
cat > "$T/probe.sh" <<SH
#!/bin/sh
B=\$1 O=\$2
run() { name=\$1; shift; "$R" -d "\$B" "\$@" >"\$O/\$name" 2>&1; echo \$? >"\$O/\$name.rc"; }
run accounts accounts
run show show C000001
run queue queue --all
run promises promises
run history history C000001
run find find Leroy
run check check
run export export promises
run note note C000001 "never written"
run promise promise add C000001 --date +3
run import import customers "$DATA/customers.csv"
run rules rules --promise-grace-days 5
SH
chmod 755 "$T/probe.sh"
chmod 711 "$T"

# readonly_checks CASE LABEL WHY: what the probe found in $T/out-CASE
readonly_checks() {
	c=$2 why=$3 O="$T/out-$1"
	reads=""
	for r in accounts show queue promises history find check export; do
		reads="$reads $r=$(cat "$O/$r.rc")"
	done
	is "$reads" " accounts=0 show=0 queue=0 promises=0 history=0 find=0 check=0 export=0" \
	   "$c: reading commands work"
	like "$(cat "$O/accounts")" "^C000001 +Leroy SARL" "$c: the accounts are listed"
	like "$(cat "$O/promises")" " 10\\.00 .* open " "$c: and the promise made before"
	like "$(cat "$O/check")" "skip  cached account figures: the book is read-only" \
	     "$c: check says what it could not do"
	writes=""
	for w in note promise import rules; do
		writes="$writes $w=$(cat "$O/$w.rc")"
	done
	is "$writes" " note=1 promise=1 import=1 rules=1" "$c: writing commands exit 1"
	is "$(cat "$O/note")" "relance: $B is read-only ($why): nothing was changed" \
	   "$c: and say the book is read-only, and why"
	like "$(cat "$O/import")" "read-only \\($why\\): nothing was changed" "$c: import too, at once"
	is "$(sqlite3 "$B" "SELECT count(*) FROM activities")" "$before" "$c: nothing was written"
}

# as_user CMD...: CMD as a user the file modes apply to (nobody, when root)
W="$T/w"
mkdir "$W"
cp "$B" "$W/book.db"
B="$W/book.db"
as_user=yes
if [ "$(id -u)" = 0 ]; then
	if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
		chown -R 65534 "$W"
	else
		as_user=none
	fi
else
	as_user() { "$@"; }
fi

probe_as_user() { # CASE
	mkdir "$T/out-$1" && chmod 777 "$T/out-$1"
	as_user "$T/probe.sh" "$B" "$T/out-$1"
}

before=$(sqlite3 "$B" "SELECT count(*) FROM activities")
if [ "$as_user" = none ]; then
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18; do
		skip "root without setpriv: file modes do not apply to root"
	done
else
	# the file's mode
	chmod 0400 "$B"
	probe_as_user mode
	chmod 0600 "$B"
	readonly_checks mode "a 0400 file" "the file's permissions do not let you write it"
	ok "a 0400 file: written again once 0600 (the -wal and -shm made meanwhile are 0600)" \
	   as_user "$R" -d "$B" note C000001 "writable again" -q
	before=$(sqlite3 "$B" "SELECT count(*) FROM activities")
	# the directory's, where the journal goes; no -wal or -shm there yet
	rm -f "$B-wal" "$B-shm"
	chmod 0500 "$W"
	probe_as_user dir
	is "$(ls -A "$W")" "book.db" "a 0500 directory: nothing was made in it"
	chmod 0700 "$W"
	readonly_checks dir "a 0500 directory" "its directory $W cannot be written, and the book's journal goes there"
fi

# root: an immutable file and a read-only mount
if [ "$(id -u)" != 0 ]; then
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
		skip "not root: no chattr +i nor read-only bind mount"
	done
else
	if chattr +i "$B" 2>/dev/null; then
		mkdir "$T/out-immutable"
		"$T/probe.sh" "$B" "$T/out-immutable"
		chattr -i "$B"
		readonly_checks immutable "an immutable file (root)" "the file is marked immutable"
	else
		for i in 1 2 3 4 5 6 7 8; do skip "chattr +i is not available here"; done
	fi
	mkdir "$T/out-mount"
	if unshare -m sh -c "mount --bind -o ro '$W' '$W' && '$T/probe.sh' '$B' '$T/out-mount'" 2>/dev/null; then
		readonly_checks mount "a read-only mount (root)" "it is on a disk mounted read-only"
	else
		for i in 1 2 3 4 5 6 7 8; do skip "no read-only bind mount here (unshare -m)"; done
	fi
fi

# a full disk (root: a small tmpfs of its own)
F="$T/full"
mkdir "$F"
if [ "$(id -u)" = 0 ] && unshare -m sh -c "mount -t tmpfs -o size=700k none '$F' && cp '$T/book.db' '$F/' &&
	{ dd if=/dev/zero of='$F/fill' bs=1k 2>/dev/null; true; } &&
	'$R' -d '$F/book.db' note C000001 'no room' >'$T/full.out' 2>&1; echo \$? >'$T/full.rc'" 2>/dev/null &&
	[ -s "$T/full.rc" ]; then
	is "$(cat "$T/full.rc")" 1 "a full disk: exit 1"
	is "$(cat "$T/full.out")" "relance: cannot write $F/book.db: the disk is full" "and it says the disk is full"
else
	skip "a full disk needs root and a tmpfs of its own (unshare -m)"
	skip "a full disk needs root and a tmpfs of its own (unshare -m)"
fi
done_testing
