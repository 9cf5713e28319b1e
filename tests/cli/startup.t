#!/bin/sh
# startup.t — what a command loads before its first query: the program
# itself with SQLite, ncurses and Nettle linked in, and libqrencode; cairo, Pango
# and GMime (and the forty libraries they bring) only when a letter, a chart
# or an e-mail is made, from relance-media.so beside the program. Without
# that module the other commands work and a letter says what is missing.
. "$(dirname "$0")/../lib/tap.sh"

B="$T/book.db"
"$R" -d "$B" demo --accounts 5 >/dev/null

# the libraries the program asks for at start (ld.so prints them)
libs=$(LD_TRACE_LOADED_OBJECTS=1 "$R" | awk '{ print $1 }' | tr '\n' ' ')
unlike "$libs" "libcairo|libpango|libgmime|libharfbuzz|libfontconfig|libX11|libgpgme" \
	"a command starts without cairo, Pango, GMime or what they bring: $libs"
unlike "$libs" "libsqlite3|libncursesw|libtinfo|libnettle|libglib" "SQLite, ncurses and Nettle are linked in, GLib is the module's: none is loaded at each start"
# a command that reads the book opens nothing more
maps=$(LD_DEBUG=files "$R" -d "$B" show C000001 2>&1 >/dev/null | grep -c "file=.*libcairo")
is "$maps" 0 "relance show loads no drawing library"
maps=$(LD_DEBUG=files "$R" -d "$B" letter C000001 --step 2 -o "$T/l.pdf" 2>&1 >/dev/null |
	grep -Eo "file=[^ ]*relance-media.so" | head -1)
like "$maps" "relance-media.so" "a letter loads relance-media.so on its first page"
like "$(head -c 5 "$T/l.pdf")" "^%PDF-" "and writes its PDF"

# the program alone, in a folder without its module
mkdir "$T/alone"
cp "$R" "$T/alone/relance"
libdir=$("$T/alone/relance" -d "$B" letter C000001 --step 2 -o "$T/l2.pdf" 2>&1 |
	sed -n 's/.*; \(.*\)\/relance-media.so: not there.*/\1/p')
if [ -z "$libdir" ]; then
	_n=$((_n + 1)); echo "ok $_n # skip a relance-media.so is installed on this machine"
	_n=$((_n + 1)); echo "ok $_n # skip"
	_n=$((_n + 1)); echo "ok $_n # skip"
else
	out=$("$T/alone/relance" -d "$B" letter C000001 --step 2 -o "$T/l2.pdf" 2>&1)
	is "$?:$out" "1:relance: letter: letters, charts and e-mail need relance-media.so: $T/alone/relance-media.so: not there; $T/alone/../lib/relance/relance-media.so: not there; $libdir/relance-media.so: not there" \
		"without the module a letter fails naming each place it was looked for"
	is "$(ls "$T/l2.pdf" 2>&1 | grep -c 'No such')" 1 "and writes no file"
	like "$("$T/alone/relance" -d "$B" show C000001)" "C000001" "every other command works without it"
fi
# an installed tree, wherever it stands: PREFIX/bin/relance finds
# PREFIX/lib/relance/relance-media.so
mkdir -p "$T/prefix/bin" "$T/prefix/lib/relance"
cp "$R" "$T/prefix/bin/relance"
cp "$(dirname "$R")/relance-media.so" "$T/prefix/lib/relance/"
ok "an installed program finds its module in ../lib/relance" "$T/prefix/bin/relance" -d "$B" letter C000001 --step 2 -o "$T/l3.pdf"
done_testing
