#!/bin/sh
# escape.t — no byte from the data reaches the terminal raw: names holding
# escape sequences come out escaped in text, tsv and json.
. "$(dirname "$0")/../lib/tap.sh"
B="$T/book.db"
printf 'account_no,name\nX1,"ACME\033]2;pwned\007"\nX2,"Clear\033[2J Screen"\nX3,"Tab\there"\n' > "$T/c.csv"
out=$("$R" -d "$B" import customers "$T/c.csv" 2>&1)
like "$out" 'c.csv:2: name: "ACME\\x1b\]2;pwned\\x07" has a control character' "the import refuses control characters"
printf 'account_no,name\n"K\033]2;x\007",One\n"K\033]2;x\007",Two\n' > "$T/dup.csv"
out=$("$R" -d "$B" import customers "$T/dup.csv" 2>&1)
unlike "$out" "$(printf '\033')" "a duplicate key with ESC is shown escaped"
printf 'account_no,name\nC1,"Pay\302\233me"\n' > "$T/c1.csv"
out=$("$R" -d "$B" import customers "$T/c1.csv" 2>&1)
like "$out" 'c1.csv:2: name: "Pay\\xc2\\x9bme" has a control character' "C1 controls are refused and shown escaped"
# a book written by someone else may still hold them
sqlite3 "$B" "INSERT INTO customers(account_no, name, imported_at) VALUES
	('X1', 'ACME' || char(27) || ']2;pwned' || char(7), 'now'),
	('X2', 'Clear' || char(27) || '[2J Screen', 'now'),
	('X3', 'Tab' || char(9) || 'here' || char(10) || 'line', 'now'),
	('X4', 'C1' || char(155) || '31m', 'now')"
esc=$(printf '\033')
bel=$(printf '\007')
for fmt in text tsv json; do
	out=$("$R" -d "$B" accounts --format $fmt)
	unlike "$out" "$esc" "$fmt: no ESC byte"
	unlike "$out" "$bel" "$fmt: no BEL byte"
	unlike "$out" "$(printf '\302\233')" "$fmt: no C1 control"
done
out=$("$R" -d "$B" accounts --format text)
like "$out" 'ACME\\x1b\]2;pwned\\x07' "text shows the sequence escaped"
out=$("$R" -d "$B" accounts --format tsv)
like "$out" 'Tab\\there\\nline' "tsv escapes tab and newline"
is "$(printf '%s\n' "$out" | awk -F'\t' '{print NF}' | sort -u)" 13 "every tsv line has 13 fields"
out=$("$R" -d "$B" accounts --format json)
like "$out" '"name": "ACME\\u001b\]2;pwned\\u0007"' "json escapes control characters"
like "$out" '"name": "C1\\u009b31m"' "json escapes C1 controls"
# bidi controls and line separators are escaped too
sqlite3 "$B" "INSERT INTO customers(account_no, name, imported_at) VALUES ('X5', 'evil' || char(8238) || 'eman', 'now')"
out=$("$R" -d "$B" accounts --format text)
like "$out" 'evil\\xe2\\x80\\xaeeman' "a right-to-left override is shown escaped"
done_testing
