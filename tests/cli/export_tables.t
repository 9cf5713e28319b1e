#!/bin/sh
# export_tables.t — `relance export promises|disputes|plans|activities`:
# the columns of each table, CSV as RFC 4180 (quoting, CRLF, delimiters,
# BOM), the formula guard, JSON, --since, -o (whole or not at all, never
# replacing a pipe), write errors and usage errors; the book is only read.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
B="$T/x.db"
queue_book "$B"
q() { "$R" -d "$B" --user tester "$@"; }
CR=$(printf '\r')
TAB=$(printf '\t')
NL='
'
have_python() { command -v python3 >/dev/null 2>&1; }
# skip NAME: a test that cannot run here
skip() { _n=$((_n + 1)); echo "ok $_n # skip $1"; }

# the collectors' work, made through the command line
pid=$(q promise add Q2 --date 2026-11-30 --note "said \"ok\", will pay${NL}next week")
q promise add Q4 --date 2026-12-05 --amount 100 --note "@ the office" >/dev/null
q dispute Q1-1 --reason price --note "price; see mail"
q dispute resolve Q8-2 --as credit_note
q plan add Q7 --installments 3 --every week --first 2026-11-30 --down 5 >/dev/null
q plan add Q4 --invoices Q4-1 --fee 10 --installments 2 --every month --first 2026-12-15 >/dev/null
q note Q3 "=SUM(A1:A9)"
q note Q3 '=HYPERLINK("http://x","y")'
q note Q9 "+32 2 555 01 01 is the new number"
q note Q9 "col1${TAB}col2"
before=$(book_dump "$B")

# --- CSV --------------------------------------------------------------------
out=$(q export promises)
is "$?" 0 "export promises: exit 0"
is "$(printf '%s\n' "$out" | head -1)" "id,account_no,name,amount,currency,promised_date,status,paid_amount,invoices,made_at,user,note,updated_at$CR" \
   "promises: the header line, CRLF"
like "$out" "^$pid,Q2,Bêta SPRL,500\\.00,EUR,2026-11-30,open,0\\.00,Q2-1,2026-11-24T[0-9:]{8}Z,tester,\"said \"\"ok\"\", will pay\$" \
     "a note with a comma and quotes is quoted, its quotes doubled; UTF-8 as it is"
like "$out" "^next week\",2026-11-24T[0-9:]{8}Z$CR\$" "its line feed is kept inside the quotes, and the record ends in CRLF"
like "$out" "^0190a000-0000-7000-8000-000000000001,Q3,Gamma NV,200\\.00,EUR,2026-11-10,broken,0\\.00,,2026-11-03T10:00:00Z,tester,,2026-11-13T06:00:00Z$CR\$" \
     "empty values are empty fields; rows in the order they were made (oldest first)"
like "$out" ",Q4,Delta SA,100\\.00,EUR,2026-12-05,open,0\\.00,Q4-1,.*,tester,'@ the office," "a note starting with @ gets an apostrophe"
is "$(printf '%s\n' "$out" | grep -c "$CR\$")" 4 "every record ends in CR LF (header and three promises; the embedded line feed is bare)"

out=$(q export disputes)
is "$(printf '%s\n' "$out" | head -1)" "id,account_no,invoice_no,reason,status,note,opened_at,opened_by,resolved_at,resolved_by,open_amount,currency,updated_at$CR" \
   "disputes: the header line"
like "$out" ",Q1,Q1-1,price,open,price; see mail,2026-11-24T[0-9:]{8}Z,tester,,,1000\\.00,EUR,2026-11-24T[0-9:]{8}Z$CR\$" \
     "an open dispute: the invoice's open amount and currency; a semicolon needs no quotes with commas"
like "$out" "^0190a000-0000-7000-8000-000000000003,Q8,Q8-2,quality,credit_note,,2026-06-10T10:00:00Z,tester,2026-11-24T[0-9:]{8}Z,tester,900\\.00,EUR,2026-11-24T" \
     "a resolved dispute: when and by whom"

out=$(q export plans)
is "$(printf '%s\n' "$out" | head -1)" "id,account_no,currency,total,down_payment,fee,frequency,first_date,status,installments,paid_amount,next_due,invoices,created_at,user,note,updated_at$CR" \
   "plans: the header line"
like "$out" ",Q7,EUR,50\\.00,5\\.00,0\\.00,week,2026-11-30,active,3,0\\.00,2026-11-24,,2026-11-24T[0-9:]{8}Z,tester,," \
     "a plan: total, down payment, installments (the down payment apart), next due: the down payment today"
like "$out" ",Q4,EUR,310\\.00,0\\.00,10\\.00,month,2026-12-15,active,2,0\\.00,2026-12-15,Q4-1,2026-11-24T" \
     "a plan of selected invoices, with a fee: the total holds the fee, the invoices are listed"
printf 'payment_ref,account_no,date,amount\nX7,Q7,2026-11-24,20.00\n' > "$T/pay.csv"
"$R" -d "$B" import payments "$T/pay.csv" >/dev/null
like "$(q export plans)" ",Q7,EUR,50\\.00,5\\.00,0\\.00,week,2026-11-30,active,3,20\\.00,2026-12-07,," \
     "after 20.00 paid: the sum paid to the installments, the next one not paid"
before=$(book_dump "$B")

out=$(q export activities)
is "$(printf '%s\n' "$out" | head -1)" "id,account_no,at,type,user,copy_id,invoice_no,summary,body$CR" "activities: the header line"
like "$out" "^0190a000-0000-7000-8000-000000000004,Q1,2026-11-20T14:05:00Z,call,tester,test,,Call: reached \\(2:05\\),Will pay on Friday\\.$CR\$" \
     "a journal entry, whole"
like "$out" ",Q1,2026-11-24T[0-9:]{8}Z,dispute,tester,[0-9a-f-]{36},Q1-1,Dispute opened on Q1-1: price,price; see mail$CR\$" \
     "the invoice an entry is about"

# --- the formula guard --------------------------------------------------------
out=$(q export activities)
like "$out" ",note,tester,[0-9a-f-]{36},,'=SUM\\(A1:A9\\),$CR\$" "a text cell starting with = gets a leading apostrophe"
like "$out" ",note,tester,[0-9a-f-]{36},,\"'=HYPERLINK\\(\"\"http://x\"\",\"\"y\"\"\\)\",$CR\$" \
     "inside the quotes when the cell needs them"
like "$out" ",note,tester,[0-9a-f-]{36},,'\\+32 2 555 01 01 is the new number,$CR\$" "+ too"
unlike "$out" ",'[0-9]" "amounts and other cells are left alone"
like "$(q export promises --format json)" '"note": "@ the office"' "json is not guarded: @ stays first"
like "$(q export activities --format json)" '"summary": "=SUM\(A1:A9\)"' "json keeps = as it is"

# --- delimiters and the BOM ------------------------------------------------------
out=$(q export disputes --delimiter ';')
is "$(printf '%s\n' "$out" | head -1)" "id;account_no;invoice_no;reason;status;note;opened_at;opened_by;resolved_at;resolved_by;open_amount;currency;updated_at$CR" \
   "--delimiter ';': the header"
like "$out" ";Q1;Q1-1;price;open;\"price; see mail\";2026-11-24T" "a field holding ';' is quoted"
like "$(q export promises --delimiter ';')" ";Q2-1;2026-11-24T[0-9:]{8}Z;tester;\"said \"\"ok\"\", will pay\$" "quotes and line feeds still quoted"
out=$(q export activities --delimiter tab)
is "$(printf '%s\n' "$out" | head -1)" "id${TAB}account_no${TAB}at${TAB}type${TAB}user${TAB}copy_id${TAB}invoice_no${TAB}summary${TAB}body$CR" \
   "--delimiter tab: the header"
like "$out" "${TAB}note${TAB}tester${TAB}[0-9a-f-]{36}${TAB}${TAB}\"col1${TAB}col2\"${TAB}$CR\$" "a field holding a tab is quoted"
like "$(q export activities)" ",,col1${TAB}col2,$CR\$" "but not with commas"
like "$(q export plans --delimiter '|' | head -1)" "^id\\|account_no\\|currency\\|total\\|" "--delimiter '|'"
q export plans --delimiter x 2>"$T/err" >/dev/null
is "$?" 2 "--delimiter x: usage error"
like "$(cat "$T/err")" "export: --delimiter x: use ',', ';', '\\|' or tab" "and says which"

is "$(q export plans --bom | head -c 3 | od -An -tx1 | tr -d ' ')" "efbbbf" "--bom: the file begins with EF BB BF"
is "$(q export plans --bom | head -c 5 | tail -c 2)" "id" "then the header"
is "$(q export plans | head -c 3)" "id," "without --bom: no BOM"
q export plans --format json --bom 2>"$T/err" >/dev/null
is "$?" 2 "--bom with json: usage error"
like "$(cat "$T/err")" "export: --bom is for csv only" "and says so"

# --- JSON -----------------------------------------------------------------------
out=$(q export promises --format json)
like "$out" '"amount": 500\.00, "currency": "EUR"' "json: amounts are numbers with two decimals"
like "$out" '"note": "said \\"ok\\", will pay\\u000anext week"' "quotes and control characters are escaped"
like "$out" '"invoices": null' "NULL is null"
like "$(q export plans --format json)" '"installments": 3, "paid_amount": 20\.00, "next_due": "2026-12-07"' "counts are numbers too"
is "$(q export promises --format json --since 2030-01-01)" "[]" "no rows: an empty array"
if have_python; then
	for t in promises disputes plans activities; do
		q export $t --format json > "$T/$t.json"
		q export $t > "$T/$t.csv"
	done
	counts=$(python3 - "$T" <<'PY' 2>&1
import csv, json, sys
for t in ("promises", "disputes", "plans", "activities"):
    with open(f"{sys.argv[1]}/{t}.json", encoding="utf-8") as f:
        objects = json.load(f)
    with open(f"{sys.argv[1]}/{t}.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    print(t, len(objects), len(rows), all(len(r) == len(objects[0]) for r in rows))
PY
)
	is "$counts" "promises 3 3 True
disputes 2 2 True
plans 2 2 True
activities 14 14 True" "json parses; as many objects as the csv has rows, each row as many fields as the objects have keys"
	got=$(q export promises | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(repr([r["note"] for r in rows if r["account_no"] == "Q2"][0]))')
	is "$got" "'said \"ok\", will pay\\nnext week'" "a CSV reader gets the note back whole"
	got=$(q export activities --format json | python3 -c '
import json, sys
print(sorted({r["summary"] for r in json.load(sys.stdin) if r["account_no"] == "Q9"}))')
	is "$got" "['+32 2 555 01 01 is the new number', 'col1\\tcol2']" "json gives the text back exactly"
else
	skip "json parses (python3 is not installed)"
	skip "a CSV reader gets the note back whole (python3 is not installed)"
	skip "json gives the text back exactly (python3 is not installed)"
fi

# --- --since ------------------------------------------------------------------------
out=$(q export promises --since 2026-11-24)
is "$(printf '%s\n' "$out" | grep -c ',tester,')" 2 "--since today: the two promises made today"
unlike "$out" "^0190a000-0000-7000-8000-000000000001," "not the one made and changed before"
like "$(q export promises --since 2026-11-13)" "^0190a000-0000-7000-8000-000000000001," "a promise changed on the day counts"
is "$(q export promises --since 2026-11-14 | wc -l | tr -d ' ')" 4 "promises --since: changed or made on or after the day (header, two rows of which one spans two lines)"
out=$(q export disputes --since 2026-11-24)
like "$out" "^0190a000-0000-7000-8000-000000000003," "a dispute opened in June, resolved today: in"
is "$(q export disputes --since 2026-11-25 | wc -l | tr -d ' ')" 1 "disputes --since tomorrow: the header only"
out=$(q export activities --since 2026-11-21)
unlike "$out" "^0190a000-0000-7000-8000-000000000004," "activities --since: the call of the 20th is out"
like "$out" "^0190a000-0000-7000-8000-000000000005," "the note of the 21st is in"
is "$(q export plans --since 2026-11-25 --format json)" "[]" "plans --since tomorrow: none"
q export promises --since 2026-02-30 2>"$T/err" >/dev/null
is "$?" 2 "--since 2026-02-30: usage error, exit 2"
is "$(cat "$T/err")" "relance: export: --since 2026-02-30 is not a date (YYYY-MM-DD, DD/MM, today, tomorrow, +3, +2w, +1m, fri, eom)" "and the message"
is "$(q export disputes --since 24/11/2026)" "$(q export disputes --since 2026-11-24)" "--since 24/11/2026: the same day"
is "$(q export plans --since tomorrow --format json)" "[]" "--since tomorrow, as people type it"
is "$(q export activities --since -3)" "$(q export activities --since 2026-11-21)" "--since -3: three days back"
q export promises --since 2026/11/24 2>/dev/null >/dev/null
is "$?" 2 "--since in no known form: usage error"

# --- -o ---------------------------------------------------------------------------------
ok "-o FILE" q export activities -o "$T/act.csv"
is "$(cat "$T/act.csv")" "$(q export activities)" "the file holds the export"
is "$(ls "$T" | grep -c '\.tmp$')" 0 "and no temporary file is left"
like "$(ls -l "$T/act.csv")" "^-rw-------" "it is made mode 0600, like the book"
echo old > "$T/act.csv"
ok "-o over an existing file" q export promises --format json -o "$T/act.csv"
like "$(head -c 40 "$T/act.csv")" '^\[$' "the file is replaced"
echo old > "$T/keep.csv"
mkdir "$T/keep.csv.tmp"
q export activities -o "$T/keep.csv" 2>"$T/err"
is "$?" 1 "-o when FILE.tmp cannot be made: exit 1"
like "$(cat "$T/err")" "export: cannot write .*keep\\.csv: cannot create .*keep\\.csv\\.tmp" "and says so"
is "$(cat "$T/keep.csv")" "old" "FILE is left as it was"
q export activities -o "$T/no/such/dir.csv" 2>/dev/null
is "$?" 1 "-o in a missing directory: exit 1"
q export activities -o "$T" 2>"$T/err"
is "$?" 1 "-o a directory: exit 1"
like "$(cat "$T/err")" "Is a directory" "and says so"
mkfifo "$T/fifo"
cat "$T/fifo" > "$T/fifo.out" &
reader=$!
(sleep 10; kill "$reader") >/dev/null 2>&1 &
watchdog=$!
q export plans -o "$T/fifo"
is "$?" 0 "-o a named pipe: exit 0"
wait "$reader"
kill "$watchdog" 2>/dev/null
ok "the pipe is written through, not replaced" test -p "$T/fifo"
is "$(cat "$T/fifo.out")" "$(q export plans)" "what went through it is the export"

# --- errors ------------------------------------------------------------------------------
if [ -c /dev/full ]; then
	out=$(q export activities 2>&1 >/dev/full)
	is "$?" 1 "a write error (standard output on /dev/full): exit 1"
	like "$out" "export: cannot write standard output: No space left on device" "and says so"
else
	skip "a write error (no /dev/full here)"
	skip "its message (no /dev/full here)"
fi
q export invoices 2>"$T/err"
is "$?" 2 "an unknown table: exit 2"
is "$(cat "$T/err")" "relance: export: no table invoices: say changes, promises, disputes, plans or activities" \
   "and the tables there are"
q export plans --format xml 2>"$T/err"
is "$?" 2 "--format xml: exit 2"
like "$(cat "$T/err")" "export: --format xml: use csv or json" "and the formats"
q export plans extra 2>/dev/null
is "$?" 2 "an extra argument: exit 2"
"$R" -d "$T/none.db" export plans 2>/dev/null
is "$?" 1 "no book: exit 1"
is "$(book_dump "$B")" "$before" "exporting changed nothing in the book"

done_testing
