#!/bin/sh
# qr.t (screen) — Q draws an account's EPC QR code whole, in half blocks,
# between the title and the status line: at 80x24 (with a quiet zone of one
# module, two when there is room) the account, amount and reference beside
# it; at 120x40 beside it whole; on a narrow but tall terminal below it; a
# code taller than the screen is not drawn cut but the size it needs said,
# and drawn once the terminal is that large. Each code on the screen is
# read back with zbarimg when it is installed.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"
B="$T/d.db"
dunning_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config
have_zbar() { command -v zbarimg >/dev/null 2>&1; }

# The code's modules a side, from the command line's drawing (quiet zone 2).
modules() { echo $(( $("$R" -d "$B" qr "$1" | head -1 | sed 's/[█▀▄]/x/g' | tr -d '\n' | wc -c) - 4 )); }
# The screen with the half blocks as # (both halves light), ^ (top light)
# and _ (bottom light), the code's lines only: from column 1, numbered.
mapped() { screen | sed 's/█/#/g; s/▀/^/g; s/▄/_/g'; }
code_lines() { mapped | sed -n 's/^ \([#^_][#^_ ]*[#^_]\).*/\1/p'; }
# The screen once it stops changing.
settle() {
	prev="" i=0
	while [ $i -lt 100 ]; do
		now=$(screen)
		[ -n "$prev" ] && [ "$now" = "$prev" ] && return 0
		prev=$now
		sleep 0.05
		i=$((i + 1))
	done
}
# What zbarimg reads in the code on the screen: its lines as an image, four
# pixels a module, with a margin of the terminal's dark background.
decode() {
	code_lines | awk -v s=4 -v m=4 '
	{ line[NR] = $0; if (length($0) > w) w = length($0) }
	END {
		W = (w + 2 * m) * s; H = (2 * NR + 2 * m) * s
		print "P1"; print W, H
		for (y = 0; y < H; y++) {
			my = int(y / s) - m; row = ""
			for (x = 0; x < W; x++) {
				mx = int(x / s) - m; px = 1
				if (my >= 0 && my < 2 * NR && mx >= 0 && mx < w) {
					c = substr(line[int(my / 2) + 1], mx + 1, 1)
					px = (c == "#" || (my % 2 == 0 && c == "^") || (my % 2 == 1 && c == "_")) ? 0 : 1
				}
				row = row px " "
			}
			print row
		}
	}' > "$T/screen.pbm"
	zbarimg --quiet --raw --nodbus -Sbinary "$T/screen.pbm" 2>/dev/null
}
# code_faults LINES WIDTH: what is wrong with the code on the screen, one
# line a fault, nothing when it is whole: LINES lines of WIDTH columns, each
# with its quiet column left and right, its first line's top halves and its
# last line's bottom halves light (the quiet rows), the title and status
# lines in place, and what zbarimg reads in it the payment (when installed).
code_faults() {
	lines=$(code_lines)
	n=$(printf '%s\n' "$lines" | grep -c .)
	[ "$n" = "$1" ] || echo "the code is $n lines, not $1"
	bad=$(printf '%s\n' "$lines" | awk -v w="$2" 'length($0) != w || !/^#/ || !/#$/' | wc -l)
	[ "$bad" = 0 ] || echo "$bad lines are not $2 columns between quiet columns"
	printf '%s\n' "$lines" | head -1 | grep -Eq '^[#^]+$' || echo "no top quiet row"
	printf '%s\n' "$lines" | tail -1 | grep -Eq '^[#_]+$' || echo "no bottom quiet row"
	screen | head -1 | grep -q '^ relance: qr code' || echo "no title line"
	screen | tail -1 | grep -q 'q:back' || echo "no status line"
	if have_zbar && [ "$(decode)" != "$payload" ]; then
		echo "zbarimg does not read the payment: $(decode)"
	fi
}
# whole NAME CONDITION-FAULTS: one assertion for the code and its text
whole() {
	_result "$([ -z "$2" ]; echo $?)" "$1" "$2
screen:
$(screen)"
}
# above REGEX1 REGEX2: the screen shows REGEX1 on a line before REGEX2's
above() {
	one=$(screen | grep -nE -- "$1" | head -1 | cut -d: -f1)
	two=$(screen | grep -nE -- "$2" | tail -1 | cut -d: -f1)
	[ -n "$one" ] && [ -n "$two" ] && [ "$one" -lt "$two" ]
}

m=$(modules B1)
payload=$("$R" -d "$B" qr B1 --payload)
pay="Pay 250\.00 EUR to Relance Test SA, BE71 0961 2345 6769"

screen_start 80 24 -- -d "$B" --all
wait_for "B1 +Alpha SA"
type ":goto B1" && send Enter
wait_for "relance: account B1"
send Q
wait_for "Reference"
settle
# 22 lines between the title and the status line: a quiet zone of two
# modules when the code fits them, else one (a payload a version longer
# needs the one)
q=1
[ $(( (m + 4 + 1) / 2 )) -le 22 ] && q=2
whole "80x24: the whole code between the title and the status line (quiet zone $q)" \
	"$(code_faults $(( (m + 2 * q + 1) / 2 )) $((m + 2 * q)))"
screen_has "[█▀▄]  Account B1, Alpha SA" "80x24: the account beside the code"
screen_has "[█▀▄]  Pay 250\.00 EUR" "80x24: the amount beside the code"
screen_has "[█▀▄]  Reference \+\+\+[0-9]{3}/[0-9]{4}/[0-9]{5}\+\+\+" "80x24: the reference beside the code"

resize 120 40
wait_for "$pay"
settle
whole "120x40: the whole code (a quiet zone of two), the payment beside it, whole" \
	"$(code_faults $(( (m + 4 + 1) / 2 )) $((m + 4))
	screen | grep -Eq "[█▀▄]  $pay" || echo "the payment is not beside the code")"

resize 80 60
wait_for "^ $pay"
settle
whole "80x60: the whole code, the payment below it, whole, and nothing beside it" \
	"$(code_faults $(( (m + 4 + 1) / 2 )) $((m + 4))
	above "^ [█▀▄]" "^ $pay" || echo "the payment is not below the code"
	! screen | grep -Eq "[█▀▄] +(Pay|Account|Reference)" || echo "some text is beside the code")"

# a longer name makes a larger code: taller than 80x24 can show
sed -i 's/^set company-name.*/set company-name = "Relance Test et Associés, Recouvrement de Créances SA"/' \
	"$HOME/.config/relance/relancerc"
m=$(modules B1)
payload=$("$R" -d "$B" qr B1 --payload)
need=$(( (m + 2 + 1) / 2 + 2 ))
[ "$need" -gt 24 ] || { echo "Bail out! the longer name makes a code of $m modules: it fits 80x24"; exit 1; }
tm kill-server 2>/dev/null
screen_start 80 24 -- -d "$B" --all
wait_for "B1 +Alpha SA"
type ":goto B1" && send Enter
wait_for "relance: account B1"
send Q
screen_has "The QR code does not fit: it needs a terminal of $need lines \\(this one is 80x24\\)" \
	"too small: the size it needs, said plainly"
screen_has "relance qr B1 --png FILE" "and another way"
ok "the amount still shown, below" above "does not fit" "Pay 250\.00 EUR"
unlike "$(screen)" "[█▀▄]" "and no code cut to the screen"
resize 80 $((need - 1))
wait_for "this one is 80x$((need - 1))"
settle
like "$(screen)" "does not fit: it needs a terminal of $need lines" "one line short: still the size it needs"
unlike "$(screen)" "[█▀▄]" "and no code"
resize 80 "$need"
wait_for "[█▀▄]  Pay 250\.00 EUR"
settle
whole "80x$need: the whole code, the amount beside it" \
	"$(code_faults $((need - 2)) $((m + 2))
	screen | grep -Eq "[█▀▄]  Pay 250\.00 EUR" || echo "the amount is not beside the code")"
done_testing
