/* queue.c — building, ordering and searching the queue. The default order
 * (relance(1)): accounts with an action due today or earlier first, oldest
 * action date first; then the others by overdue euro-days, largest first;
 * ties by account number. */
#include "queue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "msg.h"
#include "strset.h"
#include "summary.h"
#include "utf8.h"

/* Promises are kept or broken this many days after their date; issue 4's
 * rules make it a setting. */
#define PROMISE_GRACE_DAYS 3

static char *dup_text(const unsigned char *s)
{
	const char *t = s ? (const char *)s : "";
	size_t n = strlen(t) + 1;
	char *d = malloc(n);
	if (!d)
		abort();
	memcpy(d, t, n);
	return d;
}

static int add_row(struct queue *q, size_t *cap)
{
	if (q->n == *cap) {
		*cap = *cap ? *cap * 2 : 1024;
		struct queue_row *nr = realloc(q->rows, *cap * sizeof *nr);
		if (!nr)
			return -1;
		q->rows = nr;
	}
	memset(&q->rows[q->n], 0, sizeof q->rows[q->n]);
	return 0;
}

static void fill_row(struct queue_row *r, sqlite3_stmt *st, day_t today)
{
	r->account_no = dup_text(sqlite3_column_text(st, 0));
	r->name = dup_text(sqlite3_column_text(st, 1));
	r->collector = dup_text(sqlite3_column_text(st, 2));
	r->segment = dup_text(sqlite3_column_text(st, 3));
	r->overdue = sqlite3_column_int64(st, 4);
	int64_t weight = sqlite3_column_int64(st, 5);
	r->euro_days = (int64_t)today * r->overdue - weight;
	const char *oldest = (const char *)sqlite3_column_text(st, 6);
	day_t d;
	if (oldest && date_parse(oldest, strlen(oldest), DATE_ISO, &d) == 0)
		r->oldest_days = today - d;
}

/* Makes an action the row's next one when it comes earlier. */
static void offer_action(struct queue_row *r, const char *what, day_t when, day_t today)
{
	if (r->next_action[0] && r->next_date <= when)
		return;
	snprintf(r->next_action, sizeof r->next_action, "%s", what);
	r->next_date = when;
	r->due = when <= today;
}

#define ACCOUNT_COLUMNS \
	"SELECT c.account_no, c.name, c.collector, c.segment, s.overdue, s.due_weight, s.oldest_due " \
	"FROM customers c JOIN account_summary s ON s.account_no = c.account_no "

/* Finds the row of an account, loading it when it is not in the queue yet
 * (an account with nothing overdue but an action due). */
static struct queue_row *row_for(struct queue *q, size_t *cap, struct strset *index, sqlite3 *db,
				 const char *account_no)
{
	long at;
	if (strset_has(index, account_no, strlen(account_no), &at))
		return &q->rows[at];
	sqlite3_stmt *st = db_prepare(db, ACCOUNT_COLUMNS "WHERE c.account_no = ?1");
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	struct queue_row *r = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && add_row(q, cap) == 0) {
		r = &q->rows[q->n];
		fill_row(r, st, q->today);
		strset_add(index, r->account_no, strlen(r->account_no), (long)q->n, NULL);
		q->n++;
	}
	sqlite3_finalize(st);
	return r;
}

/* Runs an action query: (account_no, date, text) rows; offers each. */
static int actions(struct queue *q, size_t *cap, struct strset *index, sqlite3 *db,
		   const char *collector, const char *sql, unsigned flag, const char *label)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	char t[11];
	date_iso(q->today, t);
	sqlite3_bind_text(st, 1, t, 10, SQLITE_TRANSIENT);
	if (collector)
		sqlite3_bind_text(st, 2, collector, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *account = (const char *)sqlite3_column_text(st, 0);
		const char *date = (const char *)sqlite3_column_text(st, 1);
		const char *text = (const char *)sqlite3_column_text(st, 2);
		day_t d;
		if (!account || !date || date_parse(date, strlen(date), DATE_ISO, &d) != 0)
			continue;
		long at;
		int listed = strset_has(index, account, strlen(account), &at);
		/* an action brings an account into the queue once it is due; a
		 * dispute alone never does (its invoice is out of the figures) */
		if (!listed && (d > q->today || flag == QF_DISPUTE))
			continue;
		struct queue_row *r = row_for(q, cap, index, db, account);
		if (!r)
			continue;
		if (d <= q->today || flag == QF_DISPUTE)
			r->flags |= flag;
		char what[64];
		snprintf(what, sizeof what, "%s%s%s", label, text && *text ? ": " : "", text ? text : "");
		if (flag != QF_DISPUTE)
			offer_action(r, what, d, q->today);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		msg_error("queue: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* ?1 today, ?2 collector (NULL: all). Each returns account_no, date, text. */
#define MINE " AND (?2 IS NULL OR c.collector = ?2)"
static const char latest_promise_sql[] =
	"SELECT p.account_no, p.promised_date, p.status FROM promises p "
	"JOIN customers c ON c.account_no = p.account_no "
	"WHERE p.status IN ('open', 'broken')" MINE
	" AND p.made_at = (SELECT max(made_at) FROM promises x WHERE x.account_no = p.account_no "
	"AND x.status <> 'cancelled')";
static const char task_sql[] =
	"SELECT t.account_no, min(t.due_date), t.text FROM tasks t "
	"JOIN customers c ON c.account_no = t.account_no WHERE t.status = 'open'" MINE
	" GROUP BY t.account_no";
static const char missed_sql[] =
	"SELECT p.account_no, min(i.due_date), NULL FROM plans p "
	"JOIN plan_installments i ON i.plan_id = p.id JOIN customers c ON c.account_no = p.account_no "
	"WHERE p.status = 'active' AND i.status = 'missed'" MINE " GROUP BY p.account_no";
static const char dispute_sql[] =
	"SELECT d.account_no, min(d.opened_at), NULL FROM disputes d "
	"JOIN customers c ON c.account_no = d.account_no WHERE d.status = 'open'" MINE
	" GROUP BY d.account_no";

int queue_load(struct queue *q, sqlite3 *db, day_t today, const char *collector)
{
	memset(q, 0, sizeof *q);
	q->today = today;
	q->filter.bucket = -1;
	if (summary_refresh(db, today) < 0)
		return -1;
	sqlite3_stmt *st = db_prepare(db, ACCOUNT_COLUMNS
		"WHERE s.overdue > 0 AND (?1 IS NULL OR c.collector = ?1)");
	if (!st)
		return -1;
	if (collector)
		sqlite3_bind_text(st, 1, collector, -1, SQLITE_STATIC);
	size_t cap = 0;
	struct strset index;
	strset_init(&index);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (add_row(q, &cap)) {
			rc = SQLITE_NOMEM;
			break;
		}
		fill_row(&q->rows[q->n], st, today);
		strset_add(&index, q->rows[q->n].account_no, strlen(q->rows[q->n].account_no), (long)q->n, NULL);
		q->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		msg_error("queue: %s", sqlite3_errmsg(db));
		strset_free(&index);
		return -1;
	}
	/* Broken promises: due PROMISE_GRACE_DAYS after the promised date. */
	sqlite3_stmt *p = db_prepare(db, latest_promise_sql);
	int ok = p != NULL;
	char t[11];
	date_iso(today, t);
	if (p && collector)
		sqlite3_bind_text(p, 2, collector, -1, SQLITE_STATIC);
	while (ok && sqlite3_step(p) == SQLITE_ROW) {
		const char *account = (const char *)sqlite3_column_text(p, 0);
		const char *date = (const char *)sqlite3_column_text(p, 1);
		const char *status = (const char *)sqlite3_column_text(p, 2);
		day_t d;
		if (!account || !date || date_parse(date, strlen(date), DATE_ISO, &d) != 0)
			continue;
		int broken = status && !strcmp(status, "broken");
		day_t when = broken ? d + PROMISE_GRACE_DAYS : d;
		long at;
		if (when > today && !strset_has(&index, account, strlen(account), &at))
			continue;
		struct queue_row *r = row_for(q, &cap, &index, db, account);
		if (!r)
			continue;
		if (broken)
			r->flags |= QF_BROKEN;
		offer_action(r, broken ? "broken promise: call" : "promise to check", when, today);
	}
	sqlite3_finalize(p);
	if (ok)
		ok = actions(q, &cap, &index, db, collector, task_sql, QF_FOLLOWUP, "follow-up") == 0 &&
		     actions(q, &cap, &index, db, collector, missed_sql, QF_MISSED, "installment missed") == 0 &&
		     actions(q, &cap, &index, db, collector, dispute_sql, QF_DISPUTE, "") == 0;
	strset_free(&index);
	if (!ok) {
		queue_free(q);
		return -1;
	}
	q->view = malloc((q->n ? q->n : 1) * sizeof *q->view);
	if (!q->view)
		abort();
	queue_apply(q);
	return 0;
}

void queue_free(struct queue *q)
{
	for (size_t i = 0; i < q->n; i++) {
		struct queue_row *r = &q->rows[i];
		free(r->account_no);
		free(r->name);
		free(r->collector);
		free(r->segment);
		free(r->folded);
		free(r->name_key);
	}
	free(q->rows);
	free(q->view);
	memset(q, 0, sizeof *q);
}

static int cmp_i64_desc(int64_t a, int64_t b) { return a < b ? 1 : a > b ? -1 : 0; }

static const struct queue *sorting; /* qsort has no context argument */

static int compare(const void *pa, const void *pb)
{
	const struct queue_row *a = &sorting->rows[*(const size_t *)pa];
	const struct queue_row *b = &sorting->rows[*(const size_t *)pb];
	int c = 0;
	switch (sorting->sort) {
	case QS_DEFAULT:
		if (a->due != b->due)
			return a->due ? -1 : 1;
		if (a->due && a->next_date != b->next_date)
			return a->next_date < b->next_date ? -1 : 1;
		c = cmp_i64_desc(a->euro_days, b->euro_days);
		break;
	case QS_OVERDUE:
		c = cmp_i64_desc(a->overdue, b->overdue);
		break;
	case QS_DAYS:
		c = cmp_i64_desc(a->oldest_days, b->oldest_days);
		break;
	case QS_NAME: /* accent-blind: "Ëta" sorts with the E's */
		c = strcmp(a->name_key, b->name_key);
		break;
	case QS_NEXT:
		if (!a->next_action[0] != !b->next_action[0])
			return a->next_action[0] ? -1 : 1;
		if (a->next_date != b->next_date)
			return a->next_date < b->next_date ? -1 : 1;
		break;
	case QS_COUNT:
		break;
	}
	return c ? c : strcmp(a->account_no, b->account_no);
}

static int bucket_of(int days)
{
	return days <= 0 ? -1 : days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3;
}

void queue_apply(struct queue *q)
{
	const struct queue_filter *f = &q->filter;
	q->nview = 0;
	q->view_total = 0;
	for (size_t i = 0; i < q->n; i++) {
		const struct queue_row *r = &q->rows[i];
		if (f->collector && strcmp(r->collector, f->collector) != 0)
			continue;
		if (f->segment && strcasecmp(r->segment, f->segment) != 0)
			continue;
		if (f->bucket >= 0 && bucket_of(r->oldest_days) != f->bucket)
			continue;
		if ((r->flags & f->flags) != f->flags)
			continue;
		if (r->overdue < f->min_overdue)
			continue;
		q->view[q->nview++] = i;
		q->view_total += r->overdue;
	}
	if (q->sort == QS_NAME)
		for (size_t i = 0; i < q->nview; i++) {
			struct queue_row *r = &q->rows[q->view[i]];
			if (!r->name_key) {
				char key[512];
				utf8_fold(r->name, strlen(r->name), key, sizeof key);
				r->name_key = dup_text((const unsigned char *)key);
			}
		}
	sorting = q;
	qsort(q->view, q->nview, sizeof *q->view, compare);
	sorting = NULL;
}

static const char *const sort_names[QS_COUNT] = {"default", "overdue", "days", "name", "next"};

const char *queue_sort_name(enum queue_sort s) { return s < QS_COUNT ? sort_names[s] : "?"; }

int queue_sort_named(const char *name)
{
	for (int i = 0; i < QS_COUNT; i++)
		if (!strcmp(name, sort_names[i]))
			return i;
	return -1;
}

long queue_search(const struct queue *q, const char *needle, long from, int dir)
{
	char want[256];
	utf8_fold(needle, strlen(needle), want, sizeof want);
	if (!*want || q->nview == 0)
		return -1;
	long n = (long)q->nview;
	for (long k = 1; k <= n; k++) {
		long i = ((from + dir * k) % n + n) % n;
		struct queue_row *r = &q->rows[q->view[i]];
		if (!r->folded) {
			char buf[512], folded[512];
			snprintf(buf, sizeof buf, "%s %s", r->account_no, r->name);
			utf8_fold(buf, strlen(buf), folded, sizeof folded);
			r->folded = dup_text((const unsigned char *)folded);
		}
		if (strstr(r->folded, want))
			return i;
	}
	return -1;
}

void queue_flag_letters(unsigned flags, char out[5])
{
	for (int i = 0; i < 4; i++)
		out[i] = flags & (1u << i) ? QF_LETTERS[i] : '.';
	out[4] = '\0';
}

unsigned queue_flag_named(const char *name)
{
	static const struct { const char *name; unsigned flag; } names[] = {
		{"B", QF_BROKEN}, {"broken", QF_BROKEN}, {"M", QF_MISSED}, {"missed", QF_MISSED},
		{"D", QF_DISPUTE}, {"dispute", QF_DISPUTE}, {"F", QF_FOLLOWUP}, {"followup", QF_FOLLOWUP},
		{"follow-up", QF_FOLLOWUP},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcasecmp(name, names[i].name))
			return names[i].flag;
	return 0;
}
