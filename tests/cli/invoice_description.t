#!/bin/sh
# invoice_description.t — what an invoice was for (a Belgian consumer's
# first reminder must say it, Code of Economic Law XIX.2): the optional
# description column of the invoices import is stored, changed by a
# re-import that says otherwise, left alone by a file without the column,
# refused with file, line and field when it has a line break or more than
# 140 characters; it travels to another copy with its invoice; the
# consumer's first reminder lists it under its invoice, read back with
# pdftotext in fr, nl, de and en, and in the e-mail's table; an invoice
# without one is listed by number, date and amount. Dates are fixed
# (RELANCE_TODAY, tap.sh).
. "$(dirname "$0")/../lib/tap.sh"

B="$T/book.db"
mkdir -p "$HOME/.config/relance" "$T/mail"
cat > "$T/sendmail" <<SH
#!/bin/sh
n=\$((\$(ls "$T/mail" | wc -l) + 1))
cat > "$T/mail/\$n.eml"
SH
chmod +x "$T/sendmail"
cat > "$HOME/.config/relance/relancerc" <<RC
set company-name = "Relance Test SA"
set company-address = "Rue de la Loi 16; 1000 Bruxelles"
set company-vat = "BE0123.456.749"
set company-iban = "BE71 0961 2345 6769"
set company-email = "credit@relance.example"
set sendmail = "$T/sendmail"
set letters-dir = "$T/letters"
RC
cat > "$T/customers.csv" <<'CSV'
account_no,name,contact,language,segment,email,phone,street,postcode,city,country
K1,Jean Dupont,,fr,consumer,,,Rue Basse 3,4000,Liège,BE
K2,Marie Peeters,,nl,consumer,marie@peeters.example,,Meir 2,2000,Antwerpen,BE
CSV
cat > "$T/invoices.csv" <<'CSV'
invoice_no,account_no,issue_date,due_date,amount,open_amount,description
K-1,K1,2026-10-15,2026-11-14,200.00,200.00,"Abonnement fibre, novembre 2026"
K-2,K1,2026-10-16,2026-11-15,45.50,45.50,
M-1,K2,2026-10-15,2026-11-14,80.00,80.00,Onderhoud verwarmingsketel
CSV
"$R" -d "$B" import customers "$T/customers.csv" >/dev/null ||
	{ echo "Bail out! cannot import the customers"; exit 1; }
out=$("$R" -d "$B" import invoices "$T/invoices.csv" 2>&1)
like "$out" "3 rows read, 3 new" "invoices with a description column import"
desc() { sqlite3 "$B" "SELECT coalesce(description, '(none)') FROM invoices WHERE invoice_no = '$1'"; }
is "$(desc K-1)" "Abonnement fibre, novembre 2026" "the description is stored as written"
is "$(desc K-2)" "(none)" "an empty one is none"
like "$("$R" -d "$B" import invoices "$T/invoices.csv" 2>&1)" "0 changed.*\\(nothing changed\\)" "the same file again changes nothing"

# --- a re-import that says otherwise changes it; a file without it leaves it ------
sed -i 's/Onderhoud verwarmingsketel/Onderhoud verwarmingsketel 2026/' "$T/invoices.csv"
like "$("$R" -d "$B" import invoices "$T/invoices.csv" 2>&1)" "0 new, 1 changed" "a changed description: one invoice changed"
is "$(desc M-1)" "Onderhoud verwarmingsketel 2026" "and it is the new one"
cut -d, -f1-6 "$T/invoices.csv" | sed 's/,"Abonnement fibre$//' > "$T/plain.csv"
"$R" -d "$B" import invoices "$T/plain.csv" >/dev/null 2>&1
is "$(desc K-1)" "Abonnement fibre, novembre 2026" "a file without the column leaves the description alone"

# --- bad descriptions: file, line and field; nothing imported -------------------------
printf 'invoice_no,account_no,due_date,amount,description\nK-1,K1,2026-11-14,200.00,"two\nlines"\n' > "$T/bad.csv"
out=$("$R" -d "$B" import invoices "$T/bad.csv" 2>&1)
is "$?" 1 "a description with a line break is refused"
like "$out" "bad.csv:2: description: has a line break \\(a description is one line\\)" "naming file, line and field"
long=$(printf '%0141d' 0)
printf 'invoice_no,account_no,due_date,amount,description\nK-1,K1,2026-11-14,200.00,%s\n' "$long" > "$T/long.csv"
out=$("$R" -d "$B" import invoices "$T/long.csv" 2>&1)
like "$out" "long.csv:2: description: is longer than 140 characters" "141 characters are refused"
is "$(desc K-1)" "Abonnement fibre, novembre 2026" "and nothing was imported"

# --- the consumer's first reminder ---------------------------------------------------
# letter LANG: K1's first reminder in LANG, blanks and line ends made one blank
letter() {
	"$R" -d "$B" letter K1 --step 1 --lang "$1" -o "$T/k1-$1.pdf" >/dev/null 2>&1 &&
		pdftotext -layout "$T/k1-$1.pdf" - 2>/dev/null
}
while IFS='|' read -r L date amount; do
	text=$(letter "$L")
	like "$text" "^K-1 +$date" "$L: the invoice's row"
	is "$(printf '%s\n' "$text" | grep -A1 '^K-1 ' | tail -1 | sed 's/ *$//')" "Abonnement fibre, novembre 2026" \
		"$L: what it was for, on the line under it"
	like "$text" "^K-2 +[^ ]+ +[^ ]+ +$amount" "$L: without a description: number, date and amount"
	unlike "$(printf '%s\n' "$text" | grep -A1 '^K-2 ' | tail -1)" "[A-Za-z]" "$L: and nothing under it"
done <<'LANGS'
fr|15/10/2026|45,50 EUR
nl|15/10/2026|45,50 EUR
de|15\.10\.2026|45,50 EUR
en|2026-10-15|(EUR 45\.50|45\.50 EUR)
LANGS

# the e-mail: K2's first reminder (step 1 is due on 2026-11-24)
"$R" -d "$B" dunning run --account K2 >/dev/null 2>&1
mail=$(cat "$T"/mail/*.eml 2>/dev/null | perl -MMIME::QuotedPrint -e 'local $/; my $m = <STDIN>;
	my (undef, $b) = split /\r?\n\r?\n/, $m, 2; $b =~ s/\r\n/\n/g; print decode_qp($b)')
like "$(printf '%s\n' "$mail" | grep -A1 '^  M-1 ' | tail -1)" "^ {7,}Onderhoud verwarmingsketel 2026$" \
	"the e-mail's table: the description under its invoice"

# --- it travels with its invoice ------------------------------------------------------
C="$T/copy.db"
"$R" -d "$B" sync name office >/dev/null 2>&1
"$R" -d "$B" export changes -o "$T/o.chg" >/dev/null 2>&1
"$R" -d "$C" sync join "$B" >/dev/null 2>&1
ok "another copy takes the change file" "$R" -d "$C" import changes "$T/o.chg"
is "$(sqlite3 "$C" "SELECT description FROM invoices WHERE invoice_no = 'M-1'")" "Onderhoud verwarmingsketel 2026" \
	"the description arrives with its invoice"
sed -i 's/Onderhoud verwarmingsketel 2026/Onderhoud ketel/' "$T/invoices.csv"
"$R" -d "$B" import invoices "$T/invoices.csv" >/dev/null 2>&1
"$R" -d "$B" export changes -o "$T/o2.chg" >/dev/null 2>&1
"$R" -d "$C" import changes "$T/o2.chg" >/dev/null 2>&1
is "$(sqlite3 "$C" "SELECT description FROM invoices WHERE invoice_no = 'M-1'")" "Onderhoud ketel" \
	"and so does a change of it"
done_testing
