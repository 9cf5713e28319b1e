# receivables_book.sh — sourced by report_dso.t and report_cei.t:
# receivables_book BOOK builds this book (collectors amy and bob):
#   E-1  A amy  invoice  issued 08-10 due 09-09   300.00  paid in full 09-20
#   E-2  A amy  invoice  issued 09-15 due 10-15   600.00  350.00 paid 11-10 (250.00 open)
#   E-3  B bob  invoice  issued 10-05 due 11-04   900.00  open
#   E-4  B bob  invoice  issued 11-12 due 12-12   650.00  open
#   CN-1 B bob  credit   issued 11-20 due 11-20   -20.00  open
#   U-1  U amy  invoice  issued 10-20 due 11-19  1000.00 USD, 400.00 paid 11-25
# (all in 2026). Receivables at a month's end, as aging counts them:
#   EUR 07-31: 0; 08-31: E-1 300.00; 09-30: E-2 600.00 (E-1 paid 09-20);
#       10-31: E-2 600.00 (its payment comes 11-10) + E-3 900.00 = 1500.00;
#       11-30: E-2 250.00 + E-3 900.00 + E-4 650.00 + CN-1 -20.00 = 1780.00
#   USD 10-31: 1000.00; 11-30: 600.00
# Sales by issue date: EUR Aug 300.00, Sep 600.00, Oct 900.00,
#   Nov 650.00 - 20.00 = 630.00; USD Oct 1000.00, Nov 0.
receivables_book() {
	cat > "$T/rb-c.csv" <<'CSV'
account_no,name,collector
A,Alpha SA,amy
B,Beta BV,bob
U,Union Inc,amy
CSV
	cat > "$T/rb-i.csv" <<'CSV'
invoice_no,account_no,kind,issue_date,due_date,amount,open_amount,currency
E-1,A,invoice,2026-08-10,2026-09-09,300.00,0.00,EUR
E-2,A,invoice,2026-09-15,2026-10-15,600.00,250.00,EUR
E-3,B,invoice,2026-10-05,2026-11-04,900.00,900.00,EUR
E-4,B,invoice,2026-11-12,2026-12-12,650.00,650.00,EUR
CN-1,B,credit_note,2026-11-20,2026-11-20,-20.00,-20.00,EUR
U-1,U,invoice,2026-10-20,2026-11-19,1000.00,600.00,USD
CSV
	cat > "$T/rb-p.csv" <<'CSV'
payment_ref,account_no,date,amount,invoice_no,currency
P1,A,2026-09-20,300.00,E-1,EUR
P2,A,2026-11-10,350.00,E-2,EUR
P3,U,2026-11-25,400.00,U-1,USD
CSV
	"$R" -d "$1" import customers "$T/rb-c.csv" >/dev/null && "$R" -d "$1" import invoices "$T/rb-i.csv" >/dev/null &&
		"$R" -d "$1" import payments "$T/rb-p.csv" >/dev/null
}
