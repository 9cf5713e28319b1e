# dunning_book.sh — sourced by tests: dunning_book BOOK builds a book whose
# dunning on 2026-11-24 is known by hand, and dunning_config writes the
# company's relancerc (e-mails go to a fake sendmail that keeps each message
# in $T/mail/N.eml, letters to $T/letters).
#   B1 (business, fr):  I-PRE due 11-26 (step 1, pre-due, is due: 11-23)
#                       I-7   due 11-17 (step 2 due today: +7)
#                       I-FUT due 12-10 (step 1 waits until 12-07)
#   B2 (business, nl, no e-mail): I-6 due 11-18 (step 2 waits until 11-25)
#                       I-40 due 10-15 (step 2 due: steps are not skipped)
#   C1 (consumer, fr):  C-10 due 11-14, 200.00 (consumer step 1 due: +7)
#   H1 held, D1 disputed, P1 promised, L1 under a plan: each 30 days overdue
#   R1 (business, en):  R-OLD due 2025-05-15, 10,000.00: interest across
#                       the half-year of 2025-07-01
dunning_book() {
	cat > "$T/d-customers.csv" <<'CSV'
account_no,name,contact,language,segment,email,phone,street,postcode,city,country
B1,Alpha SA,Marie Lambert,fr,business,compta@alpha.example,+32 2 000 00 01,Rue Haute 1,1000,Bruxelles,BE
B2,Beta BV,,nl,business,,+32 3 000 00 02,Meir 2,2000,Antwerpen,BE
C1,Jean Dupont,,fr,consumer,jean@dupont.example,+32 470 00 00 03,Rue Basse 3,4000,Liège,BE
H1,Held SPRL,,fr,business,held@example.be,,,,,BE
D1,Disputed NV,,nl,business,disp@example.be,,,,,BE
P1,Promised SA,,fr,business,prom@example.be,,,,,BE
L1,Planned SA,,fr,business,plan@example.be,,,,,BE
R1,Rate Ltd,,en,business,rate@example.com,,1 High Street,EC1A 1AA,London,GB
CSV
	cat > "$T/d-invoices.csv" <<'CSV'
invoice_no,account_no,issue_date,due_date,amount,open_amount,reference
I-PRE,B1,2026-10-27,2026-11-26,100.00,100.00,
I-7,B1,2026-10-18,2026-11-17,250.00,250.00,+++090/9337/55493+++
I-FUT,B1,2026-11-10,2026-12-10,80.00,80.00,
I-6,B2,2026-10-19,2026-11-18,60.00,60.00,
I-40,B2,2026-09-15,2026-10-15,400.00,400.00,
C-10,C1,2026-10-15,2026-11-14,200.00,200.00,
H-30,H1,2026-09-25,2026-10-25,300.00,300.00,
D-30,D1,2026-09-25,2026-10-25,300.00,300.00,
P-30,P1,2026-09-25,2026-10-25,300.00,300.00,
L-30,L1,2026-09-25,2026-10-25,300.00,300.00,
R-OLD,R1,2025-04-15,2025-05-15,10000.00,10000.00,
CSV
	"$R" -d "$1" import customers "$T/d-customers.csv" >/dev/null &&
	"$R" -d "$1" import invoices "$T/d-invoices.csv" >/dev/null &&
	"$R" -d "$1" dunning hold H1 --note "talking to their lawyer" >/dev/null &&
	"$R" -d "$1" dispute D-30 --reason quality >/dev/null &&
	"$R" -d "$1" promise add P1 --date 2026-12-01 >/dev/null &&
	"$R" -d "$1" plan add L1 --installments 3 --every month --first 2026-12-01 >/dev/null
}

dunning_config() {
	mkdir -p "$HOME/.config/relance" "$T/mail"
	cat > "$T/sendmail" <<SH
#!/bin/sh
n=\$((\$(ls "$T/mail" | wc -l) + 1))
# two runs may hand over at once: each message takes a name of its own
while ! (set -C; : > "$T/mail/\$n.eml") 2>/dev/null; do n=\$((n + 1)); done
cat > "$T/mail/\$n.eml"
SH
	chmod +x "$T/sendmail"
	cat > "$HOME/.config/relance/relancerc" <<RC
set company-name = "Relance Test SA"
set company-address = "Rue de la Loi 16; 1000 Bruxelles"
set company-vat = "BE0123.456.749"
set company-iban = "BE71 0961 2345 6769"
set company-bic = "GKCCBEBB"
set company-email = "credit@relance.example"
set company-city = "Bruxelles"
set sendmail = "$T/sendmail"
set letters-dir = "$T/letters"
RC
}

# ledger_read BOOK DAY: the ledger's payments read on DAY (an export with
# nothing new in it): the book's payments are as of DAY, so that a dunning
# run on DAY sends (it refuses on stale payment data: book/freshness.h)
ledger_read() {
	printf 'payment_ref,account_no,date,amount\n' > "$T/no-payments.csv"
	RELANCE_TODAY=$2 "$R" -d "$1" import payments "$T/no-payments.csv" >/dev/null
}
