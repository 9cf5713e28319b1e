#!/bin/sh
# find.t — relance find: any account of the book from its number, name
# (without regard to case and accents), contact, phone (in any spelling),
# e-mail, VAT number, an invoice's number or payment reference (with or
# without +++, slashes and blanks); best matches first, limited, and an
# exit status like grep's.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/f.db"
queue_book "$B" &&
	"$R" -d "$B" import customers "$DATA/find-customers.csv" >/dev/null &&
	"$R" -d "$B" import invoices "$DATA/find-invoices.csv" >/dev/null
ok "the fixture builds" test -f "$B"

# find TEXT...: the account numbers, match and detail found, tab-separated
found() { "$R" -d "$B" find --format tsv "$@" | sed 1d | cut -f1,3,4 | tr '\n' '|'; }

# names: case and accents aside, names beginning with the text first
is "$(found eta)" "Q8	name	|Q2	name	|Q7	name	|" "eta finds Ëta Société first (its name begins so), then Bêta and Zeta"
is "$(found ETA)" "$(found eta)" "without regard to case"
is "$(found société)" "Q8	name	|" "an accented text finds the same"
is "$(found olmuhle)" "F4	name	|" "olmuhle finds Ölmühle GmbH"
is "$(found janssens zonen)" "F2	name	|" "the words are one text, punctuation aside (Janssens & Zonen)"
is "$(found eloise)" "F2	contact	Éloïse Lemaître|" "the contact, accents aside"

# phones: any spelling; 00 or 0 in front does not count
is "$(found 0471 12 34 56)" "F1	phone	+32 471 123 456|" "0471 12 34 56 finds +32 471 123 456 (the second number of the list)"
is "$(found +32 471 12 34 56)" "F1	phone	+32 471 123 456|" "+32 471 12 34 56 too"
is "$(found 0032471123456)" "F1	phone	+32 471 123 456|" "0032471123456 too"
is "$(found 0471/12.34.56)" "F1	phone	+32 471 123 456|" "0471/12.34.56 too"
is "$(found "+32 2 512 34 56")" "F2	phone	02 512 34 56|" "+32 2 512 34 56 finds the land line written 02 512 34 56 (8 digits)"
is "$(found "02 512 34 56")" "F2	phone	02 512 34 56|" "and 02 512 34 56 itself"
is "$(found "06 12 34 56 78")" "F3	phone	0033 6 12 34 56 78|" "06 12 34 56 78 finds 0033 6 12 34 56 78"
is "$(found 4048)" "F1	phone	+32 3 218 40 48|" "4 digits: the numbers whose digits hold them"
is "$(found "0471 99 99 99")" "" "another number finds nothing"
is "$(found 471)" "" "3 digits are no phone number"

# invoices and their payment references
is "$(found F2026-0012)" "F1	invoice	F2026-0012|" "an invoice number"
is "$(found f2026-0012)" "F1	invoice	F2026-0012|" "in small letters too"
is "$(found "+++090/9337/55493+++")" "F1	reference	+++090/9337/55493+++ (invoice F2026-0012)|" "a structured communication"
is "$(found "090/9337/55493")" "$(found "+++090/9337/55493+++")" "without the +++"
is "$(found "090 9337 55493")" "$(found "+++090/9337/55493+++")" "with blanks for slashes"
is "$(found 090933755493)" "$(found "+++090/9337/55493+++")" "12 digits alone"
is "$(found "***090/9337/55493***")" "$(found "+++090/9337/55493+++")" "with stars"
is "$(found "+++090/9337/55494+++")" "" "a wrong check digit finds nothing"
is "$(found "RF18 5390 0754 7034")" "F3	reference	RF18 5390 0754 7034 (invoice F2026-0014)|" "an RF reference in groups"
is "$(found rf18539007547034)" "$(found "RF18 5390 0754 7034")" "in small letters, in one piece"
# the number the book gave an invoice (one sequence for accounts and invoices)
ref_no() { sqlite3 "$B" "SELECT ref_no FROM invoices WHERE invoice_no = '$1'"; }
ref=$("$R" ref ogm "$(ref_no F2026-0013)")
is "$(found "$ref")" "F2	reference	$ref (invoice F2026-0013)|" "an invoice without a reference: the one the book's number for it makes"
ref=$("$R" ref ogm "$(ref_no F2026-0015)")
is "$(found "$ref")" "F4	reference	$ref (invoice F2026-0015)|" "an invoice whose reference is free text: the one the book's number for it makes (as reminders)"
ref=$("$R" ref rf "$(ref_no F2026-0015)")
is "$(found "$ref")" "F4	reference	$(printf '%s' "$ref" | sed 's/..../& /g; s/ $//') (invoice F2026-0015)|" "or its RF reference"
is "$(found "$("$R" ref ogm 20260013)")" "" "no longer the one the invoice number's digits make"
is "$(found "INV F4 free")" "" "free text is not looked for among the references"

# VAT, e-mail, number
is "$(found BE0799364231)" "F2	VAT	BE 0799.364.231|" "a VAT number, blanks and dots aside"
is "$(found 0799 364 231)" "F2	VAT	BE 0799.364.231|" "without its country"
is "$(found be 0799.364.231)" "F2	VAT	BE 0799.364.231|" "in small letters"
is "$(found COMPTA@Janssens.example)" "F2	e-mail	compta@janssens.example|" "an e-mail address, case aside"
is "$(found jan@janssens.example)" "F2	e-mail	jan@janssens.example|" "the second address of a list"
is "$(found dekoninck)" "F1	e-mail	info@dekoninck.example|" "a part of an address"
is "$(found q8)" "Q8	number	|" "an account number, case aside"
is "$(found Q | tr -d '\t' | tr '|' ' ')" "Q1number Q2number Q3number Q4number Q5number Q7number Q8number Q9number " \
	"the beginning of account numbers, in order"

# the best match first, each account once
is "$(found f2 | cut -d'|' -f1)" "F2	number	" "the account number whole comes before other matches"
is "$("$R" -d "$B" find --format tsv F | sed 1d | cut -f1 | sort | uniq -d)" "" "each account once"

# shapes
out=$("$R" -d "$B" find --format tsv 0471 12 34 56)
is "$out" "account_no	name	match	detail
F1	Brasserie De Koninck	phone	+32 471 123 456" "tsv: a header, then one line per account"
out=$("$R" -d "$B" find --format json eloise)
is "$out" '[
 {"account_no": "F2", "name": "Janssens & Zonen", "match": "contact", "detail": "Éloïse Lemaître"}
]' "json: an array of objects"
out=$("$R" -d "$B" find --format json eta)
like "$out" '"name": "Ëta Société", "match": "name", "detail": null' "json: an empty detail is null"
out=$("$R" -d "$B" find eloise)
like "$out" "^account_no +name +match +detail" "text: a header line"
like "$out" "F2 +Janssens & Zonen +contact +Éloïse Lemaître" "text: aligned columns"

# nothing found: exit 1, as grep
out=$("$R" -d "$B" find nosuchthing 2>&1)
is "$?" 1 "nothing found: exit 1"
is "$out" 'relance: find: no account matches "nosuchthing"' "and the text format says so on standard error"
out=$("$R" -d "$B" find nosuchthing --format tsv 2>&1)
is "$?:$out" "1:account_no	name	match	detail" "tsv: the header alone, exit 1"
out=$("$R" -d "$B" find nosuchthing --format json 2>&1)
is "$?:$out" "1:[]" "json: an empty array, exit 1"
"$R" -d "$B" find eta >/dev/null 2>&1
is "$?" 0 "found: exit 0"

# limits
out=$("$R" -d "$B" find a --limit 2 --format tsv 2>"$T/err")
is "$(printf '%s\n' "$out" | sed 1d | wc -l | tr -d ' ')" 2 "--limit 2: two accounts listed"
total=$("$R" -d "$B" find a --format tsv | sed 1d | wc -l | tr -d ' ')
is "$(cat "$T/err")" "relance: warning: find: 2 of $total accounts shown (--limit $total shows them all)" \
	"and standard error says how many matched"
{
	echo "account_no,name"
	i=1
	while [ $i -le 205 ]; do
		echo "M$i,Many Things $i"
		i=$((i + 1))
	done
} >"$T/many.csv"
"$R" -d "$B" import customers "$T/many.csv" >/dev/null
out=$("$R" -d "$B" find many things --format tsv 2>"$T/err")
is "$(printf '%s\n' "$out" | sed 1d | wc -l | tr -d ' ')" 200 "200 accounts at most by default"
is "$(cat "$T/err")" "relance: warning: find: 200 of 205 accounts shown (--limit 205 shows them all)" "the others are counted"
is "$("$R" -d "$B" find many things --limit 205 --format tsv 2>&1 | sed 1d | wc -l | tr -d ' ')" 205 "--limit 205 shows them all"

# usage
"$R" -d "$B" find >/dev/null 2>&1
is "$?" 2 "no text: exit 2"
"$R" -d "$B" find "  " >/dev/null 2>&1
is "$?" 2 "blanks only: exit 2"
out=$("$R" -d "$B" find eta --limit 0 2>&1)
is "$?" 2 "--limit 0: exit 2"
like "$out" "find: \"0\" is not a whole number from 1 to 1000000" "and says why"
out=$("$R" -d "$B" find eta --format xml 2>&1)
is "$?" 2 "--format xml: exit 2"
out=$("$R" -d "$B" find eta --bogus 2>&1)
is "$?" 2 "an unknown option: exit 2"
is "$("$R" -d "$B" find -- -x 2>&1)" 'relance: find: no account matches "-x"' "after --, a text may begin with -"
"$R" -d "$T/none.db" find eta >/dev/null 2>&1
is "$?" 1 "no book: exit 1"
done_testing
