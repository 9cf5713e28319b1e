#!/bin/sh
# freshness.t — how fresh the book's payments are (book/freshness.h): the
# later of the last import of invoices or payments and the last bank
# statement, counted in working days (weekends and Belgian holidays left
# out) against `set stale-days` (default 2). `dunning run` refuses to send
# on stale data and writes nothing; --force sends and says so; --dry-run
# lists and warns on standard error only.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"

B="$T/book.db"
dunning_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config
RC="$HOME/.config/relance/relancerc"
mails() { ls "$T/mail" | wc -l; }
sent() { sqlite3 "$1" "SELECT count(*) FROM activities WHERE detail LIKE '{\"dunning\":%'"; }
# the verdict on DAY, from a dry run's standard error ("" when fresh)
verdict() { RELANCE_TODAY=$2 "$R" -d "$1" dunning run --dry-run --quiet --format tsv 2>&1 >/dev/null |
	sed -n 's/.*payment data is stale: \([^:]*\):.*/\1/p'; }

# --- fresh on the day of the import (the book was built on 2026-11-24, a Tuesday)
"$R" -d "$B" dunning run --dry-run --format tsv > "$T/list" 2> "$T/err"
is "$?" 0 "a dry run on the day of the import"
unlike "$(cat "$T/err")" "stale" "says nothing of staleness"
is "$(verdict "$B" 2026-11-26)" "" "two working days later (Thursday): still fresh with stale-days 2"

# --- three working days later (Friday 11-27): stale ------------------------------
before=$(book_dump "$B")
RELANCE_TODAY=2026-11-27 "$R" -d "$B" dunning run > "$T/out" 2> "$T/err"
is "$?" 1 "dunning run on stale payment data fails"
is "$(cat "$T/err")" "relance: payment data is stale: payments as of 2026-11-24 (3 working days; stale-days is 2): import the ledger's payments or a bank statement first, or use --force; nothing was sent" \
	"and says why: as of when, how many working days, the limit, what to do"
is "$(cat "$T/out")" "" "it lists nothing"
is "$(mails)" 0 "nothing is sent"
ok "no letter is written" test ! -e "$T/letters"
is "$(book_dump "$B")" "$before" "nothing is written to the book"

# --dry-run: the list as it would be, the warning on standard error only
RELANCE_TODAY=2026-11-27 "$R" -d "$B" dunning run --dry-run --format tsv > "$T/dry" 2> "$T/err"
is "$?" 0 "a dry run on stale data still lists"
like "$(cat "$T/err")" "^relance: warning: dunning run: payment data is stale: payments as of 2026-11-24 \\(3 working days; stale-days is 2\\): a run would refuse" \
	"and warns on standard error"
unlike "$(cat "$T/dry")" "stale" "the tsv stays clean"
like "$(cat "$T/dry")" "B1	I-7	2	email	reminder-1" "and lists the messages due"
RELANCE_TODAY=2026-11-27 "$R" -d "$B" dunning run --dry-run --format json 2>/dev/null > "$T/dry.json"
ok "the json stays clean too" perl -MJSON::PP -e 'local $/; decode_json(<STDIN>)' < "$T/dry.json"

# --force: sent all the same, and said
RELANCE_TODAY=2026-11-27 "$R" -d "$B" dunning run --force --format tsv > "$T/out" 2> "$T/err"
is "$?" 0 "--force sends on stale data"
like "$(cat "$T/err")" "payment data is stale: payments as of 2026-11-24 .*: sending anyway \\(--force\\)" "and says it did"
is "$(tail -n +2 "$T/out" | cut -f1,2)" "$(tail -n +2 "$T/dry" | cut -f1,2)" "what the dry run listed is what it sent"
is "$(sent "$B")" "$(tail -n +2 "$T/dry" | cut -f1,3 | sort -u | wc -l)" "each message journaled"
ok "e-mails went" test "$(mails)" -gt 0

# --- an import that changes nothing still counts: the ledger was read -------------
ledger_read "$B" 2026-11-27
is "$(verdict "$B" 2026-12-01)" "" "read on Friday 11-27: fresh on Tuesday (the weekend does not count)"
is "$(verdict "$B" 2026-12-02)" "payments as of 2026-11-27 (3 working days; stale-days is 2)" \
	"stale on Wednesday: three working days"
RELANCE_TODAY=2026-12-02 "$R" -d "$B" import customers "$T/d-customers.csv" > /dev/null
is "$(verdict "$B" 2026-12-02)" "payments as of 2026-11-27 (3 working days; stale-days is 2)" \
	"customers say nothing of payments: still stale"
RELANCE_TODAY=2026-12-02 "$R" -d "$B" import invoices "$T/d-invoices.csv" > /dev/null
is "$(verdict "$B" 2026-12-02)" "" "the open items read again that day, nothing changed in them: fresh"

# --- holidays: 2026-12-25 (a Friday) is no working day ------------------------------
ledger_read "$B" 2026-12-23
is "$(verdict "$B" 2026-12-28)" "" "read on Wednesday 12-23: Thursday, then Monday 12-28 is the second working day"
is "$(verdict "$B" 2026-12-29)" "payments as of 2026-12-23 (3 working days; stale-days is 2)" "Tuesday 12-29: stale"

# --- stale-days ------------------------------------------------------------------------
echo "set stale-days = 5" >> "$RC"
is "$(verdict "$B" 2026-12-31)" "" "stale-days 5: five working days are fine"
is "$(verdict "$B" 2027-01-04)" "payments as of 2026-12-23 (6 working days; stale-days is 5)" \
	"six are not (1 January is a holiday: Monday 01-04 is the sixth)"
like "$("$R" config)" "set stale-days = 5" "relance config shows the setting"
sed -i 's/^set stale-days = .*/set stale-days = 0/' "$RC"
is "$(verdict "$B" 2026-12-23)" "" "stale-days 0: payments as of today are fresh"
is "$(verdict "$B" 2026-12-24)" "payments as of 2026-12-23 (1 working day; stale-days is 0)" "the next working day they are not"
sed -i 's/^set stale-days = .*/set stale-days = off/' "$RC"
is "$(verdict "$B" 2027-06-01)" "" "stale-days off: never stale"
like "$("$R" config)" "set stale-days = off" "said as off"
for bad in -1 two 1.5 366 '""'; do
	sed -i "s/^set stale-days = .*/set stale-days = $bad/" "$RC"
	RELANCE_TODAY=2027-06-01 "$R" -d "$B" dunning run > "$T/out" 2> "$T/err"
	rc=$?
	like "$(cat "$T/err")" "relancerc:[0-9]+: stale-days: a number of working days from 0 to 365, or off" \
		"stale-days = $bad: refused, naming the file and line"
	is "$rc" 1 "and the run does not go"
done
sed -i '/^set stale-days/d' "$RC"

# --- a bank statement makes the payments fresh ----------------------------------------
# (written with SQL: reading statements is import bank's, tested there)
is "$(verdict "$B" 2027-01-05)" "payments as of 2026-12-23 (7 working days; stale-days is 2)" "stale on 2027-01-05"
sqlite3 "$B" "INSERT INTO bank_statements(id, format, iban, currency, seq, date, movements, file, imported_at)
	VALUES ('BE71096123456769/2027/001', 'coda', 'BE71096123456769', 'EUR', '001', '2027-01-04', 0, 'day.cod',
		'2027-01-05T07:00:00Z')"
is "$(verdict "$B" 2027-01-05)" "" "a statement of 2027-01-04: fresh"
is "$(verdict "$B" 2027-01-08)" "payments as of 2027-01-04 (4 working days; stale-days is 2)" \
	"counted from the statement's date"

# --- the day an import was made is the local day of its UTC time ----------------------
B2="$T/local.db"
dunning_book "$B2" > /dev/null
# an import stamped late on Sunday 11-29 in UTC: Monday 00:30 in Brussels
sqlite3 "$B2" "UPDATE import_runs SET at = '2026-11-29T23:30:00.000Z'"
is "$(TZ=Europe/Brussels verdict "$B2" 2026-12-03)" "payments as of 2026-11-30 (3 working days; stale-days is 2)" \
	"in Brussels it was read on Monday 11-30"
is "$(TZ=UTC verdict "$B2" 2026-12-03)" "payments as of 2026-11-29 (4 working days; stale-days is 2)" \
	"in UTC on Sunday 11-29"

# --- a book never given invoices or payments -------------------------------------------
B3="$T/empty.db"
"$R" -d "$B3" import customers "$T/d-customers.csv" > /dev/null
"$R" -d "$B3" dunning run > "$T/out" 2> "$T/err"
is "$?" 1 "a book with no payments imported: dunning run refuses"
is "$(cat "$T/err")" "relance: payment data is stale: no payments imported yet: import the ledger's payments or a bank statement first, or use --force; nothing was sent" \
	"no payments imported yet"

# --- a copy that gets the ledger from change files --------------------------------------
# The office reads the ledger on Monday 11-30; its copy knows it from the
# change file alone (the import runs travel), not "no payments imported yet".
"$R" clone "$B" "$T/copy.db" --name copy >/dev/null
office=$(verdict "$B" 2027-01-20)
like "$office" "^payments as of 20" "(the office, on 2027-01-20: stale, $office)"
is "$(verdict "$T/copy.db" 2027-01-20)" "$office" "a new copy knows the office's reads of the ledger"
ledger_read "$B" 2026-11-30
RELANCE_TODAY=2026-11-30 "$R" -d "$B" export changes -o "$T/office.chg" >/dev/null
RELANCE_TODAY=2026-11-30 "$R" -d "$T/copy.db" import changes "$T/office.chg" >/dev/null
is "$(verdict "$T/copy.db" 2026-12-02)" "" "after the office's changes, the copy's payments are as of its read: fresh"

# --- a statement dated in the future ---------------------------------------------------
# The bank import refuses one; a book may hold one from before (or from a
# copy): it says nothing of today's payments and does not keep them fresh.
"$R" clone "$B" "$T/future.db" --name future >/dev/null
stmt() { sqlite3 "$T/future.db" "INSERT INTO bank_statements(id, format, iban, currency, seq, date, opening, closing,
	movements, file, imported_at) VALUES ('coda:BE68539007547034:$1:$2', 'coda', 'BE68539007547034', 'EUR', '$2',
	'$3', 0, 0, 0, 'f.cod', '2026-11-24T10:00:00Z')"; }
stmt 2099 001 2099-12-31
is "$(verdict "$T/future.db" 2027-01-20)" "$office" "a statement of 2099-12-31 in the book: stale all the same"
stmt 2027 014 2027-01-20
is "$(verdict "$T/future.db" 2027-01-20)" "" "one of the day: fresh"
is "$(verdict "$T/future.db" 2027-01-25)" "payments as of 2027-01-20 (3 working days; stale-days is 2)" \
	"and as of that day, not 2099-12-31, three working days later"

# --- usage -----------------------------------------------------------------------------
like "$("$R" dunning --help 2>&1)" "--force +send even on stale payment data" "dunning --help names --force"
done_testing
