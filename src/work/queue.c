/* queue.c — building, ordering and searching the queue. The default order
 * (relance(1)): accounts with an action due today or earlier first, oldest
 * action date first; then the others by overdue euro-days, largest first;
 * ties by account number. */
#include "queue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/lib.h"
#include "promise.h"
#include "book/lib.h"


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
	r->account_no = xstrdup((const char *)sqlite3_column_text(st, 0));
	r->name = xstrdup((const char *)sqlite3_column_text(st, 1));
	r->collector = xstrdup((const char *)sqlite3_column_text(st, 2));
	r->segment = xstrdup((const char *)sqlite3_column_text(st, 3));
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

/* Columns 0-6 figures, 7-12 the collector's work (summary.c keeps them). */
#define QUEUE_COLUMNS \
	"SELECT account_no, name, coalesce(collector, ''), coalesce(segment, ''), overdue, " \
	"due_weight, oldest_due, disputes, promise_status, promise_date, task_date, task_text, " \
	"missed_date, snoozed_until FROM account_summary "

static int column_day(sqlite3_stmt *st, int col, day_t *d)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	return s && date_parse(s, strlen(s), DATE_ISO, d) == 0;
}

/* The flags and the next action of a row, from the work columns. The
 * latest promise, broken: call the grace (rules.h) after its date; open:
 * check on its date that the money came. A task, and a missed
 * installment, on their dates. A flag shows once its action is due; a
 * dispute shows while it is open. */
static void work_of(struct queue_row *r, sqlite3_stmt *st, day_t today, int grace)
{
	day_t d;
	const char *status = (const char *)sqlite3_column_text(st, 8);
	if (sqlite3_column_int(st, 7) > 0)
		r->flags |= QF_DISPUTE;
	if (status && column_day(st, 9, &d)) {
		if (!strcmp(status, "broken")) {
			r->flags |= QF_BROKEN;
			offer_action(r, "broken promise: call", d + grace, today);
		} else if (!strcmp(status, "open")) {
			offer_action(r, "promise to check", d, today);
		}
	}
	if (column_day(st, 10, &d)) {
		char what[64];
		const char *text = (const char *)sqlite3_column_text(st, 11);
		snprintf(what, sizeof what, "follow-up%s%s", text && *text ? ": " : "", text ? text : "");
		offer_action(r, what, d, today);
		if (d <= today)
			r->flags |= QF_FOLLOWUP;
	}
	if (column_day(st, 12, &d)) {
		offer_action(r, "installment missed", d, today);
		if (d <= today)
			r->flags |= QF_MISSED;
	}
}

/* An account is in the queue when something is overdue or an action is due. */
int queue_load(struct queue *q, sqlite3 *db, day_t today, const char *collector)
{
	memset(q, 0, sizeof *q);
	q->today = today;
	q->filter.bucket = -1;
	if (summary_refresh(db, today) < 0)
		return -1;
	/* a collector's accounts through account_summary_queue, which covers
	 * every column read here; everybody's, through the table */
	sqlite3_stmt *st = db_prepare(db, collector ? QUEUE_COLUMNS "WHERE collector = ?1" : QUEUE_COLUMNS);
	if (!st)
		return -1;
	if (collector)
		sqlite3_bind_text(st, 1, collector, -1, SQLITE_STATIC);
	size_t cap = 0;
	int rc, grace = RULE_GRACE(db);
	struct queue_row r;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		day_t until;
		if (column_day(st, 13, &until) && until > today)
			continue; /* snoozed */
		r.overdue = sqlite3_column_int64(st, 4);
		work_of(&r, st, today, grace);
		if (r.overdue <= 0 && !r.due)
			continue;
		if (add_row(q, &cap)) {
			rc = SQLITE_NOMEM;
			break;
		}
		fill_row(&r, st, today);
		q->rows[q->n++] = r;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		msg_error("queue: %s", sqlite3_errmsg(db));
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
				r->name_key = xstrdup(key);
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
			r->folded = xstrdup(folded);
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
