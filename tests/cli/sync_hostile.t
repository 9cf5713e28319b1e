#!/bin/sh
# sync_hostile.t — change files from a copy that went bad (or a thief of
# the family's key): rows that no import or form would have let in are
# refused whole, naming the file, the row and the field, and the book is
# unchanged; a phone that looks like an option never reaches a command.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
O="$T/office.db"
queue_book "$O"
"$R" -d "$O" export changes -o "$T/first.chg" >/dev/null

# hostile SQL: one bad value written behind relance's back in a clone of
# the office's book, then every unit sent
hostile() {
	rm -f "$T/evil.db" "$T/evil.chg"
	"$R" -d "$O" clone "$O" "$T/evil.db" >/dev/null
	sqlite3 "$T/evil.db" "$1"
	"$R" -d "$T/evil.db" export changes --all -o "$T/evil.chg" >/dev/null
}
before=$(book_dump "$O")
hostile "UPDATE customers SET name = 'Evil' || char(13, 10, 27) || '[2J' WHERE account_no = 'Q1'"
out=$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)
like "$out" "evil.chg: account Q1 \(table customers\), field name: \"Evil\\\\x0d\\\\x0a\\\\x1b\[2J\" has a control character; nothing was changed" "a name with CR LF and ESC is refused, naming the row and field"
hostile "UPDATE customers SET phone = '--config=evil;\$(id)' WHERE account_no = 'Q2'"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" "account Q2 \(table customers\), field phone: \"--config=evil;\\\$\(id\)\" is not a phone number" "a phone that is an option is refused"
hostile "UPDATE customers SET phone = '-1234' WHERE account_no = 'Q2'"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" "field phone: \"-1234\" is not a phone number" "a phone that begins with - is refused"
hostile "UPDATE invoices SET due_date = 'garbage' WHERE invoice_no = 'Q1-1'"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" "invoice Q1-1 \(table invoices\), field due_date: \"garbage\" is not a date" "a due date that is no date is refused"
hostile "UPDATE invoices SET amount = 9223372036854775807 WHERE invoice_no = 'Q1-1'"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" "invoice Q1-1 \(table invoices\), field amount: \"9223372036854775807\" is too large" "an amount of INT64_MAX is refused"
hostile "UPDATE invoices SET amount = 'twelve' WHERE invoice_no = 'Q1-1'"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" "field amount: \"twelve\" is not an amount in cents" "an amount that is text is refused"
# values are checked as the file has them, and a table whole when one
# may not pass: a real is neither cents nor text
hostile "UPDATE invoices SET amount = 12.5 WHERE invoice_no = 'Q1-1'"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" "invoice Q1-1 \(table invoices\), field amount: \"12.5\" is not an amount in cents" "an amount that is a real is refused"
hostile "UPDATE promises SET promised_date = '2026-02-30' WHERE account_no = 'Q3'"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" "promise .* \(table promises\), field promised_date: \"2026-02-30\" is not a date" "a promise on 30 February is refused"
hostile "INSERT INTO activities(id, account_no, at, type, user, copy_id, summary, body)
	VALUES ('0190a000-0000-7000-8000-0000000000e0', 'Q1', '2026-11-24T10:00:00Z', 'note', 'tester', 'x',
		'two lines', 'line one' || char(10) || 'line two' || char(9) || 'tab')"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" "evil.chg: [0-9]+ units: " "a note of several lines is taken"
before=$(book_dump "$O")
hostile "INSERT INTO activities(id, account_no, at, type, user, copy_id, summary)
	VALUES ('0190a000-0000-7000-8000-0000000000e1', 'Q1', '2026-11-24T10:00:00Z', 'note', 'mallory', 'x',
		'x' || char(27) || ']0;owned' || char(7))"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" "journal entry .* \(table activities\), field summary: .* has a control character" "a journal entry with an escape sequence is refused"
is "$(book_dump "$O")" "$before" "none of them changed the book"

# a copy that changes another copy's work leaves a trace in the journal
P=$("$R" -d "$O" --user office promise add Q1 --date 2026-12-10 --amount 300)
"$R" -d "$O" export changes -o "$T/o2.chg" >/dev/null
rm -f "$T/evil.db"
"$R" -d "$O" clone "$O" "$T/evil.db" >/dev/null
sqlite3 "$T/evil.db" "UPDATE promises SET amount = 1, status = 'cancelled' WHERE id = '$P'"
"$R" -d "$T/evil.db" export changes -o "$T/evil.chg" >/dev/null
like "$("$R" -d "$O" import changes "$T/evil.chg")" "1 unit: 0 new .*, 1 newer, .* 0 conflicts" "a change to the office's promise made on another copy is taken"
h=$("$R" -d "$O" history Q1 --format tsv)
like "$h" "system	Changed on another copy: promise $P, last changed on copy [0-9a-f]{8} at 2026-[0-9: -]+, was changed on copy [0-9a-f]{8} at" "and journaled on the account"
like "$(sqlite3 "$O" "SELECT body FROM activities WHERE summary LIKE 'Changed on another copy%'")" "amount: 30000 \(now: 1\)
status: open \(now: cancelled\)" "with both versions of each field it changed"

# the customers import holds phones to the same rule
printf 'account_no,name,phone\nQ1,Acme,-1234\n' > "$T/phone.csv"
like "$("$R" -d "$O" import customers "$T/phone.csv" 2>&1)" "phone.csv:2: phone: \"-1234\" is not a phone number" "an import refuses a phone that begins with -"
printf 'account_no,name,phone\nQ1,Acme,+32 2 123 45 67; (02) 555.12.12\n' > "$T/phone.csv"
ok "and takes numbers as people write them" "$R" -d "$O" import customers --dry-run "$T/phone.csv"
done_testing
