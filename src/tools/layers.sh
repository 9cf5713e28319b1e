#!/bin/sh
# layers.sh — checks the house's layout (README.md, "Hacking"): src/ is
# libraries, one folder each, standing in the order below; each uses only
# those beneath it, and only through their lib.h. ui/ stands above every
# library of src/ but cli. Reads every #include of src/ and ui/ and fails
# with FILE:LINE for each rule broken.
#   src/tools/layers.sh [TOP]     TOP: the tree to check (default: .)
# The rules:
# - every C file of src/ is in a library folder, every folder of src/
#   (tools/ aside) is in the order, and every library has a lib.h that
#   begins with a comment;
# - #include "x.h" names a file of the same folder, or LIB/lib.h of a
#   library lower in the order (not beside it: libraries on one step of
#   the order never use each other); never another library's other headers;
# - src/ never includes ncurses; ui/ never includes sqlite3.h nor calls
#   SQLite or the book's SQL helpers, and writes no SQL.
set -u
top=${1:-.}
# Lowest first; libraries joined by + stand on one step.
ORDER="base book work bank ledger+dunning sync+report ui cli"

cd "$top" || exit 2
[ -d src ] && [ -d ui ] || { echo "layers: $top has no src/ and ui/" >&2; exit 2; }

# src/ holds library folders (and tools/) only
bad=0
for f in src/*; do
	[ -e "$f" ] || continue
	name=${f#src/}
	if [ ! -d "$f" ]; then
		echo "$f:1: not in a library: every file of src/ lives in a library's folder" >&2
		bad=1
		continue
	fi
	[ "$name" = tools ] && continue
	case " $(echo "$ORDER" | tr '+' ' ') " in
	*" $name "*) ;;
	*) echo "$f/lib.h:1: src/$name is not in the order of libraries (ORDER in src/tools/layers.sh)" >&2
	   bad=1 ;;
	esac
done
for lib in $(echo "$ORDER" | tr '+' ' '); do
	dir=src/$lib
	[ "$lib" = ui ] && dir=ui
	if [ ! -f "$dir/lib.h" ]; then
		echo "$dir/lib.h:1: missing: each library's public face is its lib.h" >&2
		bad=1
	elif ! head -n 1 "$dir/lib.h" | grep -q '^/\*'; then
		echo "$dir/lib.h:1: lib.h begins with a comment saying what the library owns" >&2
		bad=1
	fi
done

files=$(find src ui -path src/tools -prune -o \( -name '*.c' -o -name '*.h' \) -type f -print | LC_ALL=C sort)
[ -n "$files" ] || exit $bad
# shellcheck disable=SC2086
awk -v order="$ORDER" '
BEGIN {
	nsteps = split(order, steps, " ")
	for (i = 1; i <= nsteps; i++) {
		n = split(steps[i], libs, "+")
		for (j = 1; j <= n; j++)
			rank[libs[j]] = i
	}
	bad = 0
}
function fail(msg) {
	printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
	bad = 1
}
function exists(path,    line, r) {
	r = (getline line < path)
	close(path)
	return r >= 0
}
FNR == 1 {
	dir = FILENAME
	sub(/\/[^\/]*$/, "", dir)
	lib = dir
	sub(/^src\//, "", lib)
	incomment = 0
}
# what is inside comments is not code
{
	code = $0
	if (incomment) {
		if (index(code, "*/") == 0)
			next
		code = substr(code, index(code, "*/") + 2)
		incomment = 0
	}
	while (match(code, /\/\*/)) {
		rest = substr(code, RSTART + 2)
		if (index(rest, "*/") == 0) {
			code = substr(code, 1, RSTART - 1)
			incomment = 1
			break
		}
		code = substr(code, 1, RSTART - 1) " " substr(rest, index(rest, "*/") + 2)
	}
	sub(/\/\/.*$/, "", code)
}
code ~ /^[ \t]*#[ \t]*include[ \t]*"/ {
	inc = code
	sub(/^[ \t]*#[ \t]*include[ \t]*"/, "", inc)
	sub(/".*$/, "", inc)
	if (inc !~ /\//) {
		if (!exists(dir "/" inc))
			fail("includes \"" inc "\", which is not a file of " lib)
		next
	}
	other = inc
	sub(/\/.*$/, "", other)
	hdr = substr(inc, length(other) + 2)
	if (!(other in rank))
		fail("includes \"" inc "\": " lib " includes its own files and the lib.h of libraries below it")
	else if (hdr != "lib.h")
		fail("includes \"" inc "\", a private header of " other ": use \"" other "/lib.h\"")
	else if (other == lib)
		;
	else if (rank[other] == rank[lib])
		fail("includes \"" inc "\": " lib " and " other " stand beside each other and never use each other")
	else if (rank[other] > rank[lib])
		fail("includes \"" inc "\": " other " stands above " lib ", which may only use libraries below it")
	next
}
code ~ /^[ \t]*#[ \t]*include[ \t]*</ {
	inc = code
	sub(/^[ \t]*#[ \t]*include[ \t]*</, "", inc)
	sub(/>.*$/, "", inc)
	if (lib != "ui" && inc ~ /^(n?curses(w)?\.h|ncursesw?\/.*|term\.h|panel\.h|menu\.h|form\.h)$/)
		fail("includes <" inc ">: src/ never includes ncurses (the screens are ui/'"'"'s)")
	if (lib == "ui" && inc ~ /^sqlite3(ext)?\.h$/)
		fail("includes <" inc ">: ui/ never uses SQLite; it calls the libraries of src/")
	next
}
lib == "ui" && code ~ /(^|[^A-Za-z0-9_])(sqlite3_[a-z_0-9]+|db_[a-z_]+)[ \t]*\(/ {
	fail("calls SQLite or the book'"'"'s SQL helpers: ui/ asks the libraries of src/")
}
lib == "ui" && code ~ /"[^"]*(SELECT |INSERT INTO|UPDATE [A-Za-z_]+ SET|DELETE FROM|CREATE TABLE|PRAGMA )/ {
	fail("writes SQL: SQL lives in src/ only")
}
END { exit bad }
' $files || bad=1
exit $bad
