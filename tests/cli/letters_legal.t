#!/bin/sh
# letters_legal.t — what a letter says of the creditor and of the payment
# reference, read back with pdftotext in fr, nl, de and en: an OGM is the
# "structured communication", an RF reference the "structured reference
# (RF)" (in Belgium the first term is the +++ OGM only), in the text and in
# the pay line; the letterhead carries the legal mentions of a Belgian
# company (Code of Companies and Associations art. 2:20): name and legal
# form, seat, the enterprise number 0123.456.749 under its own label, the
# register and court (company-rpm), the VAT number BE0123.456.749 labelled
# as such, the website; e-mails sign with them; the German formal notice
# says it is one. Dates are fixed (RELANCE_TODAY, tap.sh).
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
set company-name = "Relance Test"
set company-legal-form = "SRL"
set company-rpm = "RPM Bruxelles"
set company-website = "www.relance.example"
set company-address = "Rue de la Loi 16; 1000 Bruxelles"
set company-vat = "BE0123.456.749"
set company-iban = "BE71 0961 2345 6769"
set company-bic = "GKCCBEBB"
set company-email = "credit@relance.example"
set company-city = "Bruxelles"
set sendmail = "$T/sendmail"
set letters-dir = "$T/letters"
RC
cat > "$T/customers.csv" <<'CSV'
account_no,name,contact,language,segment,email,phone,street,postcode,city,country
O1,Ogm SA,,fr,business,,,Rue Haute 1,1000,Bruxelles,BE
F1,Rf SA,,fr,business,,,Rue Haute 2,1000,Bruxelles,BE
K1,Jean Dupont,,fr,consumer,jean@dupont.example,,Rue Basse 3,4000,Liège,BE
CSV
cat > "$T/invoices.csv" <<'CSV'
invoice_no,account_no,issue_date,due_date,amount,open_amount,reference
O-1,O1,2026-09-18,2026-10-18,250.00,250.00,+++090/9337/55493+++
F-1,F1,2026-09-18,2026-10-18,250.00,250.00,RF18 5390 0754 7034
K-1,K1,2026-10-15,2026-11-14,200.00,200.00,+++010/8068/17183+++
CSV
"$R" -d "$B" import customers "$T/customers.csv" >/dev/null &&
	"$R" -d "$B" import invoices "$T/invoices.csv" >/dev/null ||
	{ echo "Bail out! cannot build the book"; exit 1; }

# letter ACCOUNT LANG [STEP]: the letter's text, blanks and line ends made
# one blank (pdftotext breaks long lines where the layout does)
letter() {
	"$R" -d "$B" letter "$1" --lang "$2" ${3:+--step "$3"} -o "$T/$1-$2.pdf" >/dev/null 2>&1 &&
		pdftotext "$T/$1-$2.pdf" - 2>/dev/null | tr -s ' \n' '  '
}

# --- the reference's label -------------------------------------------------------
# lang, the OGM's label, the RF's label, the enterprise number's, the VAT's
while IFS='|' read -r L ogm rf number vat; do
	text=$(letter O1 "$L")
	like "$text" "$ogm[^:]{0,2}: \\+\\+\\+090/9337/55493\\+\\+\\+" "$L: an OGM is labelled '$ogm' in the text"
	like "$text" "— $ogm \\+\\+\\+090/9337/55493\\+\\+\\+" "$L: and in the pay line"
	text=$(letter F1 "$L")
	like "$text" "$rf[^:]{0,2}: RF18 5390 0754 7034" "$L: an RF reference is labelled '$rf' in the text"
	like "$text" "— $rf RF18 5390 0754 7034" "$L: and in the pay line"
	unlike "$text" "$ogm" "$L: never '$ogm'"
	# --- the legal mentions (art. 2:20) ---------------------------------------------
	like "$text" "^Relance Test SRL Rue de la Loi 16 1000 Bruxelles " "$L: the letterhead: name, legal form, seat"
	like "$text" "Bruxelles $number 0123\\.456\\.749 RPM Bruxelles $vat BE0123\\.456\\.749 www\\.relance\\.example" \
		"$L: then the enterprise number, the register and court, the VAT number, the website"
	unlike "$text" "$number:? BE" "$L: the enterprise number is never written with the VAT number's BE"
	like "$text" "Relance Test SRL — $number 0123\\.456\\.749 — RPM Bruxelles — $vat BE0123\\.456\\.749" \
		"$L: the footer says them too"
done <<'LANGS'
fr|Communication structurée|Référence structurée \(RF\)|Numéro d'entreprise|TVA
nl|Gestructureerde mededeling|Gestructureerde referentie \(RF\)|Ondernemingsnummer|BTW
de|Strukturierte Mitteilung|Strukturierte Referenz \(RF\)|Unternehmensnummer|USt-IdNr\.
en|Structured communication|Structured reference \(RF\)|Company number|VAT
LANGS

# --- the formal notice names itself ----------------------------------------------
like "$(letter O1 de 4)" "Dieses Schreiben gilt als Inverzugsetzung\\." "de: the formal notice says it is one"
like "$(letter O1 fr 4)" "nous vous mettons en demeure" "fr: so does the French"
like "$(letter O1 nl 4)" "Deze brief geldt als ingebrekestelling\\." "nl: and the Dutch"
like "$(letter O1 en 4)" "We hereby give you formal notice" "en: and the English"

# --- a consumer's first reminder by e-mail ----------------------------------------
"$R" -d "$B" dunning run --account K1 >/dev/null 2>&1
mail=$(cat "$T"/mail/*.eml 2>/dev/null | perl -MMIME::QuotedPrint -e 'local $/; my $m = <STDIN>;
	my (undef, $b) = split /\r?\n\r?\n/, $m, 2; $b =~ s/\r\n/\n/g; print decode_qp($b)')
like "$mail" "premier rappel de Relance Test SRL \\(numéro d'entreprise" \
	"the consumer's first reminder names the creditor with its legal form"
like "$mail" "^0123\\.456\\.749\\)\\. Il est gratuit\\." "and gives the enterprise number, not the VAT number"
like "$mail" "^Communication structurée[^:]{0,2}: \\+\\+\\+010/8068/17183\\+\\+\\+" "the OGM labelled as such"
like "$mail" "^Numéro d'entreprise 0123\\.456\\.749$" "the signature: the enterprise number"
like "$mail" "^RPM Bruxelles$" "the register and the court of the seat"
like "$mail" "^TVA BE0123\\.456\\.749$" "the VAT number"

# --- the settings -----------------------------------------------------------------
out=$("$R" config 2>&1)
like "$out" 'set company-legal-form = "SRL"' "relance config shows company-legal-form"
like "$out" 'set company-rpm = "RPM Bruxelles"' "and company-rpm"
like "$out" 'set company-website = "www.relance.example"' "and company-website"
# a name that already ends with its legal form says it once; a VAT number
# without the BE prefix is the enterprise number alone
sed -i 's/^set company-name = .*/set company-name = "Relance Test srl"/; s/^set company-vat = .*/set company-vat = "0123 456 749"/' \
	"$HOME/.config/relance/relancerc"
text=$(letter O1 fr)
like "$text" "^Relance Test srl Rue" "a name ending with its legal form: said once"
like "$text" "Numéro d'entreprise 0123\\.456\\.749 RPM Bruxelles www" "a number without BE: the enterprise number"
unlike "$text" "TVA" "and no VAT number"
done_testing
