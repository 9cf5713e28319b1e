/* dunning_report.c — what each dunning step achieves: per step as the
 * journal recorded it (procedure, step, template, channel of the entries
 * whose detail is {"dunning": {...}}), the messages sent in the period
 * (their sent_on; by default the 90 days up to --as-of), the invoices
 * they reminded, and how many of those were paid within 7, 14 and 30
 * days after the step.
 *
 * An invoice reminded on day S counts as paid within N days when
 *   - its open amount at the step (its amount less what was paid on it up
 *     to S: today's open amount plus the payments naming it dated after S,
 *     at most its amount, as the aging report reads it) is above zero and
 *     the payments naming it dated S+1 to S+N add up to at least that, or
 *   - the invoice is closed and its closed_on is S+N or earlier (a credit
 *     note, a payment the ledger did not name it in, any closing).
 * Only invoices whose N days are over (S+N on or before --as-of) are
 * judged: due_N counts them, paid_N those paid, paid_within_N is paid_N ÷
 * due_N (empty when none is due). An invoice the book does not hold is
 * counted as reminded but never judged. A total row sums the rows (its
 * shares recomputed). */
#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"

enum {
	C_PROCEDURE, C_STEP, C_TEMPLATE, C_CHANNEL, C_MESSAGES, C_INVOICES, C_DUE7, C_PAID7, C_PCT7, C_DUE14,
	C_PAID14, C_PCT14, C_DUE30, C_PAID30, C_PCT30, NCOLS
};

static void set_shares(struct report *r, size_t row)
{
	for (int k = 0; k < 3; k++) {
		int due = C_DUE7 + 3 * k;
		int64_t n = report_cell(r, row, due)->v, p = report_cell(r, row, due + 1)->v;
		if (n > 0)
			report_set_value(r, row, due + 2, (p * 20000 + n) / (2 * n));
		else
			report_set_empty(r, row, due + 2);
	}
}

static int same(const char *a, const unsigned char *b)
{
	return !strcmp(a, b ? (const char *)b : "");
}

int report_dunning(sqlite3 *db, struct report *r)
{
	static const struct report_col cols[NCOLS] = {
		{"procedure", RU_TEXT}, {"step", RU_COUNT}, {"template", RU_TEXT}, {"channel", RU_TEXT},
		{"messages", RU_COUNT}, {"invoices", RU_COUNT}, {"due_7", RU_COUNT}, {"paid_7", RU_COUNT},
		{"paid_within_7", RU_PERCENT}, {"due_14", RU_COUNT}, {"paid_14", RU_COUNT},
		{"paid_within_14", RU_PERCENT}, {"due_30", RU_COUNT}, {"paid_30", RU_COUNT},
		{"paid_within_30", RU_PERCENT},
	};
	struct report_opts o = r->o;
	if (!o.to)
		o.to = o.as_of;
	if (!o.from)
		o.from = o.to - 89;
	report_begin(r, "dunning", "What each dunning step achieves", &o, cols, NCOLS);
	char from[11], to[11], asof[11];
	date_iso(o.from, from), date_iso(o.to, to), date_iso(o.as_of, asof);
	/* one row per message and invoice it names (a message naming none:
	 * one row, no invoice); the payment sums are per window */
#define PAID_BY(n) "(SELECT coalesce(sum(y.amount), 0) FROM payments y WHERE y.invoice_no = s.inv " \
	"AND y.amount > 0 AND y.date > s.sent_on AND y.date <= date(s.sent_on, '+" #n " days'))"
#define CLOSED_BY(n) "(i.status = 'closed' AND i.closed_on <= date(s.sent_on, '+" #n " days'))"
#define DUE(n) "(date(s.sent_on, '+" #n " days') <= ?3)"
	sqlite3_stmt *st = db_prepare(db,
		"WITH m AS (SELECT x.id, x.account_no, x.detail, "
		"   coalesce(json_extract(x.detail, '$.dunning.procedure'), '') AS proc, "
		"   coalesce(json_extract(x.detail, '$.dunning.step'), 0) AS step, "
		"   coalesce(json_extract(x.detail, '$.dunning.template'), '') AS template, "
		"   coalesce(json_extract(x.detail, '$.dunning.channel'), '') AS channel, "
		"   coalesce(json_extract(x.detail, '$.dunning.sent_on'), substr(x.at, 1, 10)) AS sent_on "
		"   FROM activities x WHERE x.detail LIKE '{\"dunning\":%' AND json_valid(x.detail)), "
		"s AS (SELECT m.*, j.value AS inv FROM m LEFT JOIN json_each(m.detail, '$.dunning.invoices') j "
		"   WHERE m.sent_on BETWEEN ?1 AND ?2), "
		"t AS (SELECT s.*, i.invoice_no IS NOT NULL AS known, "
		"   CASE WHEN i.invoice_no IS NULL THEN 0 ELSE min(i.amount, max(i.open_amount, 0) + "
		"     (SELECT coalesce(sum(y.amount), 0) FROM payments y WHERE y.invoice_no = s.inv "
		"      AND y.amount > 0 AND y.date > s.sent_on)) END AS open_at, "
		"   " PAID_BY(7) " AS p7, " PAID_BY(14) " AS p14, " PAID_BY(30) " AS p30, "
		"   coalesce(" CLOSED_BY(7) ", 0) AS c7, coalesce(" CLOSED_BY(14) ", 0) AS c14, "
		"   coalesce(" CLOSED_BY(30) ", 0) AS c30, " DUE(7) " AS d7, " DUE(14) " AS d14, " DUE(30) " AS d30 "
		"   FROM s LEFT JOIN invoices i ON i.invoice_no = s.inv) "
		"SELECT proc, step, template, channel, id, account_no, inv, known, "
		"   d7, known AND d7 AND (c7 OR (open_at > 0 AND p7 >= open_at)), "
		"   d14, known AND d14 AND (c14 OR (open_at > 0 AND p14 >= open_at)), "
		"   d30, known AND d30 AND (c30 OR (open_at > 0 AND p30 >= open_at)) "
		"FROM t ORDER BY proc, step, template, channel, id");
#undef PAID_BY
#undef CLOSED_BY
#undef DUE
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, asof, -1, SQLITE_TRANSIENT);
	size_t row = 0;
	int have = 0, rc;
	char last_id[40] = "";
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *proc = sqlite3_column_text(st, 0), *tpl = sqlite3_column_text(st, 2),
				    *chan = sqlite3_column_text(st, 3);
		int step = sqlite3_column_int(st, 1);
		const char *id = (const char *)sqlite3_column_text(st, 4);
		if (!have || !same(report_cell(r, row, C_PROCEDURE)->s, proc) ||
		    report_cell(r, row, C_STEP)->v != step || !same(report_cell(r, row, C_TEMPLATE)->s, tpl) ||
		    !same(report_cell(r, row, C_CHANNEL)->s, chan)) {
			row = report_row(r);
			report_set_text(r, row, C_PROCEDURE, proc ? (const char *)proc : "");
			report_set_value(r, row, C_STEP, step);
			report_set_text(r, row, C_TEMPLATE, tpl ? (const char *)tpl : "");
			report_set_text(r, row, C_CHANNEL, chan ? (const char *)chan : "");
			for (int c = C_MESSAGES; c < NCOLS; c++)
				report_set_value(r, row, c, 0);
			have = 1, last_id[0] = '\0';
		}
		struct report_cell *x = report_cell(r, row, 0);
		if (id && strcmp(last_id, id)) {
			x[C_MESSAGES].v++;
			snprintf(last_id, sizeof last_id, "%s", id);
		}
		if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
			x[C_INVOICES].v++;
			if (sqlite3_column_int(st, 7))
				for (int k = 0; k < 3; k++) {
					x[C_DUE7 + 3 * k].v += sqlite3_column_int(st, 8 + 2 * k) != 0;
					x[C_PAID7 + 3 * k].v += sqlite3_column_int(st, 9 + 2 * k) != 0;
				}
		}
		const char *acc = (const char *)sqlite3_column_text(st, 5);
		if (acc)
			report_add_account(r, row, acc);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	size_t body = r->nrows;
	for (size_t i = 0; i < body; i++)
		set_shares(r, i);
	/* the total: the sum of the rows */
	row = report_row(r);
	report_set_text(r, row, C_PROCEDURE, "total");
	report_set_empty(r, row, C_STEP);
	for (int c = C_MESSAGES; c < NCOLS; c++) {
		int64_t sum = 0;
		for (size_t i = 0; i < body; i++)
			sum += report_cell(r, i, c)->v;
		report_set_value(r, row, c, sum);
	}
	set_shares(r, row);
	r->total_rows = 1;
	r->style = CHART_BARS;
	r->label_col = C_TEMPLATE; /* names the step: "reminder-1" */
	r->series[0] = C_PCT14, r->nseries = 1;
	return 0;
}
