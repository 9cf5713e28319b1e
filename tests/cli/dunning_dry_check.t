#!/bin/sh
# dunning_dry_check.t — a dry run does not fill the text in when no value
# can make the template fail (dunning_render_check): it must list and
# refuse exactly what a real run sends and refuses, a template that always
# fails, one that fails only when a {{?line}}'s value is there, and one
# that never fails.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"
B="$T/book.db"
dunning_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config
D="$HOME/.config/relance/templates"
mkdir -p "$D/en" "$D/fr" "$D/nl"
# R1 (en): an unknown placeholder on every message
printf 'Subject: Reminder {{account}}\n\n{{greeting}}\n{{nosuch}}\n' > "$D/en/reminder-1.txt"
# B1 (fr): unknown placeholders on lines kept only when their value is there
# (the BIC is set, the fee and the interest may be zero)
printf 'Subject: Rappel {{account}}\n\n{{?company_bic}}BIC {{nobic}}\n{{?fee}}Frais {{nofee}}\n{{?interest}}{{nointerest}}\n' \
	> "$D/fr/reminder-1.txt"
# B2 (nl): a sound one, in the user's directory
printf 'Subject: Herinnering {{account}}\n\n{{greeting}}\n{{?fee}}Kosten {{fee}}\n{{invoices}}\n' > "$D/nl/reminder-1.txt"

dry=$("$R" -d "$B" dunning run --dry-run --format tsv --quiet 2>"$T/dry.err" | tail -n +2 | cut -f1-6 | sort)
grep 'dunning: [A-Z0-9]* step' "$T/dry.err" | sort > "$T/dry.fail"
"$R" -d "$B" dunning run --format tsv --quiet 2>"$T/real.err" | tail -n +2 | cut -f1-6 | sort > "$T/real.out"
grep 'dunning: [A-Z0-9]* step' "$T/real.err" | sort > "$T/real.fail"
like "$(cat "$T/dry.fail")" "R1 step 2 \\(email\\): .*en/reminder-1.txt:4: no placeholder \\{\\{nosuch\\}\\}" \
	"a template that always fails fails the dry run's message, saying why"
like "$(cat "$T/dry.fail")" "B1 step 2 \\(email\\): .*fr/reminder-1.txt:3: no placeholder \\{\\{nobic\\}\\}" \
	"a {{?line}} whose value is there is read through: its unknown placeholder fails it"
is "$(cat "$T/dry.fail")" "$(cat "$T/real.fail")" "the dry run refuses what the real run refuses, with the same words"
is "$dry" "$(cat "$T/real.out")" "and lists what the real run sends, in the same channel and language"
like "$dry" "B2	I-40	2	letter	reminder-1	nl" "the sound template's message is listed"
done_testing
