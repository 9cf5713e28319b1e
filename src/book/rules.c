/* rules.c — book_meta rows 'rule:NAME'. */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"

const struct rule book_rules[] = {
	{"promise-grace-days", 3, 0, 60, "days after its date a promise (or an installment) may still be paid"},
	{"plan-max-missed", 2, 1, 24, "missed installments that break a payment plan"},
	{"recontact-reached-days", 7, 1, 90, "days after a call that reached the debtor, with no follow-up date, to call again"},
	{"recontact-no-answer-days", 1, 0, 30, "working days after a call not answered to call again"},
	{"recontact-busy-days", 1, 0, 30, "working days after a busy line to call again"},
	{"recontact-voicemail-days", 2, 0, 30, "working days after a message left on voicemail to call again"},
	{"score-broken-promise", 100000000, 0, 1000000000, "queue score of a broken promise not followed up"},
	{"score-missed-installment", 50000000, 0, 1000000000, "queue score of a missed installment not followed up"},
	{"score-euro-day", 1, 0, 1000, "queue score of each overdue euro-day (open amount x days past due)"},
	{"score-dunning-level", 10000, 0, 100000000, "queue score of each dunning step sent"},
	{"score-days-since-contact", 100, 0, 10000000, "queue score of each day since the last call, e-mail or letter"},
	{NULL, 0, 0, 0, NULL},
};

static const struct rule *find(const char *name)
{
	for (const struct rule *r = book_rules; r->name; r++)
		if (!strcmp(r->name, name))
			return r;
	return NULL;
}

int rule_value(sqlite3 *db, const char *name)
{
	const struct rule *r = find(name);
	int v = r ? r->fallback : 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT value FROM book_meta WHERE key = 'rule:' || ?1");
	if (st) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = atoi((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return v;
}

int rule_set(sqlite3 *db, const char *name, long value)
{
	const struct rule *r = find(name);
	if (!r) {
		msg_error("rules: no rule %s", name);
		return 1;
	}
	if (value < r->lo || value > r->hi) {
		msg_error("rules: %s is from %d to %d", name, r->lo, r->hi);
		return 1;
	}
	char key[80], v[24];
	snprintf(key, sizeof key, "rule:%s", name);
	snprintf(v, sizeof v, "%ld", value);
	/* the queue applies the grace when it reads: nothing cached moves */
	return book_meta_set(db, key, v);
}
