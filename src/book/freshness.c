/* freshness.c — the day the book's payments are known as of, and whether
 * that is too old. Reads only: the last ledger import of invoices or
 * payments (import_runs, its UTC time taken as a local day the way every
 * stored time is) and the last bank statement's date not after today.
 * Never writes. */
#include "freshness.h"

#include <stdio.h>
#include <string.h>

/* Working days after `from` up to `to`, `to` counted. */
static int working_days_between(day_t from, day_t to)
{
	int n = 0;
	for (day_t d = from + 1; d <= to; d++)
		if (date_weekday(d) < 5 && !be_public_holiday(d))
			n++;
	return n;
}

int book_freshness(sqlite3 *db, day_t today, int stale_days, struct freshness *out)
{
	memset(out, 0, sizeof *out);
	/* each max() is the last entry of its index (import_runs_kind_at,
	 * bank_statements_date) */
	sqlite3_stmt *st = db_prepare(db,
		"SELECT (SELECT max(at) FROM import_runs WHERE kind = 'invoices'), "
		"(SELECT max(at) FROM import_runs WHERE kind = 'payments'), "
		"(SELECT max(date) FROM bank_statements WHERE date <= ?1)");
	if (!st)
		return -1;
	/* a statement dated after today (the bank import refuses them, an
	 * older book or a copy may hold one) would make the payments look
	 * fresh until that day */
	char iso[11];
	date_iso(today, iso);
	sqlite3_bind_text(st, 1, iso, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		db_say(db, "payments' freshness");
		sqlite3_finalize(st);
		return -1;
	}
	for (int i = 0; i < 3; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);
		day_t d = 0;
		if (!v)
			continue;
		if (i < 2)
			d = utc_local_day(v);
		else if (date_parse(v, strlen(v), DATE_ISO, &d))
			d = 0;
		if (d && (!out->known || d > out->as_of))
			out->as_of = d, out->known = 1;
	}
	sqlite3_finalize(st);
	if (out->known)
		out->behind = working_days_between(out->as_of, today);
	out->stale = freshness_stale(out, stale_days);
	return 0;
}

int freshness_stale(const struct freshness *f, int stale_days)
{
	return stale_days != FRESHNESS_NEVER && (!f->known || f->behind > stale_days);
}

void freshness_text(const struct freshness *f, int stale_days, char *out, size_t size)
{
	char day[11], limit[24];
	if (!f->known) {
		snprintf(out, size, "no payments imported yet");
		return;
	}
	date_iso(f->as_of, day);
	if (stale_days == FRESHNESS_NEVER)
		snprintf(limit, sizeof limit, "off");
	else
		snprintf(limit, sizeof limit, "%d", stale_days);
	snprintf(out, size, "payments as of %s (%d working day%s; stale-days is %s)", day, f->behind,
		 f->behind == 1 ? "" : "s", limit);
}
