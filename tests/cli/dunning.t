#!/bin/sh
# dunning.t — `relance dunning`: which step each invoice has reached on fixed
# dates, every reason to skip one, one message per account and step, the
# e-mail a fake sendmail receives (parsed back with perl's MIME modules),
# a failed send retried and never journaled, running twice sends nothing
# twice, the next step's day (its own days, the gap since the step before,
# the deadline the last message gave), letters as PDF read back with
# pdftotext, hold/release/set, and the fallback to a letter.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"

NB=$(printf '\302\240') # the no-break space between an amount and its currency
B="$T/book.db"
dunning_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config

# --- which step, on 2026-11-24 ------------------------------------------------
out=$("$R" -d "$B" dunning run --dry-run --format tsv 2>"$T/err")
is "$out" "account_no	invoice_no	step	channel	template	language	amount
B1	I-PRE	1	email	pre-due	fr	100.00
B1	I-7	2	email	reminder-1	fr	250.00
B2	I-40	2	letter	reminder-1	nl	400.00
C1	C-10	1	email	consumer-reminder-1	fr	200.00
R1	R-OLD	2	email	reminder-1	en	10000.00" \
	"dry run: the pre-due step, +7, an old invoice at its first reminder, a consumer's first; held, disputed, promised and planned accounts skipped"
like "$(cat "$T/err")" "dry run, nothing sent\\): 5 messages for 5 invoices" "the summary says nothing was sent"
is "$(ls "$T/mail" | wc -l)" 0 "a dry run sends nothing"
is "$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE detail LIKE '{\"dunning\":%'")" 0 "and journals nothing"

status() { "$R" -d "$B" dunning status "$1" --format tsv | awk -F'\t' -v i="$2" '$1 == i { print $7 " " $8 " " $10 }'; }
is "$(status B1 I-FUT)" "waiting 1 2026-12-07" "not yet due: its pre-due step waits for 3 days before the due date"
is "$(status B2 I-6)" "waiting 2 2026-11-25" "6 days late: the first reminder waits for the 7th"
is "$(status H1 H-30)" "hold  " "held account: hold"
is "$(status D1 D-30)" "disputed  " "disputed invoice: disputed"
is "$(status P1 P-30)" "promised  " "under an open promise: promised"
is "$(status L1 L-30)" "plan  " "under an active plan: plan"
is "$(status C1 C-10)" "due 1 2026-11-21" "the consumer's first reminder is due since +7"

# --- sending -----------------------------------------------------------------
"$R" -d "$B" dunning run --account B1 >"$T/out" 2>"$T/err"
is "$?" 0 "dunning run --account B1 sends"
is "$(ls "$T/mail" | wc -l)" 2 "two messages for B1: steps 1 and 2 are two messages"
is "$(grep -l 'pre-due\|Subject' "$T/mail/"*.eml | wc -l)" 2 "both are e-mails"
is "$("$R" -d "$B" queue --all --all-dates --format tsv | awk -F '\t' '$2 == "B1" { print $11 "|" $12 }')" "2026-11-24 email|0" \
   "the run's reminders are the account's last contact, not a collector's work"
eml=$(grep -l "I-7" "$T/mail/"*.eml)
parsed=$(perl -MEncode -MMIME::QuotedPrint -e '
	local $/; my $m = <STDIN>; my ($h, $b) = split /\r\n\r\n/, $m, 2;
	$h =~ s/\r\n[ \t]+/ /g;
	my %h = map { /^([^:]+):\s*(.*)$/ ? (lc $1, $2) : () } split /\r\n/, $h;
	print "to=", $h{to}, "\n";
	print "from=", $h{from}, "\n";
	print "subject=", Encode::encode("UTF-8", Encode::decode("MIME-Header", $h{subject})), "\n";
	print "type=", $h{"content-type"}, "\n";
	print "crlf=", ($m =~ /[^\r]\n/ ? "no" : "yes"), "\n";
	print "body=", decode_qp($b);' < "$eml")
like "$parsed" "to=Alpha SA <compta@alpha.example>" "To: the debtor's name and address"
like "$parsed" "from=Relance Test SA <credit@relance.example>" "From: the company"
like "$parsed" "subject=.*I-7|subject=.*250,00" "the subject decodes from its encoded words"
like "$parsed" "type=text/plain; charset=UTF-8" "a UTF-8 text part"
like "$parsed" "crlf=yes" "every line ends with CRLF"
like "$parsed" "I-7  *18/10/2026  *17/11/2026  *250,00${NB}EUR  *250,00${NB}EUR" "the invoice table, written the French way"
like "$parsed" "\\+\\+\\+090/9337/55493\\+\\+\\+" "the invoice's own structured communication"
like "$parsed" "8 décembre 2026" "a deadline 14 days ahead, in French"
like "$parsed" "BE71 0961 2345 6769" "the IBAN, in groups of four"
unlike "$parsed" "\\{\\{" "no placeholder left"
is "$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE account_no = 'B1' AND type = 'email' AND detail LIKE '{\"dunning\":%'")" 2 "each message is journaled, with its dunning detail"
is "$(sqlite3 "$B" "SELECT json_extract(detail, '\$.dunning.pay_by') FROM activities WHERE invoice_no = 'I-7'")" "2026-12-08" "the journal keeps the deadline it gave"

"$R" -d "$B" dunning run --account B1 >"$T/out" 2>"$T/err"
is "$(ls "$T/mail" | wc -l)" 2 "run again: nothing is sent twice"
like "$(cat "$T/err")" ": 0 messages" "and it says so"
is "$(status B1 I-7)" "waiting 3 2026-12-09" "the next step waits for the deadline given (12-08) to pass, not only +21 (12-08)"
is "$(status B1 I-PRE)" "waiting 2 2026-12-04" "after the pre-due step (-3, sent at -2), the first reminder keeps its 10 days' gap: 12-04, not +7 (12-03)"

# a failed send: reported, not journaled, tried again
sed -i "s|^set sendmail = .*|set sendmail = \"echo 'relay refused' >\&2; exit 75\"|" "$HOME/.config/relance/relancerc"
"$R" -d "$B" dunning run --account C1 >"$T/out" 2>"$T/err"
is "$?" 1 "a failed e-mail: exit status 1"
like "$(cat "$T/err")" "C1 step 1 \\(email\\): .*75.*relay refused" "the error names the account, the step and what sendmail said"
is "$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE account_no = 'C1' AND detail LIKE '{\"dunning\":%'")" 0 "nothing journaled"
# no IBAN to be paid to: no reminder goes out saying "IBAN:" and nothing after it
dunning_config
sed -i '/^set company-iban/d' "$HOME/.config/relance/relancerc"
sent=$(ls "$T/mail" | wc -l)
"$R" -d "$B" dunning run --account C1 >"$T/out" 2>"$T/err"
is "$?" 1 "no company-iban: exit status 1"
like "$(cat "$T/err")" "C1 step 1 \\(email\\): no account to be paid to \\(set company-iban\\)" "the error names the account, the step and the setting"
is "$(ls "$T/mail" | wc -l)" "$sent" "nothing is handed to sendmail"
is "$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE account_no = 'C1' AND detail LIKE '{\"dunning\":%'")" 0 "nor journaled"
dunning_config
"$R" -d "$B" dunning run --account C1 >"$T/out" 2>"$T/err"
is "$?" 0 "the next run sends it"
eml=$(grep -l "C-10" "$T/mail/"*.eml)
body=$(perl -MMIME::QuotedPrint -e 'local $/; my $m = <STDIN>; my (undef, $b) = split /\r\n\r\n/, $m, 2; print decode_qp($b)' < "$eml")
like "$body" "BE0123.456.749" "the consumer's first reminder names the creditor's enterprise number"
like "$body" "35,00${NB}EUR" "and the damages that will be claimed (30.00 + 10 % of 50.00)"
unlike "$body" "242,50" "without claiming them"
unlike "$body" "[Ff]rais" "and claims no fee"

# --- later days: the next steps --------------------------------------------------
out=$(RELANCE_TODAY=2026-12-08 "$R" -d "$B" dunning run --dry-run --format tsv --account B1 2>/dev/null | tail -n +2 | cut -f2,3)
is "$out" "I-FUT	1
I-PRE	2" "B1 on 12-08: I-FUT's pre-due step and I-PRE's first reminder, not I-7's letter (its deadline has not passed)"
# the ledger read that morning: the payments are fresh
ledger_read "$B" 2026-12-09
out=$(RELANCE_TODAY=2026-12-09 "$R" -d "$B" dunning run --format tsv --account B1 2>/dev/null | tail -n +2 | cut -f2-5)
is "$out" "I-FUT	1	email	pre-due
I-PRE	2	email	reminder-1
I-7	3	letter	reminder-2" "B1 on 12-09: three messages, one a step: the pre-due e-mail, the first reminder, the letter"
pdf="$T/letters/B1-s3-2026-12-09.pdf"
ok "the letter is a PDF in letters-dir" test -s "$pdf"
text=$(pdftotext -layout "$pdf" - 2>/dev/null)
like "$text" "Relance Test SA" "pdftotext: the letterhead"
like "$text" "Alpha SA" "the debtor"
like "$text" "Rue Haute 1" "its address"
like "$text" "I-7 .*250,00 EUR" "the invoice table"
like "$text" "\\+\\+\\+090/9337/55493\\+\\+\\+" "the reference"
is "$(stat -c %a "$pdf")" 600 "a letter names its debtor: mode 0600"

# the consumer: its second reminder not before the first's 14 days have run
is "$(status C1 C-10)" "waiting 2 2026-12-15" "consumer: step 2 (+28) keeps its 21 days after the first (sent at +10): 12-15"
out=$(RELANCE_TODAY=2026-12-14 "$R" -d "$B" dunning run --dry-run --format tsv --account C1 2>/dev/null | tail -n +2)
is "$out" "" "not on 12-14"
out=$(RELANCE_TODAY=2026-12-15 "$R" -d "$B" dunning run --dry-run --format tsv --account C1 2>/dev/null | tail -n +2 | cut -f3-5)
is "$out" "2	letter	consumer-reminder-2" "on 12-15 the consumer's second reminder is a letter"
ledger_read "$B" 2026-12-15
RELANCE_TODAY=2026-12-15 "$R" -d "$B" dunning run --account C1 >/dev/null 2>&1
text=$(pdftotext -layout "$T/letters/C1-s2-2026-12-15.pdf" - 2>/dev/null)
like "$text" "Frais .* 7,50 EUR" "its fee: 7.50"
like "$text" "Dommages et intérêts .* 35,00 EUR" "the damages: 35.00"
like "$text" "Total à payer .* 242,50 EUR" "200.00 + 7.50 + 35.00"
unlike "$text" "Intérêts de retard" "no interest without a contractual rate"
sed -i 's/^set postage = .*//' "$HOME/.config/relance/relancerc"

# the formal notice claims interest and the compensation: in 2027, once its
# first half-year's rate is known (none is built in yet: an error names it)
out=$(RELANCE_TODAY=2027-01-08 "$R" -d "$B" dunning run --dry-run --account B1 2>&1)
like "$out" "no statutory interest rate for BE in the half-year 2027 H1 \\(from 2027-01-01\\): relance rates set BE 2027-01-01 RATE" \
	"a half-year without a rate is an error that names it, not the rate before carried on"
ok "the rate of 2027 H1" "$R" -d "$B" rates set BE 2027-01-01 10.5
ledger_read "$B" 2026-12-24
RELANCE_TODAY=2026-12-24 "$R" -d "$B" dunning run --account B1 >/dev/null 2>&1
ledger_read "$B" 2027-01-08
out=$(RELANCE_TODAY=2027-01-08 "$R" -d "$B" dunning run --format tsv --account B1 2>/dev/null | awk -F'\t' '$2 == "I-7"' | cut -f3-5)
is "$out" "4	registered	formal-notice" "I-7 reaches the formal notice by registered letter"
text=$(pdftotext -layout "$T/letters/B1-s4-2027-01-08.pdf" - 2>/dev/null)
like "$text" "RECOMMANDÉ" "marked registered"
like "$text" "[Mm]ise en demeure" "it names itself"
like "$text" "Indemnité forfaitaire.* 40,00 EUR" "the fixed compensation: 40.00"
like "$text" "Intérêts de retard \\(10.50 %\\)" "interest at the statutory rate"

# a consumer's contractual interest: no higher than the statutory rate, from the end of the first reminder's period
ok "C1 with a contractual rate of 25 %" "$R" -d "$B" dunning set C1 --rate 25
is "$("$R" -d "$B" interest C1 --until 2026-12-15 --format tsv | tail -n +2 | cut -f3-7)" \
	"2026-12-09	2026-12-15	7	10.50	0.40" "from 12-09 (its deadline was 12-08), at 10.50 %, not 25 %"
ok "back to none" "$R" -d "$B" dunning set C1 --rate none

# --- hold, release, set ---------------------------------------------------------
ok "release H1" "$R" -d "$B" dunning release H1
is "$(status H1 H-30)" "due 2 2026-11-01" "released: its first reminder is due"
ok "hold it again" "$R" -d "$B" dunning hold H1
like "$("$R" -d "$B" history H1 --type system)" "Dunning held" "holding is journaled"
ok "set B2 on the consumer procedure" "$R" -d "$B" dunning set B2 --procedure consumer
is "$("$R" -d "$B" dunning status B2 --format tsv | awk -F'\t' 'NR == 2 { print $4 }')" "consumer" "B2 now follows it"
fails "an unknown procedure is refused" "$R" -d "$B" dunning set B2 --procedure nosuch
ok "back to its segment's" "$R" -d "$B" dunning set B2 --procedure default
# steps taken under one procedure are not another's
ok "B1 on the consumer procedure" "$R" -d "$B" dunning set B1 --procedure consumer
is "$(RELANCE_TODAY=2027-01-20 "$R" -d "$B" dunning status B1 --format tsv | awk -F'\t' '$1 == "I-7" { print $5, $7, $8, $9 }')" \
	"0 waiting 1 email" "I-7 starts the consumer's procedure at its free first reminder, not at the agency (once the formal notice's deadline has passed)"
ok "and back" "$R" -d "$B" dunning set B1 --procedure default
# a step added at the head of the procedure: the steps taken keep their place
"$R" -d "$B" procedures export | sed 's/^step -3 email pre-due$/step -10 sms sms\nstep -3 email pre-due/' > "$T/p.txt"
ok "a procedure with a new first step" "$R" -d "$B" procedures import "$T/p.txt"
is "$("$R" -d "$B" dunning status B1 --format tsv | awk -F'\t' '$1 == "I-7" { print $5, $8, $9 }')" "5 6 agency" \
	"I-7 took the formal notice, now step 5: its next is the agency, step 6, not the notice again"
"$R" -d "$B" procedures export | sed '/^step -10 sms sms$/d' > "$T/p.txt"
ok "the step removed again" "$R" -d "$B" procedures import "$T/p.txt"
# a hold does not hide a dispute
ok "dispute H-30" "$R" -d "$B" dispute H-30 --reason not_delivered
is "$(status H1 H-30)" "disputed  " "a disputed invoice of a held account is disputed, not merely held"
ok "release H1" "$R" -d "$B" dunning release H1
ok "hold H1" "$R" -d "$B" dunning hold H1
# credit notes that cover what is overdue
printf 'invoice_no,account_no,kind,issue_date,due_date,amount,open_amount\nCN-1,B2,credit_note,2026-11-01,2026-11-01,-460.00,-460.00\n' > "$T/cn.csv"
ok "a credit note for B2" "$R" -d "$B" import invoices "$T/cn.csv"
is "$("$R" -d "$B" dunning status B2 --format tsv | awk -F'\t' 'NR > 1 { print $1, $7 }' | tr '\n' ' ')" "I-40 credit I-6 credit " \
	"its open credit covers what is overdue: nothing to chase"
# two currencies: two messages
printf 'account_no,name,language,email\nX1,Export GmbH,de,ap@export.example\n' > "$T/x.csv"
printf 'invoice_no,account_no,due_date,amount,open_amount,currency,reference\nX-EUR,X1,2026-11-10,100.00,100.00,EUR,PO 998877\nX-USD,X1,2026-11-10,300.00,300.00,USD,\n' > "$T/xi.csv"
"$R" -d "$B" import customers "$T/x.csv" >/dev/null && "$R" -d "$B" import invoices "$T/xi.csv" >/dev/null
"$R" -d "$B" dunning run --account X1 >/dev/null 2>&1
is "$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE account_no = 'X1' AND type = 'email'")" 2 \
	"invoices in euros and in dollars: two messages, never one sum"
eur=$(grep -l "X-EUR" "$T/mail/"*.eml)
body=$(perl -MMIME::QuotedPrint -e 'local $/; my $m = <STDIN>; my (undef, $b) = split /\r\n\r\n/, $m, 2; print decode_qp($b)' < "$eur")
unlike "$body" "X-USD" "the euro message does not list the dollar invoice"
xref=$(sqlite3 "$B" "SELECT json_extract(detail, '\$.dunning.reference') FROM activities WHERE invoice_no = 'X-EUR'")
ok "X-EUR's free-text ledger reference gave way to a structured one" "$R" ref check "$xref"
printf 'payment_ref,account_no,date,amount,communication\nPAYX,X1,2026-11-25,100.00,"%s"\n' "$("$R" ref check "$xref" | sed 's/.* //')" > "$T/px.csv"
ok "its payment" "$R" -d "$B" import payments "$T/px.csv"
is "$(sqlite3 "$B" "SELECT invoice_no FROM payments WHERE payment_ref = 'PAYX'")" "X-EUR" \
	"a payment quoting the reference the reminder gave is tied to the invoice"
is "$("$R" -d "$B" dunning status B2 --format tsv | awk -F'\t' 'NR == 2 { print $4 }')" "business" "business again"
is "$(sqlite3 "$B" "SELECT count(*) FROM sync_rows WHERE tbl = 'account_dunning'")" "$(sqlite3 "$B" "SELECT count(*) FROM account_dunning")" "account settings travel between copies (each has its version in sync_rows)"
# the last step: a task for the collector, journaled as the step
ledger_read "$B" 2027-02-01
out=$(RELANCE_TODAY=2027-02-01 "$R" -d "$B" dunning run --format tsv --account B1 2>/dev/null | awk -F'\t' '$2 == "I-7"' | cut -f3-5)
is "$out" "5	agency	agency" "I-7 reaches the hand-over to the agency"
like "$(sqlite3 "$B" "SELECT text FROM tasks WHERE account_no = 'B1' AND due_date = '2027-02-01'")" "^Transmettre au recouvrement" \
	"a task for the collector, in the account's language, due that day"
is "$(sqlite3 "$B" "SELECT count(*) FROM activities WHERE account_no = 'B1' AND type = 'system' AND json_extract(detail, '\$.dunning.step') = 5")" 1 \
	"the step is journaled with its detail"
is "$(RELANCE_TODAY=2027-03-01 "$R" -d "$B" dunning status B1 --format tsv | awk -F'\t' '$1 == "I-7" { print $5, $7 }')" "5 done" \
	"every step taken: done"

# a text message, through sms-command, the number in RELANCE_SMS_TO
printf 'procedure business business B\nstep 7 email reminder-1\nprocedure texts business T\nstep 3 sms sms\n' > "$T/sms.txt"
"$R" -d "$B" procedures export > "$T/keep.txt"
ok "a procedure that texts" "$R" -d "$B" procedures import "$T/sms.txt"
printf 'account_no,name,language,phone\nS1,Texto SRL,fr,+32 470 11 22 33; +32 2 000 00 00\nS2,Nophone SRL,fr,\n' > "$T/s.csv"
printf 'invoice_no,account_no,due_date,amount,open_amount\nS-1,S1,2026-11-20,55.00,55.00\nS-2,S2,2026-11-20,66.00,66.00\n' > "$T/si.csv"
"$R" -d "$B" import customers "$T/s.csv" >/dev/null && "$R" -d "$B" import invoices "$T/si.csv" >/dev/null
"$R" -d "$B" dunning set S1 --procedure texts >/dev/null && "$R" -d "$B" dunning set S2 --procedure texts >/dev/null
printf '#!/bin/sh\n{ echo "to $RELANCE_SMS_TO"; cat; } > "%s/sms.out"\n' "$T" > "$T/sms.sh" && chmod +x "$T/sms.sh"
echo "set sms-command = $T/sms.sh" >> "$HOME/.config/relance/relancerc"
ok "dunning run sends the text" "$R" -d "$B" dunning run --account S1
like "$(head -1 "$T/sms.out")" "^to \+32 470 11 22 33$" "to the account's first number"
like "$(cat "$T/sms.out")" "55,00${NB}EUR" "the amount, in the account's language"
is "$(sqlite3 "$B" "SELECT type FROM activities WHERE account_no = 'S1' AND detail LIKE '{\"dunning\":%'")" "sms" "journaled as a text"
out=$("$R" -d "$B" dunning run --dry-run --format tsv --account S2 2>/dev/null | tail -1 | cut -f4)
is "$out" "letter" "no number: a letter instead"
ok "the procedures as they were" "$R" -d "$B" procedures import "$T/keep.txt"
dunning_config

# --- payments name the invoice by its reference --------------------------------
printf 'payment_ref,account_no,date,amount,communication\nPAY1,B1,2026-11-20,250.00,"facture +++090/9337/55493+++ merci"\nPAY2,B2,2026-11-21,60.00,"%s"\nPAY3,B2,2026-11-21,10.00,"ref 090933755494 wrong check"\n' \
	"$("$R" ref rf "$(sqlite3 "$B" "SELECT ref_no FROM invoices WHERE invoice_no = 'I-6'")")" > "$T/pay.csv"
ok "import payments" "$R" -d "$B" import payments "$T/pay.csv"
is "$(sqlite3 "$B" "SELECT payment_ref || '=' || coalesce(invoice_no, '-') FROM payments WHERE payment_ref IN ('PAY1', 'PAY2', 'PAY3') ORDER BY 1" | tr '\n' ' ')" \
	"PAY1=I-7 PAY2=I-6 PAY3=- " \
	"a structured communication in the text names its invoice; the RF reference made from its book number too; a wrong check digit names none"
ok "check passes" "$R" -d "$B" check
fails "dunning without a verb" "$R" -d "$B" dunning
fails "status of an unknown account" "$R" -d "$B" dunning status NOPE

done_testing
