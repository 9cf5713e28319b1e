/* export_tables.c — `relance export promises|disputes|plans|activities`:
 * the collectors' work as CSV or JSON for the accounting system. One query
 * per table (bound parameters, read only), streamed row by row; the CSV
 * writing, quoting and formula guard live here; JSON strings are escaped
 * as in every list (table.c). */
#include "export_tables.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "book/lib.h"
#include "base/lib.h"

enum col_kind {
	COL_TEXT,  /* a string; NULL: empty (csv) or null (json) */
	COL_MONEY, /* integer cents, written 1234.56 */
	COL_INT    /* a whole number */
};

struct column {
	const char *name;
	enum col_kind kind;
};

struct export_spec {
	const char *name;
	const struct column *cols;
	size_t ncols;
	const char *sql; /* ?1: the --since day, or NULL; columns in the order of cols */
};

#define T(n) {n, COL_TEXT}
#define M(n) {n, COL_MONEY}
#define I(n) {n, COL_INT}

static const struct column promise_cols[] = {
	T("id"), T("account_no"), T("name"), M("amount"), T("currency"), T("promised_date"), T("status"),
	M("paid_amount"), T("invoices"), T("made_at"), T("user"), T("note"), T("updated_at"),
};

static const struct column dispute_cols[] = {
	T("id"), T("account_no"), T("invoice_no"), T("reason"), T("status"), T("note"), T("opened_at"),
	T("opened_by"), T("resolved_at"), T("resolved_by"), M("open_amount"), T("currency"), T("updated_at"),
};

static const struct column plan_cols[] = {
	T("id"), T("account_no"), T("currency"), M("total"), M("down_payment"), M("fee"), T("frequency"),
	T("first_date"), T("status"), I("installments"), M("paid_amount"), T("next_due"), T("invoices"),
	T("created_at"), T("user"), T("note"), T("updated_at"),
};

static const struct column activity_cols[] = {
	T("id"), T("account_no"), T("at"), T("type"), T("user"), T("copy_id"), T("invoice_no"), T("summary"),
	T("body"),
};

#undef T
#undef M
#undef I

#define COLS(a) a, sizeof a / sizeof *a

/* Timestamps are 'YYYY-MM-DDTHH:MM:SSZ': compared as text with a day
 * 'YYYY-MM-DD', ">= day" is "on that day or later". The ids are UUIDv7:
 * ordered by them, rows come in the order they were made, from the
 * primary key, without a sort. */
static const struct export_spec specs[] = {
	[EXPORT_PROMISES] = {"promises", COLS(promise_cols),
		"SELECT p.id, p.account_no, c.name, p.amount, p.currency, p.promised_date, p.status, "
		"p.paid_amount, (SELECT group_concat(k.invoice_no, ',') FROM (SELECT invoice_no FROM promise_invoices "
		"WHERE promise_id = p.id ORDER BY invoice_no) k), "
		"p.made_at, p.user, p.note, p.updated_at "
		"FROM promises p LEFT JOIN customers c ON c.account_no = p.account_no "
		"WHERE ?1 IS NULL OR p.updated_at >= ?1 OR p.made_at >= ?1 ORDER BY p.id"},
	[EXPORT_DISPUTES] = {"disputes", COLS(dispute_cols),
		"SELECT d.id, d.account_no, d.invoice_no, d.reason, d.status, d.note, d.opened_at, d.opened_by, "
		"d.resolved_at, d.resolved_by, i.open_amount, i.currency, d.updated_at "
		"FROM disputes d LEFT JOIN invoices i ON i.invoice_no = d.invoice_no "
		"WHERE ?1 IS NULL OR d.updated_at >= ?1 ORDER BY d.id"},
	[EXPORT_PLANS] = {"plans", COLS(plan_cols),
		"SELECT p.id, p.account_no, p.currency, p.total, p.down_payment, p.fee, p.frequency, p.first_date, "
		"p.status, (SELECT count(*) FROM plan_installments s WHERE s.plan_id = p.id AND s.seq > 0), "
		"(SELECT coalesce(sum(s.paid_amount), 0) FROM plan_installments s WHERE s.plan_id = p.id), "
		"CASE WHEN p.status = 'active' THEN (SELECT min(s.due_date) FROM plan_installments s "
		" WHERE s.plan_id = p.id AND s.status IN ('due', 'missed')) END, "
		"(SELECT group_concat(k.invoice_no, ',') FROM (SELECT invoice_no FROM plan_invoices "
		"WHERE plan_id = p.id ORDER BY invoice_no) k), "
		"p.created_at, p.user, p.note, p.updated_at FROM plans p "
		"WHERE ?1 IS NULL OR p.updated_at >= ?1 OR p.created_at >= ?1 ORDER BY p.id"},
	[EXPORT_ACTIVITIES] = {"activities", COLS(activity_cols),
		"SELECT id, account_no, at, type, user, copy_id, invoice_no, summary, body FROM activities "
		"WHERE ?1 IS NULL OR at >= ?1 ORDER BY id"},
};

int export_table_named(const char *name)
{
	for (size_t i = 0; i < sizeof specs / sizeof *specs; i++)
		if (!strcmp(name, specs[i].name))
			return (int)i;
	return -1;
}

/* Cell c of the current row, in the format of o. */
static void put_cell(FILE *out, const struct export_options *o, const struct column *col, sqlite3_stmt *st, int c)
{
	int json = o->format == EXPORT_JSON;
	if (sqlite3_column_type(st, c) == SQLITE_NULL) {
		if (json)
			fputs("null", out);
		return;
	}
	if (col->kind == COL_MONEY) {
		char amt[32];
		money_format(sqlite3_column_int64(st, c), amt, sizeof amt);
		fputs(amt, out);
	} else if (col->kind == COL_INT) {
		fprintf(out, "%lld", (long long)sqlite3_column_int64(st, c));
	} else {
		const char *s = (const char *)sqlite3_column_text(st, c);
		size_t n = (size_t)sqlite3_column_bytes(st, c);
		if (!s)
			s = "", n = 0;
		if (json)
			table_put_json_string(out, s);
		else
			csv_write_text(out, s, n, o->delimiter);
	}
}

static void put_row(FILE *out, const struct export_options *o, const struct export_spec *sp, sqlite3_stmt *st,
		    long row)
{
	if (o->format == EXPORT_JSON) {
		fputs(row ? ",\n {" : "\n {", out);
		for (size_t c = 0; c < sp->ncols; c++) {
			fprintf(out, "%s\"%s\": ", c ? ", " : "", sp->cols[c].name);
			put_cell(out, o, &sp->cols[c], st, (int)c);
		}
		fputc('}', out);
		return;
	}
	for (size_t c = 0; c < sp->ncols; c++) {
		if (c)
			fputc(o->delimiter, out);
		put_cell(out, o, &sp->cols[c], st, (int)c);
	}
	fputs("\r\n", out);
}

static void put_header(FILE *out, const struct export_options *o, const struct export_spec *sp)
{
	if (o->format == EXPORT_JSON) {
		fputc('[', out);
		return;
	}
	if (o->bom)
		fputs("\xEF\xBB\xBF", out);
	for (size_t c = 0; c < sp->ncols; c++) {
		if (c)
			fputc(o->delimiter, out);
		fputs(sp->cols[c].name, out);
	}
	fputs("\r\n", out);
}

static int write_failed(FILE *out, const char *out_name)
{
	if (!ferror(out))
		return 0;
	msg_error("export: cannot write %s: %s", out_name, strerror(errno ? errno : EIO));
	return 1;
}

long export_table_write(sqlite3 *db, enum export_table t, const struct export_options *o, FILE *out,
			const char *out_name)
{
	const struct export_spec *sp = &specs[t];
	sqlite3_stmt *st = db_prepare(db, sp->sql);
	if (!st)
		return -1;
	if (o->since)
		sqlite3_bind_text(st, 1, o->since, -1, SQLITE_STATIC);
	errno = 0;
	put_header(out, o, sp);
	long rows = 0;
	int rc = SQLITE_DONE, failed = write_failed(out, out_name);
	while (!failed && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		put_row(out, o, sp, st, rows++);
		failed = write_failed(out, out_name);
	}
	if (!failed && rc != SQLITE_DONE) {
		msg_error("export: %s: %s", sp->name, sqlite3_errmsg(db));
		failed = 1;
	}
	sqlite3_finalize(st);
	if (failed)
		return -1;
	if (o->format == EXPORT_JSON)
		fputs(rows ? "\n]\n" : "]\n", out);
	if (fflush(out) != 0 || ferror(out)) {
		msg_error("export: cannot write %s: %s", out_name, strerror(errno ? errno : EIO));
		return -1;
	}
	return rows;
}
