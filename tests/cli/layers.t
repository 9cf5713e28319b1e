#!/bin/sh
# layers.t — src/tools/layers.sh keeps the libraries in their order: it
# passes on this tree, and on a copy of it with one rule broken it fails,
# naming the file and the line.
. "$(dirname "$0")/../lib/tap.sh"

TOP=$(cd "$(dirname "$0")/../.." && pwd)
CHECK="$TOP/src/tools/layers.sh"

out=$(sh "$CHECK" "$TOP" 2>&1)
is "$?" 0 "this tree keeps the order of its libraries"
is "$out" "" "and the check says nothing"

# fresh: a copy of src/ and ui/ in $T/tree
fresh() {
	rm -rf "$T/tree"
	mkdir -p "$T/tree"
	cp -R "$TOP/src" "$TOP/ui" "$T/tree/"
}
# plant FILE LINE: appends LINE to FILE (in the copy); its number in $at
plant() {
	printf '%s\n' "$2" >> "$T/tree/$1"
	at=$(wc -l < "$T/tree/$1" | tr -d ' ')
}
# refused NAME WANT: the check fails, and its message matches WANT
refused() {
	out=$(sh "$CHECK" "$T/tree" 2>&1)
	rc=$?
	[ "$rc" = 1 ]
	_result $? "$1: refused" "exit $rc: $out"
	like "$out" "$2" "$1: said with file and line"
}

fresh
plant src/book/journal.c '#include "work/lib.h"'
refused "book uses work, which stands above it" \
	"^src/book/journal\\.c:$at: includes \"work/lib\\.h\": work stands above book"

fresh
plant src/ledger/import.c '#include "dunning/lib.h"'
refused "ledger uses dunning, beside it" \
	"^src/ledger/import\\.c:$at: includes \"dunning/lib\\.h\": ledger and dunning stand beside each other"

fresh
plant src/cli/cmd_work.c '#include "base/money.h"'
refused "a private header of another library" \
	"^src/cli/cmd_work\\.c:$at: includes \"base/money\\.h\", a private header of base: use \"base/lib\\.h\""

fresh
plant src/work/call.c '#include "../book/book.h"'
refused "a path out of the folder" "^src/work/call\\.c:$at: includes \"\\.\\./book/book\\.h\""

fresh
plant src/work/queue.c '#include "ledger.h"'
refused "a header of another folder by its bare name" \
	"^src/work/queue\\.c:$at: includes \"ledger\\.h\", which is not a file of work"

fresh
plant src/base/utf8.c '#include <curses.h>'
refused "src/ includes ncurses" "^src/base/utf8\\.c:$at: includes <curses\\.h>: src/ never includes ncurses"

fresh
plant ui/view_queue.c '#include <sqlite3.h>'
refused "ui/ includes sqlite3.h" "^ui/view_queue\\.c:$at: includes <sqlite3\\.h>: ui/ never uses SQLite"

fresh
plant ui/view_queue.c 'static void f(sqlite3 *db) { sqlite3_exec(db, "", 0, 0, 0); }'
refused "ui/ calls SQLite" "^ui/view_queue\\.c:$at: calls SQLite"

fresh
plant ui/view_queue.c 'static void g(struct app *a) { db_exec(a->book->db, "VACUUM"); }'
refused "ui/ calls the book's SQL helpers" "^ui/view_queue\\.c:$at: calls SQLite or the book's SQL helpers"

fresh
plant ui/view_queue.c 'static const char *q = "SELECT name FROM customers";'
refused "ui/ writes SQL" "^ui/view_queue\\.c:$at: writes SQL"

fresh
plant ui/view_queue.c '/* a comment may name sqlite3_exec() and "SELECT x FROM y" */'
out=$(sh "$CHECK" "$T/tree" 2>&1)
is "$?:$out" "0:" "comments are not code: a comment naming SQL passes"

fresh
printf 'int stray;\n' > "$T/tree/src/stray.c"
refused "a file outside the libraries" "^src/stray\\.c:1: not in a library"

fresh
mkdir "$T/tree/src/reports"
printf '/* lib.h */\n' > "$T/tree/src/reports/lib.h"
refused "a folder not in the order" "^src/reports/lib\\.h:1: src/reports is not in the order of libraries"

fresh
rm "$T/tree/src/sync/lib.h"
refused "a library without lib.h" "^src/sync/lib\\.h:1: missing"

fresh
sed -i '1s/^/#include <stdio.h>\n/' "$T/tree/src/work/lib.h"
refused "a lib.h that does not begin with what it owns" "^src/work/lib\\.h:1: lib\\.h begins with a comment"

done_testing
