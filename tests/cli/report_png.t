#!/bin/sh
# report_png.t — `relance report aging --png FILE` on a small book (its
# aging known by hand: tests/lib/queue_book.sh): the file is a PNG (its
# magic bytes, an IHDR of 1200x675 pixels), of a plausible size for a
# chart with text, private (0600); a path that cannot be written fails
# with a message naming it and leaves nothing behind.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }

ok "--png writes the chart" "$R" -d "$B" report aging --png "$T/aging.png"
is "$(od -An -tx1 -N8 "$T/aging.png" | tr -d ' \n')" "89504e470d0a1a0a" "the file begins with PNG's signature"
is "$(od -An -c -j12 -N4 "$T/aging.png" | tr -d ' \n')" "IHDR" "then its IHDR chunk"
# width and height: two big-endian 32-bit numbers after "IHDR"
dims=$(od -An -tu1 -j16 -N8 "$T/aging.png" | awk '{ print $1*16777216 + $2*65536 + $3*256 + $4 "x" $5*16777216 + $6*65536 + $7*256 + $8 }')
is "$dims" "1200x675" "the chart is 1200x675 pixels"
size=$(wc -c < "$T/aging.png")
# (a blank image of that size compresses to about 3 KB: the chart has ink)
ok "its size is plausible for a chart with its text (5 KB to 1 MB: $size bytes)" test "$size" -gt 5000 -a "$size" -lt 1000000
is "$(stat -c %a "$T/aging.png")" "600" "the file is the owner's only (it names debtors' figures)"
"$R" -d "$B" report aging --png "$T/again.png" >/dev/null 2>&1
ok "the same report draws the same chart" cmp -s "$T/aging.png" "$T/again.png"

out=$("$R" -d "$B" report aging --png "$T/no-such-dir/aging.png" 2>&1)
is "$?" "1" "an unwritable path fails"
like "$out" "report: $T/no-such-dir/aging.png: cannot" "the message names the file"
is "$(ls "$T" | grep -c no-such-dir)" "0" "nothing is left behind"
done_testing
