#!/bin/sh
# interest.t — late-payment interest on what was really due (issue 15):
# periods split at each payment and half-year, an invoice paid late in full
# (--paid), a 2019 invoice across every half-year to 2026 at the built-in
# rates, a missing half-year named, waiving (journaled), a contract without
# claims, a Belgian consumer's timeline with and without a pre-due step,
# letters on demand that claim only what the procedure could, and French
# rules. Every figure below was computed by hand: base x rate x days / 365,
# each line rounded to the cent.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"

B="$T/book.db"
dunning_config
cat > "$T/c.csv" <<'CSV'
account_no,name,contact,language,segment,email,phone,street,postcode,city,country
A1,Part Paid SA,,fr,business,a1@example.be,,Rue 1,1000,Bruxelles,BE
A2,Late Payer SA,,fr,business,a2@example.be,,Rue 2,1000,Bruxelles,BE
OLD,Old Debt SA,,fr,business,old@example.be,,Rue 3,1000,Bruxelles,BE
CN,Never Reminded,,fr,consumer,cn@example.be,,Rue 4,4000,Liège,BE
CP,Pre Due,,fr,consumer,cp@example.be,,Rue 5,4000,Liège,BE
CSV
cat > "$T/i.csv" <<'CSV'
invoice_no,account_no,issue_date,due_date,amount,open_amount
A1-1,A1,2025-03-01,2025-03-31,1000.00,400.00
A2-1,A2,2025-01-01,2025-01-31,500.00,0.00
O-19,OLD,2019-05-31,2019-06-30,1000.00,1000.00
CN-1,CN,2026-10-01,2026-10-31,200.00,200.00
CP-1,CP,2026-11-01,2026-12-01,300.00,300.00
CSV
cat > "$T/p.csv" <<'CSV'
payment_ref,account_no,date,amount,invoice_no,communication
PA1,A1,2025-05-31,600.00,A1-1,
PA2,A2,2025-03-02,500.00,A2-1,
CSV
"$R" -d "$B" import customers "$T/c.csv" >/dev/null && "$R" -d "$B" import invoices "$T/i.csv" >/dev/null &&
	"$R" -d "$B" import payments "$T/p.csv" >/dev/null || { echo "Bail out! cannot build the book"; exit 1; }
export RELANCE_TODAY=2026-10-15

# --- a partial payment splits the period --------------------------------------------
out=$("$R" -d "$B" interest A1 --until 2025-08-31 --format tsv)
is "$out" "invoice_no	base	from	to	days	rate	interest	note
A1-1	1000.00	2025-04-01	2025-05-31	61	11.50	19.22	
A1-1	400.00	2025-06-01	2025-06-30	30	11.50	3.78	
A1-1	400.00	2025-07-01	2025-08-31	62	10.50	7.13	" \
	"1,000.00 due until the payment of 600.00 on 05-31 (that day included), 400.00 after; split at 07-01 too"
like "$("$R" -d "$B" interest A1 --until 2025-08-31)" "principal 400.00; interest 30.13 " \
	"30.13 in all, not 18.60 (400.00 over the whole period)"

# --- paid late in full: still owed until claimed or waived ----------------------------
out=$("$R" -d "$B" interest A2 --until 2026-10-15 --format tsv | tail -n +2)
is "$out" "" "nothing open: no line without --paid"
out=$("$R" -d "$B" interest A2 --paid --format tsv | tail -n +2)
is "$out" "A2-1	500.00	2025-02-01	2025-03-02	30	11.50	4.73	paid in full on 2025-03-02" \
	"--paid: 500.00 from the day after the due date to the day it was paid"
like "$("$R" -d "$B" interest A2 --paid)" "fixed compensation \\(40.00 per late invoice\\) 40.00; in all 44.73" \
	"and the compensation of 40.00 is owed too"

# --- a 2019 invoice across every half-year since -----------------------------------------
out=$("$R" -d "$B" interest OLD --until 2026-12-31 --format tsv | tail -n +2 | cut -f3-7)
is "$out" "2019-07-01	2019-12-31	184	8.00	40.33
2020-01-01	2020-06-30	182	8.00	39.89
2020-07-01	2020-12-31	184	8.00	40.33
2021-01-01	2021-06-30	181	8.00	39.67
2021-07-01	2021-12-31	184	8.00	40.33
2022-01-01	2022-06-30	181	8.00	39.67
2022-07-01	2022-12-31	184	8.00	40.33
2023-01-01	2023-06-30	181	10.50	52.07
2023-07-01	2023-12-31	184	12.00	60.49
2024-01-01	2024-06-30	182	12.50	62.33
2024-07-01	2024-12-31	184	12.50	63.01
2025-01-01	2025-06-30	181	11.50	57.03
2025-07-01	2025-12-31	184	10.50	52.93
2026-01-01	2026-06-30	181	10.50	52.07
2026-07-01	2026-12-31	184	10.50	52.93" "15 half-years, each at Belgium's published rate (8 % through 2016-2022)"
like "$("$R" -d "$B" interest OLD --until 2026-12-31)" "interest 733.41 " "their sum"
out=$("$R" -d "$B" interest OLD --until 2027-02-01 2>&1)
like "$out" "no statutory interest rate for BE in the half-year 2027 H1 \\(from 2027-01-01\\): relance rates set BE 2027-01-01 RATE" \
	"a half-year the book and relance do not know: an error naming it, never the rate before"
fails "and it fails" "$R" -d "$B" interest OLD --until 2027-02-01
out=$("$R" -d "$B" rates --country BE --format tsv)
is "$(printf '%s\n' "$out" | sed -n 2p)" "BE	2002-07-01	10.50	built-in" "the rates begin with the law of 2 August 2002"
is "$(printf '%s\n' "$out" | tail -n +2 | wc -l | tr -d ' ')" 49 "every half-year from 2002 H2 to 2026 H2: 49"
is "$(printf '%s\n' "$out" | grep -c '^BE	2013-01-01	9.00	')" 1 "2013 H1: 9.00 % (+8 points since 16 March 2013)"
is "$("$R" -d "$B" rates --country FR --format tsv | sed -n 2p)" "FR	2013-01-01	10.75	built-in" \
	"France from 2013: the ECB rate (0.75) + 10 points"
ok "a book's own rate" "$R" -d "$B" rates set BE 2026-07-01 11
is "$("$R" -d "$B" rates --country BE --format tsv | tail -1)" "BE	2026-07-01	11.00	book" "comes before the built-in one"
is "$("$R" -d "$B" interest OLD --until 2026-12-31 --format tsv | tail -1 | cut -f6,7)" "11.00	55.45" \
	"and is used: 1,000.00 x 11 % x 184 / 365"
"$R" -d "$B" rates set BE 2026-07-01 10.5 >/dev/null
RATES="$(dirname "$0")/../../src/tools/rates.sh"
printf 'BE\t2002-07-01\t10.50\nBE\t2003-07-01\t9.50\n' > "$T/gap.tsv"
out=$(sh "$RATES" "$T/gap.tsv" 2>&1 >/dev/null)
is "$out" "$T/gap.tsv:2: since: 2003-07-01: rows in order, one for every half-year (one missing before it)" \
	"a rates file with a hole does not build"
printf 'BE\t2002-07-01\t10,50\n' > "$T/bad.tsv"
like "$(sh "$RATES" "$T/bad.tsv" 2>&1 >/dev/null)" "bad.tsv:1: rate: 10,50: percent with two decimals" "nor one with a bad rate"

# --- waiving -------------------------------------------------------------------------------
fails "a waiver needs a note" "$R" -d "$B" interest waive A2
out=$("$R" -d "$B" interest waive A2 NOPE --note x 2>&1)
like "$out" "NOPE: not an invoice of A2 that is overdue or was paid late" "an invoice not the account's: refused"
out=$("$R" -d "$B" interest waive A2 --note "a good customer")
is "$out" "A2: Interest and compensation waived on A2-1: a good customer" "waived"
like "$("$R" -d "$B" history A2)" "Interest and compensation waived on A2-1: a good customer" "journaled"
is "$("$R" -d "$B" interest A2 --paid --format tsv | tail -n +2)" "A2-1	0.00			0		0.00	waived" \
	"no longer owed"
fails "nothing left to waive" "$R" -d "$B" interest waive A2 --note again

# --- a contract without claims ---------------------------------------------------------------
export RELANCE_TODAY=2025-05-10
text=$("$R" -d "$B" letter A1 --step 3 -o "$T/a1.pdf" && pdftotext -layout "$T/a1.pdf" - 2>/dev/null)
like "$text" "intérêts" "a business's second reminder says interest and the compensation will be claimed"
ok "--claims no" "$R" -d "$B" dunning set A1 --claims no
text=$("$R" -d "$B" letter A1 --step 3 -o "$T/a1.pdf" && pdftotext -layout "$T/a1.pdf" - 2>/dev/null)
unlike "$text" "intérêts|indemnité" "with a contract that provides for none: not a word about them"
text=$("$R" -d "$B" letter A1 --step 4 -o "$T/a1.pdf" && pdftotext -layout "$T/a1.pdf" - 2>/dev/null)
like "$text" "[Mm]ise en demeure" "the formal notice"
unlike "$text" "Intérêts de retard|Indemnité forfaitaire" "claims neither interest nor the compensation"
like "$("$R" -d "$B" interest A1)" "fixed compensation \\(40.00 per late invoice\\) 0.00" "relance interest agrees"
ok "back to the procedure's" "$R" -d "$B" dunning set A1 --claims default
text=$("$R" -d "$B" letter A1 --step 4 -o "$T/a1.pdf" && pdftotext -layout "$T/a1.pdf" - 2>/dev/null)
like "$text" "Indemnité forfaitaire" "the compensation again"
ok "waive an open invoice's" "$R" -d "$B" interest waive A1 A1-1 --note "agreed on the phone"
text=$("$R" -d "$B" letter A1 --step 4 -o "$T/a1.pdf" && pdftotext -layout "$T/a1.pdf" - 2>/dev/null)
unlike "$text" "Intérêts de retard|Indemnité forfaitaire" "waived: the formal notice claims neither"
like "$("$R" -d "$B" interest A1 --format tsv | tail -1)" "	waived$" "relance interest says it is waived"

# --- a Belgian consumer never reminded --------------------------------------------------------
export RELANCE_TODAY=2026-11-20
out=$("$R" -d "$B" interest CN)
like "$out" "damages \\(consumer bands, XIX.4\\) 0.00" "no damages before the free first reminder (not 20.00, not 35.00)"
like "$out" "nothing before the free first reminder's 14 days have run \\(not sent\\)" "and why"
text=$("$R" -d "$B" letter CN --step 2 -o "$T/cn.pdf" && pdftotext -layout "$T/cn.pdf" - 2>/dev/null)
unlike "$text" "Dommages|Frais" "a second reminder on demand claims neither damages nor the fee the procedure could not yet claim"
unlike "$text" "235,00|242,50" "the total is the balance alone"
# the first reminder goes (step 1, +7: it was due on 11-07), its 14 days run from the next day
RELANCE_TODAY=2026-11-20 "$R" -d "$B" dunning run --account CN >/dev/null 2>&1
like "$("$R" -d "$B" interest CN)" "period ends on 2026-12-04" "reminded on 11-20: nothing claimable until its deadline, 12-04"
export RELANCE_TODAY=2026-12-05
text=$("$R" -d "$B" letter CN --step 2 -o "$T/cn.pdf" && pdftotext -layout "$T/cn.pdf" - 2>/dev/null)
like "$text" "Dommages et intérêts .*35,00" "once it has run: the damages (200.00: 35.00)"
like "$text" "Frais .*7,50" "and the fee"
like "$("$R" -d "$B" interest CN)" "damages \\(consumer bands, XIX.4\\) 35.00" "relance interest agrees"

# --- French rules: no Book XIX --------------------------------------------------------------------
cp "$HOME/.config/relance/relancerc" "$T/rc"
echo 'set company-country = FR' >> "$HOME/.config/relance/relancerc"
text=$("$R" -d "$B" letter CN --step 2 -o "$T/cn.pdf" && pdftotext -layout "$T/cn.pdf" - 2>/dev/null)
unlike "$text" "Dommages|Frais" "company-country FR: no damages bands and no fee for a consumer"
like "$("$R" -d "$B" interest CN)" "a consumer under FR law" "said so"
cp "$T/rc" "$HOME/.config/relance/relancerc"

# --- a consumer procedure with a pre-due step -------------------------------------------------------
"$R" -d "$B" procedures export > "$T/proc.txt"
cat >> "$T/proc.txt" <<'P'

procedure consumer-pre consumer "Consumers, told before the due date"
step -3 email pre-due
step 7 email consumer-reminder-1
step 28 letter consumer-reminder-2 fee 7.50 claims
P
ok "a consumer procedure with a pre-due step" "$R" -d "$B" procedures import "$T/proc.txt"
ok "CP follows it, at a contractual 8 %" "$R" -d "$B" dunning set CP --procedure consumer-pre --rate 8
ledger_read "$B" 2026-11-28
RELANCE_TODAY=2026-11-28 "$R" -d "$B" dunning run --account CP >/dev/null 2>&1
out=$(RELANCE_TODAY=2026-12-20 "$R" -d "$B" interest CP --format tsv | tail -n +2)
is "$out" "CP-1	300.00			0		0.00	a consumer: nothing before the free first reminder's 14 days have run (not sent)" \
	"the pre-due message is no reminder: no interest from the due date"
ledger_read "$B" 2026-12-08
RELANCE_TODAY=2026-12-08 "$R" -d "$B" dunning run --account CP >/dev/null 2>&1
out=$(RELANCE_TODAY=2026-12-31 "$R" -d "$B" interest CP --format tsv | tail -n +2)
is "$out" "CP-1	300.00	2026-12-23	2026-12-31	9	8.00	0.59	contractual rate" \
	"the first reminder (12-08, deadline 12-22): interest from 12-23 at the contractual 8 %"

# --- waivers and --claims travel to another copy ------------------------------------------------
ok "--claims no on A2" "$R" -d "$B" dunning set A2 --claims no
C="$T/copy.db"
"$R" -d "$B" sync name office >/dev/null 2>&1
"$R" -d "$B" export changes -o "$T/o.chg" >/dev/null 2>&1
"$R" -d "$C" sync join "$B" >/dev/null 2>&1
ok "another copy takes the change file" "$R" -d "$C" import changes "$T/o.chg"
is "$(RELANCE_TODAY=2025-08-31 "$R" -d "$C" interest A1 --format tsv | tail -1 | cut -f8)" "waived" \
	"the waiver arrives with the journal"
like "$(RELANCE_TODAY=2025-08-31 "$R" -d "$C" interest A2 --paid --format tsv | tail -1)" "	waived$" "both of them"
is "$(sqlite3 "$C" "SELECT claims FROM account_dunning WHERE account_no = 'A2'")" 0 "and so does --claims no"

done_testing
