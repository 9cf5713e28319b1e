#!/bin/sh
# import_errors.t — bad input: clear messages naming file, line and field,
# all of them up to a limit, a non-zero exit, and nothing written (a bad
# row 999 of 1,000 leaves the book exactly as it was).
. "$(dirname "$0")/../lib/tap.sh"
B="$T/book.db"
"$R" -d "$B" import customers "$DATA/customers.csv" >/dev/null
"$R" -d "$B" import invoices "$DATA/invoices.csv" >/dev/null

# 1,000 rows with one bad date on line 999 (row 998 after the header)
{
	echo "invoice_no,account_no,issue_date,due_date,amount"
	i=1
	while [ $i -le 1000 ]; do
		if [ $i -eq 998 ]; then
			echo "N$i,A1,01/02/2026,31/02/2026,10.00"
		else
			echo "N$i,A1,01/02/2026,28/02/2026,10.00"
		fi
		i=$((i + 1))
	done
} > "$T/invoices.csv"
before=$(book_dump "$B")
out=$("$R" -d "$B" import invoices "$T/invoices.csv" 2>&1)
status=$?
is "$status" 1 "exit status 1"
like "$out" "invoices.csv:999: due_date: \"31/02/2026\" is not a date" "the error names file, line, field and value"
like "$out" "invoices.csv: 1 error; nothing was imported" "and says nothing was imported"
is "$(book_dump "$B")" "$before" "the book is exactly as it was"

# several errors on several lines, all reported; then a limit
cat > "$T/bad.csv" <<'CSV'
invoice_no,account_no,kind,issue_date,due_date,amount,open_amount,currency
X1,A1,invoice,2026-01-01,2026-02-01,12.345,,EUR
X2,NOPE,invoice,2026-01-01,2026-02-01,10.00,,EUR
X3,A1,bill,2026-01-01,2026-02-01,10.00,,EUR
X4,A1,invoice,2026-03-01,2026-02-01,10.00,,EUR
X5,A1,invoice,2026-01-01,2026-02-01,10.00,20.00,EUR
X6,A1,invoice,2026-01-01,2026-02-01,10.00,,EURO
X1,A1,invoice,2026-01-01,2026-02-01,10.00,,EUR
,A1,invoice,2026-01-01,,10.00,,EUR
X9,A1,invoice,2026-01-01,2026-02-01,10.00,,EUR,extra
CSV
out=$("$R" -d "$B" import invoices "$T/bad.csv" 2>&1)
like "$out" 'bad.csv:2: amount: "12.345" has more than two decimals' "three decimals"
like "$out" 'bad.csv:3: account_no: "NOPE" is not an account of the book' "unknown account"
like "$out" 'bad.csv:4: kind: "bill" is neither invoice nor credit_note' "unknown kind"
like "$out" 'bad.csv:5: due_date: is before the issue date' "due before issue"
like "$out" 'bad.csv:6: open_amount: is larger than the amount' "open larger than amount"
like "$out" 'bad.csv:7: currency: "EURO" is not a currency code' "bad currency"
like "$out" 'bad.csv:8: invoice_no: "X1" is already on line 2' "duplicate key names the first line"
like "$out" 'bad.csv:9: invoice_no: is empty' "empty required field"
like "$out" 'bad.csv:9: due_date: is empty' "every bad field of a line is reported"
like "$out" 'bad.csv:10: 9 fields where the header has 8' "extra fields"
like "$out" 'bad.csv: 10 errors; nothing was imported' "all errors counted"
out=$("$R" -d "$B" import invoices --max-errors 2 "$T/bad.csv" 2>&1)
is "$(printf '%s\n' "$out" | grep -c '^.*bad.csv:[0-9]*: ')" 2 "--max-errors limits the lines printed"
like "$out" "and 8 more errors" "and says how many more"
is "$(book_dump "$B")" "$before" "the book is still as it was"

# missing columns: an error listing what was found
printf 'No,Client,Date\n1,A1,2026-01-01\n' > "$T/cols.csv"
out=$("$R" -d "$B" import invoices "$T/cols.csv" 2>&1)
is "$?" 1 "missing columns: exit 1"
like "$out" 'cols.csv:1: missing columns invoice_no, due_date, amount; the header has "No", "Client", "Date"' "missing columns listed with what was found"

# a quote that never closes
printf 'account_no,name\nQ1,"Open quote\nQ2,Fine\n' > "$T/quote.csv"
out=$("$R" -d "$B" import customers "$T/quote.csv" 2>&1)
like "$out" 'quote.csv:2: a quoted field is never closed' "unclosed quote"

# empty file, header only, missing file
: > "$T/empty.csv"
out=$("$R" -d "$B" import customers "$T/empty.csv" 2>&1)
like "$out" "empty.csv: the file is empty" "empty file"
printf 'account_no,name\n' > "$T/header.csv"
out=$("$R" -d "$B" import customers "$T/header.csv" 2>&1)
like "$out" "0 rows read, 0 new" "a header alone is a valid, empty file"
out=$("$R" -d "$B" import customers "$T/nothere.csv" 2>&1)
like "$out" "nothere.csv: No such file" "missing file"

# customers: bad e-mail, phone, country, language, control characters
cat > "$T/cust.csv" <<'CSV'
account_no,name,email,phone,country,language
K1,Bad Mail,not-an-address,,,
K2,Bad Phone,,call me,,
K3,Bad Country,,,Atlantis,
K4,Bad Language,,,,klingon
CSV
printf 'K5,Bell\007Name,,,,\n' >> "$T/cust.csv"
out=$("$R" -d "$B" import customers "$T/cust.csv" 2>&1)
like "$out" 'cust.csv:2: email: "not-an-address" is not an e-mail address' "bad e-mail"
like "$out" 'cust.csv:3: phone: "call me" is not a phone number' "bad phone"
like "$out" 'cust.csv:4: country: "Atlantis" is not a country' "bad country"
like "$out" 'cust.csv:5: language: "klingon" is not one of fr, nl, en, de' "bad language"
like "$out" 'cust.csv:6: name: "Bell\\x07Name" has a control character' "control character, shown escaped"
unlike "$out" "$(printf '\007')" "no raw control character in the message"

# payments: unknown invoice without account, invoice of another account
cat > "$T/pay.csv" <<'CSV'
payment_ref,account_no,date,amount,invoice_no
PX1,,2026-01-01,10.00,NOPE
PX2,A2,2026-01-01,10.00,I1
PX3,A1,2026-01-01,0,I1
CSV
out=$("$R" -d "$B" import payments "$T/pay.csv" 2>&1)
like "$out" 'pay.csv:2: account_no: is empty and the invoice is not in the book' "payment without an account"
like "$out" 'pay.csv:3: invoice_no: "I1" belongs to account "A1", not "A2"' "payment naming another account's invoice"
like "$out" 'pay.csv:4: amount: is zero' "zero payment"

# usage errors exit 2
"$R" -d "$B" import bananas "$T/pay.csv" 2>/dev/null
is "$?" 2 "unknown kind: exit 2"
"$R" -d "$B" import customers --snapshot "$DATA/customers.csv" 2>/dev/null
is "$?" 2 "--snapshot on customers: exit 2"
"$R" -d "$B" import customers --bogus "$DATA/customers.csv" 2>/dev/null
is "$?" 2 "unknown option: exit 2"
"$R" -d "$B" import customers --encoding ebcdic "$DATA/customers.csv" 2>/dev/null
is "$?" 2 "unknown encoding: exit 2"
out=$("$R" -d "$B" items NOPE 2>/dev/null)
is "$out" "" "items of an unknown account print nothing on standard output"
is "$(book_dump "$B")" "$before" "after all of this, the book is still as it was"

done_testing
