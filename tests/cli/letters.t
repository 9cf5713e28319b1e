#!/bin/sh
# letters.t — `relance interest` line by line across a half-year, with a
# contractual rate, and for a consumer; `relance qr`: the payload's fields,
# its code decoded back by zbarimg, none for nothing overdue without
# --amount; `relance letter`: a PDF read back with pdftotext in the
# account's language and another; their errors; letters to debtors at home
# and abroad in all four languages, each written its language's way (rates,
# numbers, 1er, the IBAN in fours, country names, postcodes, greetings).
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"

B="$T/book.db"
dunning_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config

# --- interest -------------------------------------------------------------------
out=$("$R" -d "$B" interest R1 --until 2025-08-14 --format tsv)
is "$out" "invoice_no	base	from	to	days	rate	interest	note
R-OLD	10000.00	2025-05-16	2025-06-30	46	11.50	144.93	
R-OLD	10000.00	2025-07-01	2025-08-14	45	10.50	129.45	" \
	"interest from the day after the due date, one line a half-year, each at its rate, rounded to the cent"
out=$("$R" -d "$B" interest R1 --until 2025-08-14)
like "$out" "principal 10,000.00; interest 274.38 \\(statutory rate of BE" "the total"
like "$out" "fixed compensation \\(40.00 per late invoice\\) 40.00; in all 10,314.38" "and the compensation"
out=$("$R" -d "$B" interest R1 --until 2026-07-10 --format tsv | tail -1)
like "$out" "2026-07-01	2026-07-10	10	10.50	28.77	$" \
	"2026 H2 at its built-in rate (data/interest-rates.tsv)"
ok "a contractual rate" "$R" -d "$B" dunning set R1 --rate 8
out=$("$R" -d "$B" interest R1 --until 2025-08-14 --format tsv | cut -f6,7,8)
is "$out" "rate	interest	note
8.00	100.82	contractual rate
8.00	98.63	contractual rate" "8 % on both half-years"
out=$("$R" -d "$B" interest C1 --until 2026-12-14)
like "$out" "damages \\(consumer bands, XIX.4\\) 0.00" "a consumer never reminded: no damages yet (interest.t has the rest)"
like "$out" "interest 0.00 \\(none without a contractual rate: a consumer" "and no interest"
fails "an unknown account" "$R" -d "$B" interest NOPE

# --- qr ---------------------------------------------------------------------------
out=$("$R" -d "$B" qr B1 --payload)
is "$out" "BCD
002
1
SCT
GKCCBEBB
Relance Test SA
BE71096123456769
EUR250.00

$(printf '%s\n' "$out" | sed -n 10p)

B1" "the EPC payload: version 002, UTF-8, SCT, BIC, name, IBAN, the overdue balance, a structured reference in line 10 and no text in line 11, a note"
ref=$(printf '%s\n' "$out" | sed -n 10p)
like "$ref" '^[0-9]{12}$' "the structured communication as its 12 digits, as Belgian banking apps read line 10"
ok "the reference is a valid structured communication" "$R" ref check "$ref"
like "$("$R" -d "$B" find --format tsv "$ref" | sed 1d | cut -f1,3,4)" "^B1	reference	.* \\(the account's own\\)$" \
	"the account's own: a payment quoting it is B1's (relance find says so)"
is "$("$R" -d "$B" qr B1 --payload | sed -n 10p)" "$ref" "the same every time"
is "$("$R" -d "$B" qr B1 --amount 12,50 --payload | sed -n 8p)" "EUR12.50" "--amount"
ok "at most 331 bytes" test "$(printf '%s' "$out" | wc -c)" -le 331
out=$("$R" -d "$B" qr B1)
like "$out" "█" "the code in half blocks"
lines=$(printf '%s\n' "$out" | wc -l)
ok "a small code (version 5 or less: at most 23 lines)" test "$lines" -le 23
if command -v zbarimg >/dev/null 2>&1; then
	ok "--png writes an image" "$R" -d "$B" qr C1 --png "$T/qr.png"
	is "$(zbarimg --quiet --raw --nodbus -Sbinary "$T/qr.png" 2>/dev/null)" "$("$R" -d "$B" qr C1 --payload)" \
		"zbarimg reads the payload back, byte for byte"
else
	echo "ok - # skip zbarimg not installed"
	echo "ok - # skip zbarimg not installed"
fi
sed -i 's/^set company-iban.*//' "$HOME/.config/relance/relancerc"
out=$("$R" -d "$B" qr B1 2>&1)
is "$?" 1 "no IBAN: no code"
like "$out" "no IBAN \\(set company-iban\\)" "it says which setting"
dunning_config
fails "nothing overdue: refused" "$R" -d "$B" qr B1 --amount 0
# nothing overdue (D1's only invoice is disputed): no code without --amount, as Q says
out=$("$R" -d "$B" qr D1 2>&1)
is "$?" 1 "nothing overdue: no code, an error"
like "$out" "D1: nothing overdue to pay; give --amount to make a code anyway" "it says why, and what to do"
unlike "$out" "█" "and prints no code"
out=$("$R" -d "$B" qr D1 --png "$T/d1.png" 2>&1)
is "$?.$(test -e "$T/d1.png" && echo png)" 1. "nor an image"
"$R" -d "$B" qr D1 --payload >/dev/null 2>&1
without=$?
out=$("$R" -d "$B" qr D1 --amount 75 --payload)
is "$without.$?.$(printf '%s\n' "$out" | sed -n 8p)" 1.0.EUR75.00 \
	"--payload: none without an amount, with --amount the payment of that amount"

# --- letter ------------------------------------------------------------------------
ok "letter B1" "$R" -d "$B" letter B1 -o "$T/b1.pdf"
text=$(pdftotext -layout "$T/b1.pdf" - 2>/dev/null)
like "$text" "Relance Test SA" "the letterhead"
like "$text" "BE0123.456.749" "the VAT number"
like "$text" "Compte B1" "in French, the account's language"
like "$text" "I-7 .*18/10/2026 .*17/11/2026 .*250,00 EUR" "the overdue invoice"
unlike "$text" "I-FUT" "not the invoice not yet due"
like "$text" "Total à payer .*250,00 EUR" "the total"
like "$text" "Scannez pour payer" "the QR code's caption"
if command -v zbarimg >/dev/null 2>&1; then
	pdftoppm -r 150 -png -f 1 -l 1 "$T/b1.pdf" "$T/page"
	like "$(zbarimg --quiet --raw --nodbus -Sbinary "$T"/page*.png 2>/dev/null)" "^BCD
002
1
SCT
GKCCBEBB
Relance Test SA
BE71096123456769
EUR250.00" "the letter's QR code decodes to the payment"
else
	echo "ok - # skip zbarimg not installed"
fi
ok "letter B1 --lang de --step 4" "$R" -d "$B" letter B1 --lang de --step 4 -o "$T/b1de.pdf"
text=$(pdftotext -layout "$T/b1de.pdf" - 2>/dev/null)
like "$text" "EINSCHREIBEN" "step 4 is registered"
like "$text" "Verzugspauschale .*40,00 EUR" "claims the compensation"
like "$text" "Verzugszinsen" "and interest"
is "$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE detail LIKE '{\"dunning\":%'")" 0 "a letter on demand journals nothing"
fails "no -o" "$R" -d "$B" letter B1
fails "a step the procedure has not" "$R" -d "$B" letter B1 --step 9
out=$("$R" -d "$B" letter B1 --step 5 -o "$T/agency.pdf" 2>&1)
is "$?" 1 "step 5 (agency) is no letter"
like "$out" "step 5 of business is agency, a task for the collector, not a letter" "it says so"
fails "an unknown language" "$R" -d "$B" letter B1 --lang es -o "$T/x.pdf"
out=$("$R" -d "$B" letter B1 -o "$T/nodir/x.pdf" 2>&1)
like "$out" "cannot write $T/nodir/x.pdf" "an unwritable path is named"

# --- each language's way (issue 15: numbers, rates, 1er, countries, greetings, IBAN) ---
cat > "$T/w-customers.csv" <<'CSV'
account_no,name,contact,language,segment,email,phone,street,postcode,city,country
W1,Müller GmbH,,de,business,,,Hauptstraße 5,10115,Berlin,DE
W2,Grachten BV,,nl,business,,,Damrak 1,1012 AB,Amsterdam,NL
W3,Acme Ltd,,en,business,,,1 High Street,EC1A 1AA,London,GB
W4,Dupont SARL,,fr,business,,,5 rue de Rivoli,75001,Paris,FR
W5,Schmidt AG,Frau Anna Schmidt,de,business,,,Bahnhofstraße 1,8001,Zürich,CH
CSV
{ echo invoice_no,account_no,issue_date,due_date,amount,open_amount; printf '%s\n' \
	W1-1,W1,2025-04-15,2025-05-15,12345.67,12345.67 W2-1,W2,2025-04-15,2025-05-15,12345.67,12345.67 \
	W3-1,W3,2025-04-15,2025-05-15,12345.67,12345.67 W4-1,W4,2025-04-15,2025-05-15,12345.67,12345.67 \
	W5-1,W5,2026-10-01,2026-11-01,80.00,80.00; } >"$T/w-invoices.csv"
ok "the accounts abroad" sh -c '"$1" -d "$2" import customers "$3" >/dev/null && "$1" -d "$2" import invoices "$4" >/dev/null' \
	- "$R" "$B" "$T/w-customers.csv" "$T/w-invoices.csv"
# letter ACCOUNT STEP [LANG]: its text as pdftotext reads it back, on 1
# December 2026, each line without its leading blanks and ending in "~"
# (grep reads a pattern's lines as alternatives: one line to match across)
letter() {
	_pdf="$T/w-$1-$2${3-}.pdf"
	RELANCE_TODAY=2026-12-01 "$R" -d "$B" letter "$1" --step "$2" --lang "${3-$(lang_of "$1")}" -o "$_pdf" \
		>/dev/null 2>&1 && pdftotext -layout "$_pdf" - 2>/dev/null | sed 's/^ *//' | tr '\n' '~'
}
lang_of() { sed -n "s/^$1,[^,]*,[^,]*,\([a-z]*\),.*/\1/p" "$T/w-customers.csv"; }
# interest since 2025-05-16: 11.50 % to June 2025, 10.50 % after (as above)
text=$(letter W4 4)
fonts=$(pdffonts "$T/w-W4-4.pdf" 2>/dev/null | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
like "$fonts~$text" "^DejaVuSans DejaVuSans-Bold ~.*~Intérêts de retard \\(11,50 % / 10,50 %\\) +[0-9] [0-9]{3},[0-9]{2} EUR~" \
	"fr: rates with a decimal comma, amounts grouped; the no-break spaces drawn in the letter's own font (no fallback, no missing glyph)"
like "$text" "~Bruxelles, 1er décembre 2026~" "fr: the first of the month is 1er"
like "$text" "~Veuillez payer 14 [0-9]{3},[0-9]{2} EUR — IBAN BE71 0961 2345 6769 — BIC" "the IBAN in groups of four"
like "$text" "~5 rue de Rivoli~75001 Paris~FRANCE~" "France from Belgium: postcode and town, FRANCE last, not FR"
like "$(letter W4 2)" "~Madame, Monsieur,~" "fr without a contact person: Madame, Monsieur, (not Bonjour Dupont SARL,)"
text=$(letter W1 2)
like "$text" "~Sehr geehrte Damen und Herren,~" "de without a contact person: Sehr geehrte Damen und Herren, (not Guten Tag Müller GmbH,)"
like "$text" "~Hauptstraße 5~10115 Berlin~DEUTSCHLAND~" "a German letter to Germany: DEUTSCHLAND"
like "$(letter W1 4)" "~Verzugszinsen \\(11,50 % / 10,50 %\\) +[0-9]\\.[0-9]{3},[0-9]{2} EUR~" "de: rates with a decimal comma"
text=$(letter W2 2)
like "$text" "~Geachte heer, mevrouw,~" "nl without a contact person: Geachte heer, mevrouw, (not Geachte Grachten BV,)"
like "$text" "~Damrak 1~1012 AB Amsterdam~NEDERLAND~" "the Netherlands: 1012 AB kept, before the town; NEDERLAND"
like "$(letter W2 4)" "~Verwijlintresten \\(11,50 % / 10,50 %\\) +[0-9]\\.[0-9]{3},[0-9]{2} EUR~" "nl: rates with a decimal comma"
text=$(letter W3 2)
like "$text" "~Dear Sir or Madam,~" "en without a contact person: Dear Sir or Madam, (not Dear Acme Ltd,)"
like "$text" "~1 High Street~London~EC1A 1AA~UNITED KINGDOM~" "the UK: the town, then the postcode on its own line; UNITED KINGDOM"
text=$(letter W5 2)
like "$text" "~Sehr geehrte Frau Anna Schmidt,~" "de with a contact person: by name, the formal way"
like "$text" "~Frau Anna Schmidt~Bahnhofstraße 1~8001 Zürich~SCHWEIZ~" "the contact, then Switzerland in German"
text=$(letter W5 2 fr)
like "$text" "~Bonjour Madame Anna Schmidt,~" "fr with a contact person: Bonjour Madame ..."
like "$text" "~8001 Zürich~SUISSE~" "the country in the letter's language"

done_testing
