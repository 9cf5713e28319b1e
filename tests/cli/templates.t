#!/bin/sh
# templates.t — the built-in message templates, data/templates/LANG/NAME.txt,
# read as files (no binary needed): every step in every language is there;
# the form template.c parses ("Subject: ..." then an empty line; sms.txt
# has no subject); only the placeholders the program fills in; {{invoices}}
# alone on its line and {{?NAME}} only at a line's start; lines of at most
# 78 characters, no trailing blanks, valid UTF-8 ending in a newline; the
# same placeholders in every language; and what the law asks of a formal
# notice and of a Belgian consumer's reminders (book XIX of the Code of
# Economic Law): the first one free, with the creditor's enterprise number,
# the damages to come (when the contract provides for them) and a deadline,
# and no fee or interest.
# Each file is read once by the shell and once by awk: forks are few.
. "$(dirname "$0")/../lib/tap.sh"

TPL=$(cd "$(dirname "$0")/../../data/templates" && pwd)
LANGS="en fr nl de"
NAMES="pre-due reminder-1 reminder-2 formal-notice agency lawyer call consumer-reminder-1 consumer-reminder-2 sms"
KNOWN="company company_vat company_number company_legal company_address company_iban company_bic company_email company_phone name contact greeting account invoices count total oldest_due days interest interest_rate compensation fee damages grand_total reference reference_label pay_link pay_by date collector will_claim"

# load FILE: $text, the file's lines; $eol, 1 when it ends in a newline.
load() {
	text='' eol=0
	[ -f "$1" ] || return 0
	while IFS= read -r _l; do
		text="$text$_l
"
	done <"$1"
	[ -n "$_l" ] && text="$text$_l" && return 0
	[ -s "$1" ] && eol=1
	return 0
}

# scan FILE KIND [REF]: the file's problems, one a line as CHECK<tab>WHAT,
# found in one pass of awk (bytes: LC_ALL=C). KIND is "subject" or "sms";
# REF, the en template the file translates: the placeholders must be the
# same, but for {{contact}} and {{greeting}} (a salutation may name the
# person in one language and not in another: "{{greeting}}" but, where the
# French closing repeats it, "Madame, Monsieur,").
scan() {
	LC_ALL=C awk -v known="$KNOWN" -v kind="$2" -v ref="${3:-}" '
	BEGIN { n = split(known, k, " "); for (i = 1; i <= n; i++) isknown[k[i]] = 1 }
	function tokens(s, into) {
		while (match(s, /[{][{][^}]*[}][}]/)) {
			t = substr(s, RSTART, RLENGTH)
			s = substr(s, RSTART + RLENGTH)
			if (t != "{{contact}}" && t != "{{greeting}}")
				into[t] = 1
		}
	}
	function bad(check, what) { printf "%s\t%s\n", check, what }
	ref != "" && FILENAME == ref { tokens($0, want); next }
	{
		lines++
		if (FNR == 1 && kind == "subject" && $0 !~ /^Subject: ./)
			bad("subject", "1: not \"Subject: ...\": " $0)
		if (FNR == 2 && kind == "subject" && $0 != "")
			bad("subject", "2: not empty: " $0)
		if (FNR == 1 && kind == "sms" && $0 ~ /^Subject:/)
			bad("subject", "1: " $0)
		s = $0
		while (match(s, /[{][{][?]?[a-z_]*[}][}]/)) {
			t = substr(s, RSTART, RLENGTH)
			s = substr(s, 1, RSTART - 1) " " substr(s, RSTART + RLENGTH)
			name = t
			gsub(/[{}?]/, "", name)
			if (!(name in isknown))
				bad("known", FNR ": unknown placeholder " t)
		}
		if (s ~ /[{][{]|[}][}]/)
			bad("known", FNR ": {{ or }} outside a placeholder: " $0)
		tokens($0, have)
		if (index($0, "{{invoices}}") && $0 != "{{invoices}}")
			bad("alone", FNR ": " $0)
		if (index($0, "{{?") > 1)
			bad("cond", FNR ": " $0)
		s = $0
		gsub(/[\200-\277]/, "", s) # characters, not bytes: no continuation bytes
		if (length(s) > 78)
			bad("long", FNR ": " length(s) " characters")
		if ($0 ~ /[ \t\r\f\v]$/ || index($0, "\t"))
			bad("blank", FNR ": " $0)
	}
	END {
		if (kind == "subject" && lines < 3)
			bad("subject", "no body")
		if (ref == "")
			exit
		for (t in want)
			if (!(t in have))
				bad("same", "missing: " t)
		for (t in have)
			if (!(t in want))
				bad("same", "only in the translation: " t)
	}' ${3:+"$3"} "$1"
}

# pick CHECK: $got, the problems of that check in $problems
pick() {
	got=
	while IFS="	" read -r _c _w; do
		[ "$_c" = "$1" ] && got="$got$_w
"
	done <<EOF
$problems
EOF
	return 0
}

# has / lacks STRING...: $got, the strings that $text lacks / has
has() {
	got=
	for _s; do
		case "$text" in *"$_s"*) ;; *) got="${got}no $_s " ;; esac
	done
}
lacks() {
	got=
	for _s; do
		case "$text" in *"$_s"*) got="${got}has $_s " ;; esac
	done
}

# The SMS filled in with long but likely values: its length in characters.
sms_length() {
	sed -e 's/^{{?[a-z_]*}}//' \
		-e 's|{{company}}|Brasserie Van den Bossche SRL|g' \
		-e 's|{{total}}|12.345,67 EUR|g' \
		-e 's|{{pay_by}}|24 septembre 2026|g' \
		-e 's|{{company_iban}}|FR76 3000 6000 0112 3456 7890 189|g' \
		-e 's|{{reference}}|+++090/9337/55493+++|g' \
		-e 's|{{pay_link}}|https://pay.example.com/p/8f3a9c2d41|g' \
		-e 's|{{[a-z_]*}}|Xxxxxxxxxxxxxxxxxxxxxx|g' "$1" | wc -m
}

for lg in $LANGS; do
	for nm in $NAMES; do
		tf=$TPL/$lg/$nm.txt
		tn=$lg/$nm.txt
		kind=subject
		[ "$nm" = sms ] && kind=sms
		ref=
		[ "$lg" != en ] && ref=$TPL/en/$nm.txt
		load "$tf"
		got=
		[ -f "$tf" ] || got="no such file"
		is "$got" "" "$tn exists"
		problems=$(scan "$tf" "$kind" "$ref" 2>&1)

		pick subject
		if [ "$kind" = sms ]; then
			is "$got" "" "$tn has no Subject line"
			lacks "{{invoices}}"
			is "$got" "" "$tn has no invoice table"
		else
			is "$got" "" "$tn: Subject line, empty line, body"
			has "{{invoices}}"
			is "$got" "" "$tn shows the invoice table"
		fi
		pick known
		is "$got" "" "$tn: only known placeholders"
		pick alone
		is "$got" "" "$tn: {{invoices}} alone on its line"
		pick cond
		is "$got" "" "$tn: {{?NAME}} only at a line's start"
		pick long
		is "$got" "" "$tn: lines of at most 78 characters"
		pick blank
		is "$got" "" "$tn: no trailing blanks or tabs"
		got=
		iconv -f UTF-8 -t UTF-8 <"$tf" >/dev/null 2>&1 || got="not UTF-8"
		is "$got" "" "$tn: valid UTF-8"
		is "$eol" 1 "$tn ends in a newline"
		if [ -n "$ref" ]; then
			pick same
			is "$got" "" "$tn: the same placeholders as en/$nm.txt"
		fi

		case $nm in
		agency | lawyer | call) ;;
		*)
			has "{{company_iban}}" "{{reference}}"
			is "$got" "" "$tn gives the IBAN and the reference"
			;;
		esac
		case $nm in
		agency | lawyer | call | pre-due) ;;
		*)
			has "{{pay_by}}"
			is "$got" "" "$tn gives a deadline"
			;;
		esac
		case $nm in
		formal-notice)
			has "{{invoices}}" "{{total}}" "{{interest}}" "{{interest_rate}}" \
				"{{compensation}}" "{{fee}}" "{{grand_total}}" "{{pay_by}}"
			is "$got" "" "$tn states the debt, what is claimed and the deadline"
			;;
		consumer-reminder-1)
			has "{{total}}" "{{company}}" "{{company_number}}" "{{damages}}" "{{pay_by}}"
			is "$got" "" "$tn: balance, creditor, enterprise number, damages, deadline"
			lacks "fee}}" "interest}}" "interest_rate}}" "compensation}}" "grand_total}}"
			is "$got" "" "$tn: no fee, interest or compensation"
			lacks "{{?company_number}}" "{{?pay_by}}"
			is "$got" "" "$tn: the enterprise number and deadline always stated"
			has "{{?damages}}"
			is "$got" "" "$tn: the damages stated when they will be claimed (procedure and contract), else not"
			;;
		consumer-reminder-2)
			has "{{fee}}" "{{damages}}" "{{grand_total}}" "{{pay_by}}" "{{company_legal}}"
			is "$got" "" "$tn: fee, damages, total, deadline, the legal mentions (enterprise number)"
			lacks "compensation}}"
			is "$got" "" "$tn: no business-to-business compensation"
			;;
		sms)
			n=$(sms_length "$tf")
			got=
			[ "$n" -le 300 ] || got="$n characters"
			is "$got" "" "$tn filled in: at most 300 characters"
			;;
		esac
	done
done

# a formal notice names itself in its subject, and says so in the letter
like "$(head -n 1 "$TPL/en/formal-notice.txt")" "^Subject: Formal notice" "en: a formal notice"
like "$(head -n 1 "$TPL/fr/formal-notice.txt")" "^Subject: Mise en demeure" "fr: une mise en demeure"
like "$(head -n 1 "$TPL/nl/formal-notice.txt")" "^Subject: Ingebrekestelling" "nl: een ingebrekestelling"
like "$(head -n 1 "$TPL/de/formal-notice.txt")" "^Subject: (Letzte Mahnung|Mahnung und Inverzugsetzung)" \
	"de: eine letzte Mahnung"
like "$(cat "$TPL/en/formal-notice.txt")" "give you formal notice" "en: and says so in the letter"
like "$(cat "$TPL/fr/formal-notice.txt")" "vous mettons en demeure" "fr: et le dit dans la lettre"
like "$(cat "$TPL/nl/formal-notice.txt")" "geldt als ingebrekestelling" "nl: en zegt het in de brief"
like "$(cat "$TPL/de/formal-notice.txt")" "mahnen Sie hiermit letztmalig" "de: und sagt es im Brief"
# the first consumer reminder says it is free
like "$(cat "$TPL/en/consumer-reminder-1.txt")" "free of charge" "en: the first reminder is free"
like "$(cat "$TPL/fr/consumer-reminder-1.txt")" "gratuit" "fr: le premier rappel est gratuit"
like "$(cat "$TPL/nl/consumer-reminder-1.txt")" "kosteloos" "nl: de eerste herinnering is kosteloos"
like "$(cat "$TPL/de/consumer-reminder-1.txt")" "kostenlos" "de: die erste Erinnerung ist kostenlos"

# every file is LANG/NAME.txt, and each NAME is there in all four languages
strays=$(cd "$TPL" && find . -type f | sed 's|^\./||' | while read -r p; do
	l=${p%%/*} n=${p#*/}
	case " $LANGS " in *" $l "*) ;; *) echo "$p: not one of $LANGS"; continue ;; esac
	case "$n" in */* | *[!a-z0-9_-]*.txt | .txt | *[!t]) echo "$p: not NAME.txt"; continue ;; esac
	for o in $LANGS; do
		[ -f "$o/$n" ] || echo "$p: no $o/$n"
	done
done)
is "$strays" "" "data/templates: LANG/NAME.txt, every NAME in every language"
done_testing
