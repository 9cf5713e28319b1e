#!/bin/sh
# import_formats.t — files as real accounting packages write them: French,
# Dutch and English headers, ';' ',' and tab, BOM and CRLF, quoting with
# embedded delimiters, quotes and newlines, decimal commas, DD/MM/YYYY and
# DD.MM.YYYY dates, CP1252 and ISO-8859-15 bytes, --map.
. "$(dirname "$0")/../lib/tap.sh"
B="$T/book.db"

# French export: BOM, CRLF, semicolons, decimal commas, quoted fields
printf '\357\273\277N° client;Raison sociale;Téléphone;Langue;Gestionnaire;Limite de crédit\r\n' > "$T/clients.csv"
printf 'FR1;"Dupont; Fils & Cie";+33 1 23 45 67 89;Français;amartin;"10.000,00"\r\n' >> "$T/clients.csv"
printf 'FR2;"Le ""Petit"" Café\r\nau coin";+33 6 11 22 33 44;fr;amartin;\r\n' >> "$T/clients.csv"
out=$("$R" -d "$B" import customers "$T/clients.csv" 2>&1)
like "$out" "2 rows read, 2 new" "French headers, BOM, CRLF, semicolons"
is "$(sqlite3 "$B" "SELECT name FROM customers WHERE account_no = 'FR1'")" "Dupont; Fils & Cie" "quoted delimiter"
is "$(sqlite3 "$B" "SELECT replace(name, char(13), '<CR>') FROM customers WHERE account_no = 'FR2'")" "Le \"Petit\" Café<CR>
au coin" "doubled quotes and an embedded CRLF, kept as written"
is "$(sqlite3 "$B" "SELECT language, credit_limit FROM customers WHERE account_no = 'FR1'")" "fr|1000000" "language by name; credit limit 10.000,00"

printf 'N° facture;N° client;Date facture;Échéance;Montant TTC;Solde\r\n' > "$T/factures.csv"
printf 'F-1;FR1;01/10/2026;31/10/2026;1.234,56;1.000,00\r\n' >> "$T/factures.csv"
printf 'F-2;FR2;01.09.2026;01.10.2026;-12,50;-12,50\r\n' >> "$T/factures.csv"
out=$("$R" -d "$B" import invoices "$T/factures.csv" 2>&1)
like "$out" "2 rows read, 2 new" "French invoice headers, decimal comma, DD/MM/YYYY and DD.MM.YYYY"
is "$(sqlite3 "$B" "SELECT invoice_no, kind, issue_date, due_date, amount, open_amount FROM invoices ORDER BY 1")" \
"F-1|invoice|2026-10-01|2026-10-31|123456|100000
F-2|credit_note|2026-09-01|2026-10-01|-1250|-1250" "values stored as ISO dates and cents; a negative amount is a credit note"

# Dutch export, tab-separated, CP1252 bytes (é = \351, ü = \374), no --encoding
printf 'Klantnummer\tNaam\tTaal\n' > "$T/klanten.csv"
printf 'NL1\tSoci\351t\351 G\351n\351rale\tNederlands\n' >> "$T/klanten.csv"
printf 'NL2\tM\374ller GmbH\tde\n' >> "$T/klanten.csv"
out=$("$R" -d "$B" import customers "$T/klanten.csv" 2>&1)
like "$out" "klanten.csv:2: warning: not valid UTF-8; reading the file as CP1252" "CP1252 detected with a warning naming the line"
like "$out" "2 rows read, 2 new" "tab-separated with Dutch headers"
is "$(sqlite3 "$B" "SELECT name FROM customers WHERE account_no IN ('NL1', 'NL2') ORDER BY account_no")" "Société Générale
Müller GmbH" "names arrive intact"

# --encoding: ISO-8859-15 has the euro sign at 0xA4, CP1252 at 0x80
printf 'account_no,name\nE1,Caf\351 \244 Co\n' > "$T/latin9.csv"
"$R" -d "$B" import customers --encoding iso-8859-15 "$T/latin9.csv" >/dev/null 2>&1
is "$(sqlite3 "$B" "SELECT name FROM customers WHERE account_no = 'E1'")" "Café € Co" "--encoding iso-8859-15"
printf 'account_no,name\nE2,Caf\351\n' > "$T/latin1.csv"
fails "--encoding utf-8 refuses bytes that are not UTF-8" "$R" -d "$B" import customers --encoding utf-8 "$T/latin1.csv"
out=$("$R" -d "$B" import customers --encoding utf-8 "$T/latin1.csv" 2>&1)
like "$out" "latin1.csv:2: byte 0xe9 is not valid UTF-8" "and names the line"
fails "an unknown encoding is refused" "$R" -d "$B" import customers --encoding ebcdic "$T/latin1.csv"

# English headers with --map for a column nobody could guess
printf 'Cust,Company,Ref\nM1,Acme Ltd,x\n' > "$T/map.csv"
out=$("$R" -d "$B" import customers --map account_no=Cust --map name=Company "$T/map.csv" 2>&1)
like "$out" "1 row read, 1 new" "--map names the columns"
fails "--map of an unknown column is refused" "$R" -d "$B" import customers --map nope=Cust "$T/map.csv"
out=$("$R" -d "$B" import customers --map account_no=Kust --map name=Company "$T/map.csv" 2>&1)
like "$out" 'map.csv:1: --map account_no=Kust: no column is headed "Kust"' "--map naming a header that is not there is refused"

# --delimiter and --decimal-point forced; ambiguous amounts need a decision
printf 'invoice_no|account_no|due_date|amount\nG-1|FR1|2026-11-01|1.234\n' > "$T/pipe.csv"
out=$("$R" -d "$B" import invoices --delimiter '|' "$T/pipe.csv" 2>&1)
like "$out" 'pipe.csv:2: amount: "1.234" is ambiguous \(thousands or decimals\?\); use --decimal-comma or --decimal-point' "1.234 alone is ambiguous, and the options that decide it are named"
out=$("$R" -d "$B" import invoices --delimiter '|' --decimal-comma "$T/pipe.csv" 2>&1)
like "$out" "1 row read, 1 new" "--decimal-comma decides it"
is "$(sqlite3 "$B" "SELECT amount FROM invoices WHERE invoice_no = 'G-1'")" 123400 "1.234 with decimal commas is 1234.00"

# --date-format MM/DD/YYYY for an American export
printf 'invoice_no,account_no,due_date,amount\nUS-1,FR1,12/31/2026,10.00\n' > "$T/us.csv"
fails "12/31/2026 is not a DD/MM/YYYY date" "$R" -d "$B" import invoices "$T/us.csv"
ok "--date-format MM/DD/YYYY reads it" "$R" -d "$B" import invoices --date-format MM/DD/YYYY "$T/us.csv"
is "$(sqlite3 "$B" "SELECT due_date FROM invoices WHERE invoice_no = 'US-1'")" 2026-12-31 "as 31 December"

# a structured communication with a wrong check number is an error
printf 'invoice_no,account_no,due_date,amount,reference\nR-1,FR1,2026-11-01,10.00,+++000/0000/00102+++\n' > "$T/ogm.csv"
out=$("$R" -d "$B" import invoices "$T/ogm.csv" 2>&1)
like "$out" 'ogm.csv:2: reference: "\+\+\+000/0000/00102\+\+\+" is a structured communication with a wrong check number' "bad OGM check digits refused"

# an export with many columns relance ignores (ERP files carry 40 and more)
{
	printf 'account_no,name'; i=1; while [ $i -le 60 ]; do printf ',extra%d' $i; i=$((i + 1)); done; echo
	printf 'W1,Wide Export'; i=1; while [ $i -le 60 ]; do printf ',"v""%d"' $i; i=$((i + 1)); done; echo
} > "$T/wide.csv"
out=$("$R" -d "$B" import customers "$T/wide.csv" 2>&1)
like "$out" "1 row read, 1 new" "62 columns, 60 of them quoted with doubled quotes"
is "$(sqlite3 "$B" "SELECT name FROM customers WHERE account_no = 'W1'")" "Wide Export" "the known columns are read"

# "--" ends the options: a file named like an option
printf 'account_no,name\nD1,Dash\n' > "$T/--odd.csv"
(cd "$T" && "$R" -d "$B" import customers -- --odd.csv >/dev/null 2>&1)
is "$(sqlite3 "$B" "SELECT name FROM customers WHERE account_no = 'D1'")" "Dash" "-- before a file name that starts with --"

# blanks before an opening quote; a trailing line of delimiters; CR-only lines
printf 'account_no, name, city\nS2, "Smith, John", "Gent"\n;;\n' | tr ';' ',' > "$T/blank.csv"
out=$("$R" -d "$B" import customers "$T/blank.csv" 2>&1)
like "$out" "1 row read, 1 new" "a line of empty fields is skipped"
is "$(sqlite3 "$B" "SELECT name, city FROM customers WHERE account_no = 'S2'")" "Smith, John|Gent" "blanks before a quote"
printf 'account_no,name\rM1,Mac\rM2,\r' > "$T/mac.csv"
out=$("$R" -d "$B" import customers "$T/mac.csv" 2>&1)
like "$out" "mac.csv:3: name: is empty" "CR-only line endings count lines"

# a long free reference is kept whole; a longer one is refused
long="Facture de la livraison partielle du chantier de la rue de l'Église, deuxième tranche"
printf 'invoice_no,account_no,due_date,amount,reference\nL-1,FR1,2026-11-01,10.00,"%s"\n' "$long" > "$T/long.csv"
"$R" -d "$B" import invoices "$T/long.csv" >/dev/null 2>&1
is "$(sqlite3 "$B" "SELECT reference FROM invoices WHERE invoice_no = 'L-1'")" "$long" "free references are stored whole"
printf 'invoice_no,account_no,due_date,amount,reference\nL-2,FR1,2026-11-01,10.00,"%s%s"\n' "$long" "$long" > "$T/long2.csv"
out=$("$R" -d "$B" import invoices "$T/long2.csv" 2>&1)
like "$out" "long2.csv:2: reference: is longer than 140 characters" "over 140 characters refused"
accents=$(printf 'é%.0s' $(seq 1 130))
printf 'invoice_no,account_no,due_date,amount,reference\nL-3,FR1,2026-11-01,10.00,%s\n' "$accents" > "$T/long3.csv"
out=$("$R" -d "$B" import invoices "$T/long3.csv" 2>&1)
like "$out" "1 row read, 1 new" "140 characters, not bytes: 130 accented letters pass"
printf 'invoice_no,account_no,due_date,amount,reference\nL-4,FR1,2026-11-01,10.00,"a\001b"\n' > "$T/ctl.csv"
out=$("$R" -d "$B" import invoices "$T/ctl.csv" 2>&1)
like "$out" 'ctl.csv:2: reference: "a\\x01b" has a control character' "control characters in a reference are refused"

# UTF-8 with one stray byte is an error, not a CP1252 file; UTF-16 is named
printf 'account_no,name\nU1,Li\303\250ge\nU2,Caf\351\n' > "$T/mixed.csv"
out=$("$R" -d "$B" import customers "$T/mixed.csv" 2>&1)
like "$out" "mixed.csv:3: byte 0xe9 is not valid UTF-8, though the file holds UTF-8 elsewhere" "stray byte in a UTF-8 file"
is "$(sqlite3 "$B" "SELECT count(*) FROM customers WHERE account_no = 'U1'")" 0 "nothing imported"
printf '\377\376a\000,\000b\000\n\000' > "$T/utf16.csv"
out=$("$R" -d "$B" import customers "$T/utf16.csv" 2>&1)
like "$out" "utf16.csv: the file is UTF-16" "UTF-16 is named"

done_testing
