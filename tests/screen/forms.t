#!/bin/sh
# forms.t (screen) — a form's text field scrolls sideways with its cursor:
# a note longer than the field keeps its end and the cursor in sight while
# typed, the start hidden behind a mark on the left (< without UTF-8);
# Home and Right bring the start back and move the window along; a long
# text's length shows in the footer; a resize keeps it all; what is saved
# is the whole text; wide (CJK) characters and combining marks keep the
# cursor where the text is.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/q.db"
queue_book "$B"

# 150 characters: a start and an end that cannot be mistaken
MID=$(awk 'BEGIN { for (i = 0; i < 126; i++) printf "%c", 97 + i % 26 }')
NOTE="Alpha-begins:$MID:omega-ends"
FIELD="Note  [^ ]" # the field's line (the title's has only blanks after Note)
field() { screen | grep -E -- "$FIELD" | head -1; }
cursor_x() { tm display -p -t s '#{cursor_x}'; }
# settled WANT COMMAND...: what COMMAND prints once it is WANT (waiting up
# to 2 s for the keys sent to be drawn), or what it printed last
settled() {
	want=$1
	shift
	i=0
	while [ "$("$@")" != "$want" ] && [ $i -lt 40 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	"$@"
}
# cursor_on TEXT OFFSET: "on" once the cursor sits OFFSET columns into TEXT
# on the field's line (both read again until they agree, up to 2 s: a
# screen caught while it is drawn is not the answer), else where each was
cursor_on() {
	i=0
	while :; do
		col=$(($(column_of "$FIELD" "$1") + $2))
		x=$(cursor_x)
		[ "$x" = "$col" ] && { echo on; return; }
		[ $i -ge 40 ] && { echo "cursor at column $x, $1+$2 at $col"; return; }
		sleep 0.05
		i=$((i + 1))
	done
}
# at_cursor N: the N characters on screen from the cursor (ASCII lines)
at_cursor() {
	x=$(cursor_x)
	screen | sed -n "$(($(tm display -p -t s '#{cursor_y}') + 1))p" | sed 's/…/</g' |
		cut -c"$((x + 1))-$((x + $1))"
}

# tmux's own terminal type: Home and End arrive as the keys they are
screen_start 80 24 TERM=tmux-256color -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q1" && send Enter
wait_for "relance: account Q1"
send a
wait_for "Enter: save  Esc: cancel"
# the form's rows are its own across the width: nothing of the account
# view beneath shows at their ends as pieces of words
rows=$(screen | awk '/Enter: save  Esc: cancel/ { f = NR } { l[NR] = $0 } /^ *Note *$/ && !t { t = NR }
	END { for (i = t; i <= f + 1; i++) { r = sprintf("%-80s", l[i]); print substr(r, 1, 3) "|" substr(r, 78) } }' |
	sort -u)
is "$rows" "   |   " "the form's rows hold nothing of the view beneath, left or right"

type "$NOTE"
wait_for ":omega-ends"
typing=$(field)
like "$typing" "Note  …[a-z]+:omega-ends" "typing past the field's end: the end shows, the text before it shifted left behind a mark"
unlike "$(screen)" "Alpha-begins" "the start is hidden"
is "$(cursor_on ":omega-ends" 11)" on "the cursor stays right after the last character typed"
screen_has "Tab: next field +150 chars" "the length of a text longer than its field shows in the footer"

resize 100 30
wait_for "relance: account Q1"
screen_has "Note  …[a-z]+:omega-ends" "a resize keeps what was typed, its end in sight"
is "$(cursor_on ":omega-ends" 11)" on "and the cursor after it"
resize 80 24
wait_for "Note  …[a-z]+:omega-ends"

send Home
wait_for "Note  Alpha-begins"
like "$typing // $(field)" "Note  …[a-z]+:omega-ends.* // .*Note  Alpha-begins:[a-z]+…" \
	"Home shows the start again, what follows cut with an ellipsis"
# shellcheck disable=SC2046 # seventy separate Rights
send $(yes Right | head -70)
want="$(printf %s "$NOTE" | cut -c71)<"
is "$(settled "$want" at_cursor 2)" "$want" \
	"Right past the field's edge: the text moves left, the cursor on the 71st character, before the ellipsis"
like "$(field)" "Note  …[a-z:-]+…" "hidden on both sides: a mark at each end"
send End
wait_for ":omega-ends"
is "$(cursor_on ":omega-ends" 11)" on "End: the end and the cursor after it again"
shown=$(screen | grep -Eo "[0-9]+ chars" | head -1)
send Enter
wait_for "note added"
is "$("$R" -d "$B" history Q1 --format tsv | grep -F "Alpha-begins" | cut -f5) | $shown" "$NOTE | 150 chars" \
	"saved whole: the 150 characters the footer counted"

# wide characters and a combining mark (e and U+0301)
CJK="中文测试中文测试中文测试中文测试中文测试中文测试中文测试中文测试"
ACUTE=$(printf '\314\201')
send a
wait_for "Enter: save  Esc: cancel"
type "${CJK}cafe${ACUTE}末尾"
wait_for "末尾"
is "$(cursor_on "尾" 2)" on "a CJK text longer than the field: the cursor right after the last character typed"
like "$(field)" "Note  …(中文测试|文测试|测试|试)+cafe${ACUTE}末尾" "its start hidden behind the mark, its end whole"
send Left Left Left
is "$(cursor_on cafe 3)" on "Left over two wide characters and an accented letter: the cursor on the e, not between it and its accent"
type "X"
screen_has "cafXe${ACUTE}末尾" "typed there, a letter goes before the accented e, which keeps its accent"
send Enter
wait_for "note added"
is "$("$R" -d "$B" history Q1 --format tsv | grep -F "cafX" | cut -f5)" "${CJK}cafXe${ACUTE}末尾" "and that is what is saved"
tm kill-server

# without UTF-8 the mark on the left is <
screen_start 80 24 LANG=C LC_ALL=C -- -d "$B"
wait_for "mine \(tester\)"
type ":goto Q1" && send Enter
wait_for "relance: account Q1"
send a
wait_for "Enter: save  Esc: cancel"
type "$NOTE"
screen_has "Note  <[a-z]+:omega-ends" "without UTF-8: < marks the text hidden on the left"
done_testing
