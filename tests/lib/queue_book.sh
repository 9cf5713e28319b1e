# queue_book.sh — sourced by tests: builds $1, a small book whose queue is
# known by hand for 2026-11-24 (collector "tester"), every account due:
#   by score, largest first:  Q3 (broken promise of 11-10, call due 11-13):
#                                  100,000,000 + 200.00 x 10 = 100,002,000
#                             Q2 500.00 x 90 = 45,000 (first call)
#                             Q1 1000.00 x 30 = 30,000 (worked 11-21: call)
#                             Q4 300.00 x 60 = 18,000 (follow-up due 11-20)
#                             Q7 50.00 x 23 = 1,150
#                             Q8 80.00 x 1 = 80 (900.00 more under dispute)
#   not listed: Q9 (nothing overdue), Q5 (collector "other", 5000.00 x 327)
# (Q1's call has no outcome: it is not a contact, only work.)
queue_book() {
	"$R" -d "$1" import customers "$DATA/queue-customers.csv" >/dev/null &&
	"$R" -d "$1" import invoices "$DATA/queue-invoices.csv" >/dev/null &&
	sqlite3 "$1" "
		INSERT INTO promises(id, account_no, amount, promised_date, made_at, user, status, updated_at)
		VALUES ('0190a000-0000-7000-8000-000000000001', 'Q3', 20000, '2026-11-10', '2026-11-03T10:00:00Z',
			'tester', 'broken', '2026-11-13T06:00:00Z');
		INSERT INTO tasks(id, account_no, due_date, text, user, created_at, updated_at)
		VALUES ('0190a000-0000-7000-8000-000000000002', 'Q4', '2026-11-20', 'call back', 'tester',
			'2026-11-10T09:00:00Z', '2026-11-10T09:00:00Z');
		INSERT INTO disputes(id, invoice_no, account_no, reason, opened_at, opened_by, updated_at)
		VALUES ('0190a000-0000-7000-8000-000000000003', 'Q8-2', 'Q8', 'quality', '2026-06-10T10:00:00Z',
			'tester', '2026-06-10T10:00:00Z');
		INSERT INTO activities(id, account_no, at, type, user, copy_id, summary, body)
		VALUES ('0190a000-0000-7000-8000-000000000004', 'Q1', '2026-11-20T14:05:00Z', 'call', 'tester',
			'test', 'Call: reached (2:05)', 'Will pay on Friday.'),
		       ('0190a000-0000-7000-8000-000000000005', 'Q1', '2026-11-21T09:30:00Z', 'note', 'tester',
			'test', 'Asked for a copy of invoice Q1-1', NULL);" &&
	"$R" -d "$1" check --rebuild >/dev/null
}
