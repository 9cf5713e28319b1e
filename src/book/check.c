/* check.c — integrity checks. Each invariant is a query that returns the
 * rows breaking it; an empty answer means the invariant holds. */
#include "check.h"

#include <string.h>

#include "summary.h"
#include "base/lib.h"

struct invariant {
	const char *what;
	const char *sql; /* rows that break it: first column names the row */
};

static const struct invariant invariants[] = {
	{"invoice status follows its open amount",
	 "SELECT invoice_no FROM invoices WHERE (status = 'open') <> (open_amount <> 0)"},
	{"invoice open amount within its amount, with the kind's sign",
	 "SELECT invoice_no FROM invoices WHERE abs(open_amount) > abs(amount) "
	 "OR (kind = 'invoice' AND (amount < 0 OR open_amount < 0)) "
	 "OR (kind = 'credit_note' AND (amount > 0 OR open_amount > 0))"},
	{"dates are ISO dates",
	 "SELECT invoice_no FROM invoices WHERE date(due_date) IS NOT due_date "
	 "OR (issue_date IS NOT NULL AND date(issue_date) IS NOT issue_date) "
	 "UNION ALL SELECT payment_ref FROM payments WHERE date(date) IS NOT date "
	 "UNION ALL SELECT id FROM promises WHERE date(promised_date) IS NOT promised_date "
	 "UNION ALL SELECT id FROM tasks WHERE date(due_date) IS NOT due_date"},
	{"closed invoices carry their closing date",
	 "SELECT invoice_no FROM invoices WHERE status = 'closed' AND closed_on IS NULL"},
	{"journal is append-only (its triggers are in place)",
	 "SELECT 'missing trigger ' || t FROM (SELECT 'activities_append_only_update' AS t "
	 "UNION ALL SELECT 'activities_append_only_delete') "
	 "WHERE t NOT IN (SELECT name FROM sqlite_schema WHERE type = 'trigger')"},
	{"changes are versioned for the other copies (the sync triggers are in place)",
#define SYNC_TRIGGERS(t) "('" t "_sync_insert'), ('" t "_sync_update'), ('" t "_sync_delete')"
	 "WITH t(name) AS (VALUES ('sync_touch_insert'), ('sync_auto_insert'), "
	 "('import_runs_sync_insert'), ('import_runs_sync_delete'), "
	 SYNC_TRIGGERS("account_dunning") ", " SYNC_TRIGGERS("account_snoozes") ", " SYNC_TRIGGERS("activities") ", "
	 SYNC_TRIGGERS("bank_allocations") ", " SYNC_TRIGGERS("bank_movements") ", " SYNC_TRIGGERS("bank_statements") ", "
	 SYNC_TRIGGERS("customer_ibans") ", " SYNC_TRIGGERS("disputes") ", " SYNC_TRIGGERS("plan_installments") ", "
	 SYNC_TRIGGERS("plan_invoices") ", " SYNC_TRIGGERS("plans") ", " SYNC_TRIGGERS("promise_invoices") ", "
	 SYNC_TRIGGERS("promises") ", " SYNC_TRIGGERS("tasks") ") "
	 "SELECT 'missing trigger ' || name FROM t WHERE name NOT IN (SELECT name FROM sqlite_schema WHERE type = 'trigger')"},
#undef SYNC_TRIGGERS
	{"ids made here are well-formed unique ids",
	 "SELECT id FROM activities WHERE id NOT GLOB "
	 "'[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*' "
	 "UNION ALL SELECT id FROM promises WHERE length(id) <> 36 "
	 "UNION ALL SELECT id FROM plans WHERE length(id) <> 36 "
	 "UNION ALL SELECT id FROM disputes WHERE length(id) <> 36 "
	 "UNION ALL SELECT id FROM tasks WHERE length(id) <> 36"},
	{"plan installments add up to the plan's total",
	 "SELECT p.id FROM plans p LEFT JOIN plan_installments i ON i.plan_id = p.id "
	 "GROUP BY p.id HAVING coalesce(sum(i.amount), 0) <> p.total"},
	{"paid amounts are not negative",
	 "SELECT id FROM promises WHERE paid_amount < 0 "
	 "UNION ALL SELECT plan_id || '#' || seq FROM plan_installments WHERE paid_amount < 0"},
	{"every row that travels between copies has its version (sync_rows)",
#define UNVERSIONED(table, key) \
	"SELECT '" table " ' || " key " FROM " table " WHERE NOT EXISTS (SELECT 1 FROM sync_rows v " \
	"WHERE v.tbl = '" table "' AND v.key = " key ")"
	 UNVERSIONED("collectors", "login") " UNION ALL " UNVERSIONED("customers", "account_no") " UNION ALL "
	 UNVERSIONED("invoices", "invoice_no") " UNION ALL " UNVERSIONED("payments", "payment_ref") " UNION ALL "
	 UNVERSIONED("activities", "id") " UNION ALL " UNVERSIONED("promises", "id") " UNION ALL "
	 UNVERSIONED("plans", "id") " UNION ALL " UNVERSIONED("disputes", "id") " UNION ALL "
	 UNVERSIONED("tasks", "id") " UNION ALL " UNVERSIONED("account_snoozes", "id") " UNION ALL "
	 UNVERSIONED("account_dunning", "account_no") " UNION ALL " UNVERSIONED("import_runs", "id") " UNION ALL "
	 UNVERSIONED("bank_statements", "id") " UNION ALL " UNVERSIONED("bank_movements", "id")},
#undef UNVERSIONED
	{"a matched credit's allocations and unapplied rest add up to its amount",
	 "SELECT m.id FROM bank_movements m LEFT JOIN bank_allocations a ON a.movement_id = m.id "
	 "WHERE m.status = 'matched' GROUP BY m.id HAVING coalesce(sum(a.amount), 0) + m.unapplied <> m.amount "
	 "OR m.unapplied < 0"},
	{"only a matched credit pays invoices, and only its account's",
	 "SELECT a.movement_id || ' ' || a.invoice_no FROM bank_allocations a "
	 "LEFT JOIN bank_movements m ON m.id = a.movement_id LEFT JOIN invoices i ON i.invoice_no = a.invoice_no "
	 "WHERE m.status IS NOT 'matched' OR i.account_no IS NOT m.account_no"},
	{"the book knows its copy id",
	 "SELECT 'copy_id' WHERE NOT EXISTS (SELECT 1 FROM book_meta WHERE key = 'copy_id' "
	 "AND length(value) = 36)"},
};

/* Rows whose foreign key points nowhere, named by their own key (the
 * tables have no rowid for pragma foreign_key_check to name them by). */
#define ORPHANS(table, key, col, parent, pcol) \
	"SELECT '" table " ' || " key " || ' -> " parent " ' || " col " FROM " table \
	" WHERE " col " IS NOT NULL AND " col " NOT IN (SELECT " pcol " FROM " parent ")"
#define FOREIGN_KEY_ORPHANS \
	ORPHANS("customers", "account_no", "collector", "collectors", "login") " UNION ALL " \
	ORPHANS("invoices", "invoice_no", "account_no", "customers", "account_no") " UNION ALL " \
	ORPHANS("payments", "payment_ref", "account_no", "customers", "account_no") " UNION ALL " \
	ORPHANS("activities", "id", "account_no", "customers", "account_no") " UNION ALL " \
	ORPHANS("activities", "id", "type", "activity_types", "type") " UNION ALL " \
	ORPHANS("activities", "id", "corrects", "activities", "id") " UNION ALL " \
	ORPHANS("promises", "id", "account_no", "customers", "account_no") " UNION ALL " \
	ORPHANS("promise_invoices", "promise_id", "promise_id", "promises", "id") " UNION ALL " \
	ORPHANS("plans", "id", "account_no", "customers", "account_no") " UNION ALL " \
	ORPHANS("plan_installments", "plan_id", "plan_id", "plans", "id") " UNION ALL " \
	ORPHANS("plan_invoices", "plan_id", "plan_id", "plans", "id") " UNION ALL " \
	ORPHANS("disputes", "id", "invoice_no", "invoices", "invoice_no") " UNION ALL " \
	ORPHANS("disputes", "id", "account_no", "customers", "account_no") " UNION ALL " \
	ORPHANS("tasks", "id", "account_no", "customers", "account_no") " UNION ALL " \
	"SELECT \"table\" || ' -> ' || parent FROM pragma_foreign_key_check " \
	"WHERE \"table\" NOT IN ('customers', 'invoices', 'payments', 'activities', 'promises', " \
	"'promise_invoices', 'plans', 'plan_installments', 'plan_invoices', 'disputes', 'tasks')"

/* Runs sql; prints the first few offending rows. Returns rows found or -1. */
static long run_rows(sqlite3 *db, const char *what, const char *sql, FILE *out)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		if (n == 0)
			fprintf(out, "FAIL  %s:\n", what);
		if (n < 10) {
			fputs("        ", out);
			table_put_safe(out, v ? v : "(null)");
			fputc('\n', out);
		}
		n++;
	}
	if (rc != SQLITE_DONE) {
		fprintf(out, "FAIL  %s: %s\n", what, sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (n > 10)
		fprintf(out, "        ... %ld in all\n", n);
	if (n == 0)
		fprintf(out, "ok    %s\n", what);
	return n;
}

/* The cached account figures against a fresh computation: recompute them
 * inside a savepoint, compare with a copy of what was stored, roll back. */
static long check_summary(sqlite3 *db, day_t today, FILE *out)
{
	const char *what = "cached account figures match the ledger (relance check --rebuild remakes them)";
	if (summary_refresh(db, today) < 0)
		return -1;
	if (db_exec(db, "DROP TABLE IF EXISTS temp.summary_stored;"
			"CREATE TEMP TABLE summary_stored AS SELECT * FROM main.account_summary;"
			"SAVEPOINT check_summary"))
		return -1;
	long n = summary_accounts(db, today, NULL) ? -1 :
		run_rows(db, what,
			 "SELECT n.account_no || ': stored overdue ' || coalesce(o.overdue, '-') || ', ledger ' || n.overdue "
			 "FROM main.account_summary n LEFT JOIN temp.summary_stored o USING (account_no) "
			 "WHERE (o.open_total, o.overdue, o.overdue_items, o.due_weight, o.oldest_due, o.next_due, "
			 "o.disputed, o.collector, o.name, o.segment, o.disputes, o.promise_status, o.promise_date, "
			 "o.task_date, o.task_text, o.missed_date) IS NOT (n.open_total, n.overdue, "
			 "n.overdue_items, n.due_weight, n.oldest_due, n.next_due, n.disputed, n.collector, n.name, "
			 "n.segment, n.disputes, n.promise_status, n.promise_date, n.task_date, n.task_text, "
			 "n.missed_date) OR (o.snoozed_until, o.plan_next_date, o.followed_at, o.recontact_date, "
			 "o.last_contact, o.worked_at, o.dunning_level, o.phone) IS NOT (n.snoozed_until, n.plan_next_date, "
			 "n.followed_at, n.recontact_date, n.last_contact, n.worked_at, n.dunning_level, n.phone)",
			 out);
	db_exec(db, "ROLLBACK TO check_summary; RELEASE check_summary; DROP TABLE temp.summary_stored");
	return n;
}

/* The aging buckets kept per account (account_aging) the same way. */
static long check_aging(sqlite3 *db, day_t today, FILE *out)
{
	const char *what = "kept aging buckets match the ledger (relance check --rebuild remakes them)";
	if (aging_refresh(db, today) < 0)
		return -1;
	if (db_exec(db, "DROP TABLE IF EXISTS temp.aging_stored;"
			"CREATE TEMP TABLE aging_stored AS SELECT * FROM main.account_aging;"
			/* the FULL JOIN below finds each row through it: without, it
			 * compared every row with every other (minutes on 100,000) */
			"CREATE UNIQUE INDEX temp.aging_stored_key ON aging_stored(account_no, currency);"
			"SAVEPOINT check_aging"))
		return -1;
	long n = summary_accounts(db, today, NULL) ? -1 :
		run_rows(db, what,
			 "SELECT coalesce(n.account_no, o.account_no) || ' ' || coalesce(n.currency, o.currency) || "
			 "': stored buckets ' || coalesce(o.a0 || '/' || o.a1 || '/' || o.a2 || '/' || o.a3 || '/' || o.a4 "
			 "|| '/' || o.a5, '-') || ', ledger ' || coalesce(n.a0 || '/' || n.a1 || '/' || n.a2 || '/' || n.a3 "
			 "|| '/' || n.a4 || '/' || n.a5, '-') "
			 "FROM main.account_aging n FULL JOIN temp.aging_stored o "
			 "ON o.account_no = n.account_no AND o.currency = n.currency "
			 "WHERE (o.a0, o.a1, o.a2, o.a3, o.a4, o.a5, o.d0, o.d1, o.d2, o.d3, o.d4, o.d5, "
			 "o.n0, o.n1, o.n2, o.n3, o.n4, o.n5, o.next_change) IS NOT (n.a0, n.a1, n.a2, n.a3, n.a4, "
			 "n.a5, n.d0, n.d1, n.d2, n.d3, n.d4, n.d5, n.n0, n.n1, n.n2, n.n3, n.n4, n.n5, n.next_change) "
			 "OR (o.k1, o.k2, o.k3, o.k4, o.k5, o.late_since, o.af, o.df) IS NOT "
			 "(n.k1, n.k2, n.k3, n.k4, n.k5, n.late_since, n.af, n.df)",
			 out);
	db_exec(db, "ROLLBACK TO check_aging; RELEASE check_aging; DROP TABLE temp.aging_stored");
	if (n < 0)
		return n;
	long t = run_rows(db, "the book's aging totals are the sums of the accounts' buckets",
			  "SELECT coalesce(t.currency, s.currency) || ': totals differ from the sums of its accounts' "
			  "FROM aging_totals t FULL JOIN (SELECT currency, sum(a0) a0, sum(a1) a1, sum(a2) a2, "
			  "sum(a3) a3, sum(a4) a4, sum(a5) a5, sum(d0 + d1 + d2 + d3 + d4 + d5) d, "
			  "sum(n0 + n1 + n2 + n3 + n4 + n5) n, sum((n0 > 0) + (n1 > 0) + (n2 > 0) + (n3 > 0) + (n4 > 0) "
			  "+ (n5 > 0)) c FROM account_aging GROUP BY currency) s ON s.currency = t.currency "
			  "WHERE (coalesce(t.a0, 0), coalesce(t.a1, 0), coalesce(t.a2, 0), coalesce(t.a3, 0), "
			  "coalesce(t.a4, 0), coalesce(t.a5, 0), coalesce(t.d0 + t.d1 + t.d2 + t.d3 + t.d4 + t.d5, 0), "
			  "coalesce(t.n0 + t.n1 + t.n2 + t.n3 + t.n4 + t.n5, 0), "
			  "coalesce(t.c0 + t.c1 + t.c2 + t.c3 + t.c4 + t.c5, 0)) IS NOT (coalesce(s.a0, 0), "
			  "coalesce(s.a1, 0), coalesce(s.a2, 0), coalesce(s.a3, 0), coalesce(s.a4, 0), "
			  "coalesce(s.a5, 0), coalesce(s.d, 0), coalesce(s.n, 0), coalesce(s.c, 0))",
			  out);
	return t < 0 ? t : n + t;
}

int check_book(struct book *b, FILE *out)
{
	sqlite3 *db = b->db;
	int problems = 0;
	/* integrity_check answers "ok" when all is well */
	sqlite3_stmt *st = db_prepare(db, "PRAGMA integrity_check");
	if (!st)
		return -1;
	int fine = 0, lines = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		if (lines++ == 0 && v && strcmp(v, "ok") == 0) {
			fine = 1;
			continue;
		}
		if (lines == 1)
			fprintf(out, "FAIL  SQLite integrity check:\n");
		fprintf(out, "        %s\n", v ? v : "");
	}
	if (rc != SQLITE_DONE) {
		fprintf(out, "FAIL  SQLite integrity check: %s\n", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (fine)
		fprintf(out, "ok    SQLite integrity check\n");
	else
		problems++;
	long n = run_rows(db, "foreign keys point at existing rows", FOREIGN_KEY_ORPHANS, out);
	if (n < 0)
		return -1;
	problems += n > 0;
	int version = book_user_version(db);
	if (version != book_schema_version()) {
		fprintf(out, "FAIL  schema version %d, expected %d\n", version, book_schema_version());
		problems++;
	} else {
		fprintf(out, "ok    schema version %d\n", version);
	}
	for (size_t i = 0; i < sizeof invariants / sizeof *invariants; i++) {
		n = run_rows(db, invariants[i].what, invariants[i].sql, out);
		if (n < 0)
			return -1;
		problems += n > 0;
	}
	/* recomputing them means writing (then rolling back) */
	if (b->readonly) {
		fprintf(out, "skip  cached account figures: the book is read-only (%s)\n", b->readonly_why);
		return problems;
	}
	if ((n = check_summary(db, today(), out)) < 0)
		return -1;
	problems += n > 0;
	if ((n = check_aging(db, today(), out)) < 0)
		return -1;
	problems += n > 0;
	return problems;
}
