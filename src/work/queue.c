/* queue.c — building, ordering and searching the queue: each account's
 * next action, its reason and its score. The default order (relance(1)):
 * the day's list (next action due, nobody worked the account today) by
 * score, largest first; then the accounts whose action comes later, by
 * date; then those worked today. Ties by overdue euro-days, then account
 * number. */
#include "queue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

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

/* Columns 0-6 figures (2, the collector: a collector's queue has the one it
 * asked for, not read from each row), 7-19 the collector's work (summary.c keeps them),
 * 20-21 what the queue's optional columns show. */
#define QUEUE_SELECT(collector) \
	"SELECT account_no, name, " collector ", coalesce(segment, ''), overdue, " \
	"due_weight, oldest_due, disputes, promise_status, promise_date, task_date, task_text, " \
	"missed_date, snoozed_until, plan_next_date, followed_at, recontact_date, last_contact, " \
	"worked_at, dunning_level, coalesce(phone, ''), open_total FROM account_summary "
#define QUEUE_COLUMNS QUEUE_SELECT("coalesce(collector, '')")
/* The accounts that can be in a queue (read_row decides): the condition of
 * the partial index account_summary_queue (migration 012), word for word,
 * so that SQLite reads a collector's queue from that index alone. */
#define QUEUE_CANDIDATE \
	"(overdue > 0 OR oldest_due IS NOT NULL OR promise_status IS NOT NULL OR promise_date IS NOT NULL " \
	"OR task_date IS NOT NULL OR missed_date IS NOT NULL OR snoozed_until IS NOT NULL " \
	"OR plan_next_date IS NOT NULL OR recontact_date IS NOT NULL OR worked_at IS NOT NULL)"

/* The rows read_row can keep, a superset told apart in SQL so that the
 * others (most often a kept promise on an account settled since) cost
 * neither their columns nor a call: something overdue, or a column a next
 * action is made of, or a day worked on or after ?2, the UTC day before
 * today (a stamp whose local day is today has a UTC date of today or the
 * day before: no zone is a day ahead of UTC; the stamps are
 * "YYYY-MM-DDTHH...", and utc_local_day gives 0 for any other text, which
 * is then not today either). read_row decides. */
#define QUEUE_KEEP \
	" AND (overdue > 0 OR oldest_due IS NOT NULL OR promise_status IN ('open', 'broken') " \
	"OR task_date IS NOT NULL OR missed_date IS NOT NULL OR snoozed_until IS NOT NULL " \
	"OR plan_next_date IS NOT NULL OR recontact_date IS NOT NULL OR worked_at >= ?2)"

const char *const queue_term_names[QT_COUNT] = {
	"broken promise", "missed installment", "overdue euro-days", "dunning level", "days since last contact",
};
static const char *const term_rules[QT_COUNT] = {
	"score-broken-promise", "score-missed-installment", "score-euro-day", "score-dunning-level",
	"score-days-since-contact",
};

/* ---- reading a row ---- */

/* The strings of the rows queue_load reads, in a few large blocks rather
 * than an allocation each (tens of thousands of rows, and as many frees at
 * the end); a row read again after a write (queue_reload_account) owns a
 * block of its own (queue_row.own). */
struct queue_chunk {
	struct queue_chunk *next;
	size_t used, size;
	char data[];
};

static char *chunk_alloc(struct queue *q, size_t n)
{
	struct queue_chunk *c = q->chunks;
	if (!c || c->size - c->used < n) {
		size_t size = n > 65536 ? n : 65536;
		c = malloc(sizeof *c + size);
		if (!c)
			abort();
		c->next = q->chunks, c->used = 0, c->size = size;
		q->chunks = c;
	}
	char *p = c->data + c->used;
	c->used += n;
	return p;
}

static const char *text(sqlite3_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st, col);
}

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The day of a date column, 0 when NULL or no date. "YYYY-MM-DD", as the
 * book writes its dates, is read by hand and gives 2: s is then that
 * day's date_iso, to copy rather than write again; any other text is read
 * as date_parse reads it (1). */
static int text_day(const char *s, day_t *d)
{
	if (!s)
		return 0;
	if (digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) && s[4] == '-' && digit(s[5]) &&
	    digit(s[6]) && s[7] == '-' && digit(s[8]) && digit(s[9]) && !s[10]) {
		int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		int m = (s[5] - '0') * 10 + (s[6] - '0'), dd = (s[8] - '0') * 10 + (s[9] - '0');
		if (!date_valid(y, m, dd))
			return 0;
		*d = days_from_civil(y, m, dd);
		return 2;
	}
	return date_parse(s, strlen(s), DATE_ISO, d) == 0;
}

static int column_day(sqlite3_stmt *st, int col, day_t *d)
{
	return text_day(text(st, col), d) != 0;
}

/* The local day of a stored UTC timestamp (one that may be followed by
 * words); 0 when there is none. */
static day_t column_local_day(sqlite3_stmt *st, int col)
{
	return utc_local_day(text(st, col));
}

/* A local day as date_iso writes it, into out: the first ten characters
 * of the UTC stamp it was read from when its UTC day is the same (most
 * stamps: the zone moves few across midnight). */
static const char *local_iso(const char *ts, day_t local, day_t utc, char out[11])
{
	if (local == utc) {
		memcpy(out, ts, 10);
		out[10] = '\0';
	} else {
		date_iso(local, out);
	}
	return out;
}

/* The figures: overdue (read by read_row), euro-days, age, dunning level. */
static void fill_figures(struct queue_row *r, sqlite3_stmt *st, day_t today)
{
	r->euro_days = (int64_t)today * r->overdue - sqlite3_column_int64(st, 5);
	day_t d;
	if (column_day(st, 6, &d))
		r->oldest_days = today - d;
	r->level = sqlite3_column_int(st, 19);
	r->value[QT_LEVEL] = r->level;
	r->open_total = sqlite3_column_int64(st, 21);
}

/* The row's strings in one block: from the queue's chunks, or of its own
 * when own (then account_no owns it, free_row frees it). */
static void fill_names(struct queue *q, struct queue_row *r, sqlite3_stmt *st, int own)
{
	static const int col[5] = {0, 1, 2, 3, 20}; /* number, name, collector, segment, phone */
	const char *s[5];
	size_t len[5], total = 0;
	for (int i = 0; i < 5; i++) {
		s[i] = text(st, col[i]);
		if (!s[i])
			s[i] = "";
		len[i] = i == 4 ? strcspn(s[i], ";,") : strlen(s[i]); /* the first number */
		total += len[i] + 1;
	}
	char *block = own ? malloc(total) : chunk_alloc(q, total), *p = block;
	if (!block)
		abort();
	r->own = own;
	char **dst[5] = {&r->account_no, &r->name, &r->collector, &r->segment, &r->phone};
	for (int i = 0; i < 5; i++) {
		*dst[i] = p;
		memcpy(p, s[i], len[i]);
		p[len[i]] = '\0';
		p += len[i] + 1;
	}
}

/* The sources of a next action, strongest first (relance(1)). */
enum source { S_SNOOZE, S_BROKEN, S_MISSED, S_TASK, S_PROMISE, S_PLAN, S_RECONTACT, S_UNPLANNED, S_NEVER, S_NONE };

/* The strongest source offered so far: what its words are made from, so
 * that they are written once, for the source that wins. */
struct action {
	enum source src;
	day_t when;   /* the action's day */
	day_t about;  /* the day its reason names */
	const char *text; /* the task's text; the last contact */
	const char *about_iso; /* about as date_iso writes it, when the column had it so; NULL */
};

/* s into out, cut on a character with "…" when it is longer. */
static void copy_cut(char *out, size_t size, const char *s)
{
	size_t n = strlen(s);
	if (n < size) {
		memcpy(out, s, n + 1);
		return;
	}
	size_t k = size - 4; /* room for "…" (3 bytes) and the NUL */
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	memcpy(out, s, k);
	memcpy(out + k, "\xe2\x80\xa6", 4);
}

static void offer(struct action *a, enum source src, day_t when, day_t about, const char *text, const char *about_iso)
{
	if (src < a->src)
		*a = (struct action){src, when, about, text, about_iso};
}

/* out = a then b then c (each may be NULL), cut with "…" by copy_cut
 * when longer: the words of a queue row, tens of thousands at each read,
 * without the cost of a format string. */
static void join3(char *out, size_t size, const char *a, const char *b, const char *c)
{
	const char *part[3] = {a ? a : "", b ? b : "", c ? c : ""};
	size_t k[3] = {strlen(part[0]), strlen(part[1]), strlen(part[2])};
	if (k[0] + k[1] + k[2] < size) { /* it fits: no cut, straight into out */
		memcpy(out, part[0], k[0]);
		memcpy(out + k[0], part[1], k[1]);
		memcpy(out + k[0] + k[1], part[2], k[2]);
		out[k[0] + k[1] + k[2]] = '\0';
		return;
	}
	char buf[640];
	size_t n = 0;
	for (int i = 0; i < 3; i++) {
		if (k[i] > sizeof buf - 1 - n)
			k[i] = sizeof buf - 1 - n;
		memcpy(buf + n, part[i], k[i]);
		n += k[i];
	}
	buf[n] = '\0';
	copy_cut(out, size, buf);
}

/* The winning source's words: the next action and its reason. */
static void words_of(const struct action *a, struct queue_row *r)
{
	const char *what = NULL, *why = NULL, *why_end = NULL;
	switch (a->src) {
	case S_SNOOZE: what = "snoozed", why = "snoozed until "; break;
	case S_BROKEN: what = "call: broken promise", why = "promise of ", why_end = " broken"; break;
	case S_MISSED: what = "call: installment missed", why = "installment of ", why_end = " missed"; break;
	case S_TASK:
		join3(r->next_action, sizeof r->next_action, "follow-up", a->text && *a->text ? ": " : "",
		      a->text);
		why = "task for ";
		break;
	case S_PROMISE: what = "check the promise", why = "promise to pay by "; break;
	case S_PLAN: what = "check installment", why = "plan installment of "; break;
	case S_RECONTACT:
		copy_cut(r->next_action, sizeof r->next_action, "call again");
		copy_cut(r->reason, sizeof r->reason, a->text);
		return;
	case S_UNPLANNED: what = "call", why = "nothing planned since "; break;
	case S_NEVER: what = "first call", why = "overdue since ", why_end = ", never worked"; break;
	case S_NONE: return;
	}
	if (what)
		copy_cut(r->next_action, sizeof r->next_action, what);
	char d[11];
	if (!a->about_iso)
		date_iso(a->about, d);
	join3(r->reason, sizeof r->reason, why, a->about_iso ? a->about_iso : d, why_end);
}

static const char *iso(day_t d, char out[11])
{
	date_iso(d, out);
	return out;
}

/* The flags, the last contact and the next action of a row, from the work
 * columns. The strongest source wins, whatever its date: a promise made
 * moves the account to its check date even when a call back was due
 * sooner; a snooze in force puts it out of the day until it ends. A
 * broken promise or a missed installment asks for a call until one is
 * logged, or a promise or a plan is made, after its date (in its grace
 * too: the call that checks the promise on its day counts). Returns 0,
 * before any words are written, when the row is not in the queue:
 * nothing overdue, no next action, not worked today. */
static int work_of(struct queue_row *r, sqlite3_stmt *st, day_t today, int grace)
{
	struct action a = {S_NONE, 0, 0, NULL, NULL};
	/* the day of the latest call, promise or plan: what follows a broken
	 * promise or a missed installment up (read when one is there) */
	const char *worked_at = text(st, 18);
	day_t d, pday = 0, followed = 0, worked_utc = 0, worked = utc_local_day_utc(worked_at, &worked_utc), c = 0,
	      c_utc = 0;
	int followed_read = 0, k;
#define FOLLOWED() (followed_read ? followed : (followed_read = 1, followed = column_local_day(st, 15)))
	const char *status = text(st, 8), *promised = NULL, *at;
	const char *contact = text(st, 17), *contact_what = contact ? strchr(contact, ' ') : NULL;
	if (contact_what) { /* "AT TYPE [OUTCOME]" */
		c = utc_local_day_utc(contact, &c_utc);
		r->contact_days = c && c < today ? today - c : 0;
	}
	if (sqlite3_column_int(st, 7) > 0)
		r->flags |= QF_DISPUTE;
	if (status && (k = text_day(promised = text(st, 9), &pday))) {
		if (k != 2)
			promised = NULL;
		d = pday;
		if (!strcmp(status, "broken")) {
			r->flags |= QF_BROKEN;
			if (FOLLOWED() <= d) {
				offer(&a, S_BROKEN, d + grace, d, NULL, promised);
				r->value[QT_BROKEN] = 1;
			}
		} else if (!strcmp(status, "open")) {
			offer(&a, S_PROMISE, d + grace, d, NULL, promised);
		}
	} else {
		status = NULL; /* no promise to show */
	}
	if ((k = text_day(at = text(st, 12), &d))) {
		if (d <= today)
			r->flags |= QF_MISSED;
		if (FOLLOWED() <= d) {
			offer(&a, S_MISSED, d + grace, d, NULL, k == 2 ? at : NULL);
			r->value[QT_MISSED] = 1;
		}
	}
#undef FOLLOWED
	if ((k = text_day(at = text(st, 10), &d))) {
		offer(&a, S_TASK, d, d, text(st, 11), k == 2 ? at : NULL);
		if (d <= today)
			r->flags |= QF_FOLLOWUP;
	}
	if ((k = text_day(at = text(st, 14), &d)))
		offer(&a, S_PLAN, d + grace, d, NULL, k == 2 ? at : NULL);
	if ((k = text_day(at = text(st, 16), &d)))
		offer(&a, S_RECONTACT, d, d, contact_what ? r->last_contact : "contact", k == 2 ? at : NULL);
	if (worked && r->overdue > 0)
		offer(&a, S_UNPLANNED, worked + 1, worked, NULL, NULL);
	else if (!worked && r->oldest_days > 0)
		offer(&a, S_NEVER, today - r->oldest_days + 1, today - r->oldest_days + 1, NULL, NULL);
	if ((k = text_day(at = text(st, 13), &d)) && d > today)
		offer(&a, S_SNOOZE, d, d, NULL, k == 2 ? at : NULL);
	r->worked_today = worked == today;
	if (r->overdue <= 0 && a.src == S_NONE && !r->worked_today)
		return 0;
	char d1[11], wd[11];
	if (contact_what)
		join3(r->last_contact, sizeof r->last_contact, c ? local_iso(contact, c, c_utc, d1) : "?", " ",
		      contact_what + 1);
	if (status)
		join3(r->promise, sizeof r->promise, promised ? promised : iso(pday, d1), " ", status);
	if (a.src == S_UNPLANNED)
		a.about_iso = local_iso(worked_at, worked, worked_utc, wd);
	if (a.src != S_NONE) {
		words_of(&a, r);
		r->next_date = a.when;
		r->due = a.when <= today;
	}
	return 1;
}

/* The score's values besides the flags'; the weights are the book's. */
static void score_of(struct queue_row *r, const int weight[QT_COUNT])
{
	r->value[QT_EURO_DAYS] = r->euro_days / 100;
	r->value[QT_CONTACT] = r->contact_days;
	r->score = 0;
	for (int i = 0; i < QT_COUNT; i++)
		r->score += (int64_t)weight[i] * r->value[i];
}

static void free_row(struct queue_row *r)
{
	if (r->own)
		free(r->account_no); /* and the strings beside it (fill_names) */
	free(r->folded);
	free(r->name_key);
}

/* ---- the rows by account number (queue_find) ---- */

static size_t hash_of(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a, 64 bits wherever size_t is less */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)(h ^ h >> 32);
}

/* The slot of account_no: the one holding its row, or the empty one where
 * it would go. */
static size_t slot_of(const struct queue *q, const char *account_no)
{
	size_t mask = q->nslots - 1, i = hash_of(account_no) & mask;
	while (q->slots[i] && strcmp(q->rows[q->slots[i] - 1].account_no, account_no))
		i = (i + 1) & mask;
	return i;
}

/* Room for n rows, every row indexed again when the table grows. */
static void slots_reserve(struct queue *q, size_t n)
{
	if (q->nslots >= 2 * n && q->nslots)
		return;
	size_t size = 64;
	while (size < 2 * n)
		size *= 2;
	free(q->slots);
	q->slots = calloc(size, sizeof *q->slots);
	if (!q->slots)
		abort();
	q->nslots = size;
	for (size_t r = 0; r < q->n; r++)
		q->slots[slot_of(q, q->rows[r].account_no)] = r + 1;
}

/* Row `row` (whose account_no is set) into the table; rows stays as is. */
static void slots_add(struct queue *q, size_t row)
{
	slots_reserve(q, q->n + 1);
	q->slots[slot_of(q, q->rows[row].account_no)] = row + 1;
}

/* The slot of account_no emptied; the entries after it in its run moved
 * back where a probe from their home slot still finds them. */
static void slots_remove(struct queue *q, const char *account_no)
{
	size_t mask = q->nslots - 1, i = slot_of(q, account_no);
	if (!q->slots[i])
		return;
	q->slots[i] = 0;
	for (size_t j = (i + 1) & mask; q->slots[j]; j = (j + 1) & mask) {
		size_t home = hash_of(q->rows[q->slots[j] - 1].account_no) & mask;
		/* j's entry may fill the hole at i when home is not in (i, j] */
		if (((j - home) & mask) >= ((j - i) & mask)) {
			q->slots[i] = q->slots[j];
			q->slots[j] = 0;
			i = j;
		}
	}
}

/* The day's counts with row r in them (sign 1) or out of them (-1). */
static void count_day(struct queue *q, const struct queue_row *r, int sign)
{
	size_t *n = r->worked_today ? &q->done : r->due ? &q->todo : NULL;
	if (n)
		*n = sign > 0 ? *n + 1 : *n - 1;
}

/* The row of the statement's account: 1 when it is in the queue (something
 * overdue, a next action, or worked today), 0 when not (r is then empty
 * and holds nothing to free). Its strings from the queue's chunks, or of
 * its own when own. */
static int read_row(struct queue *q, sqlite3_stmt *st, struct queue_row *r, int own)
{
	/* nothing overdue and none of the columns a next action is made of
	 * (the oldest overdue day, a promise, a task, an installment, a plan,
	 * a call back, a snooze, a day worked): not in the queue, whatever
	 * the day. Most of a book's accounts; told apart without reading
	 * them further. */
	static const int work_columns[] = {6, 8, 9, 10, 12, 13, 14, 16, 18};
	int64_t overdue = sqlite3_column_int64(st, 4);
	if (overdue <= 0) {
		size_t k = 0;
		while (k < sizeof work_columns / sizeof *work_columns &&
		       sqlite3_column_type(st, work_columns[k]) == SQLITE_NULL)
			k++;
		if (k == sizeof work_columns / sizeof *work_columns)
			return 0;
	}
	memset(r, 0, sizeof *r);
	r->overdue = overdue;
	fill_figures(r, st, q->today);
	if (!work_of(r, st, q->today, q->grace)) {
		memset(r, 0, sizeof *r);
		return 0;
	}
	fill_names(q, r, st, own);
	score_of(r, q->weight);
	return 1;
}

/* An account is in the queue when something is overdue, it has a next
 * action, or it was worked today. */
int queue_load(struct queue *q, sqlite3 *db, day_t today, const char *collector)
{
	memset(q, 0, sizeof *q);
	q->today = today;
	q->filter.bucket = -1;
	if (summary_refresh(db, today) < 0)
		return -1;
	for (int i = 0; i < QT_COUNT; i++)
		q->weight[i] = rule_value(db, term_rules[i]);
	q->grace = RULE_GRACE(db);
	snprintf(q->scope, sizeof q->scope, "%s", collector ? collector : "");
	/* a collector's accounts through account_summary_queue, which covers
	 * every column read here; everybody's, through the table (or that index
	 * whole, as SQLite sees fit) */
	sqlite3_stmt *st = db_prepare(db, collector ? QUEUE_SELECT("?1") "WHERE collector = ?1 AND " QUEUE_CANDIDATE QUEUE_KEEP
						 : QUEUE_COLUMNS "WHERE " QUEUE_CANDIDATE QUEUE_KEEP);
	if (!st)
		return -1;
	if (collector)
		sqlite3_bind_text(st, 1, collector, -1, SQLITE_STATIC);
	char since[11];
	date_iso(today - 1, since);
	sqlite3_bind_text(st, 2, since, 10, SQLITE_STATIC);
	size_t cap = 0;
	int rc;
	struct queue_row r;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!read_row(q, st, &r, 0))
			continue;
		if (add_row(q, &cap)) {
			rc = SQLITE_NOMEM;
			break;
		}
		count_day(q, &r, 1);
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
	slots_reserve(q, q->n);
	queue_apply(q);
	return 0;
}

void queue_free(struct queue *q)
{
	for (size_t i = 0; i < q->n; i++)
		free_row(&q->rows[i]);
	free(q->rows);
	free(q->view);
	free(q->slots);
	while (q->chunks) {
		struct queue_chunk *next = q->chunks->next;
		free(q->chunks);
		q->chunks = next;
	}
	memset(q, 0, sizeof *q);
}

static int cmp_i64_desc(int64_t a, int64_t b) { return a < b ? 1 : a > b ? -1 : 0; }

/* The default order's groups: the day's list (due, not worked today),
 * later (by date), worked today. */
static int group(const struct queue_row *r)
{
	return r->worked_today ? 2 : r->due ? 0 : 1;
}

static const struct queue *sorting; /* qsort has no context argument */

static int compare(const void *pa, const void *pb)
{
	const struct queue_row *a = &sorting->rows[*(const size_t *)pa];
	const struct queue_row *b = &sorting->rows[*(const size_t *)pb];
	int c = 0;
	switch (sorting->sort) {
	case QS_DEFAULT:
		if (group(a) != group(b))
			return group(a) < group(b) ? -1 : 1;
		if (group(a) == 1 && a->next_date != b->next_date)
			return a->next_date < b->next_date ? -1 : 1;
		c = cmp_i64_desc(a->score, b->score);
		if (!c)
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

static int by_number(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int passes(const struct queue_filter *f, const struct queue_row *r)
{
	if (f->accounts && !bsearch(r->account_no, f->accounts, f->naccounts, sizeof *f->accounts, by_number))
		return 0;
	if (f->collector && strcmp(r->collector, f->collector) != 0)
		return 0;
	if (f->segment && strcasecmp(r->segment, f->segment) != 0)
		return 0;
	if (f->bucket >= 0 && bucket_of(r->oldest_days) != f->bucket)
		return 0;
	if ((r->flags & f->flags) != f->flags)
		return 0;
	if (r->overdue < f->min_overdue)
		return 0;
	return f->all_dates || (r->worked_today ? f->show_done : r->due);
}

static void name_key_of(struct queue_row *r)
{
	if (!r->name_key) {
		char key[512];
		utf8_fold(r->name, strlen(r->name), key, sizeof key);
		r->name_key = xstrdup(key);
	}
}

/* A row's place in the order worked out once before sorting, where
 * compare asks each row's group, date and figures again at each of its
 * n log n calls: three words compared unsigned, then the folded name
 * (QS_NAME), then the account number; the same order as compare's, which
 * still places a single row (view_insert). */
struct sort_key {
	uint64_t k[3];
};

static uint64_t ascending(int64_t v)
{
	return (uint64_t)v ^ (UINT64_C(1) << 63);
}

static uint64_t descending(int64_t v)
{
	return ~ascending(v);
}

static uint64_t day_key(day_t d)
{
	return (uint32_t)d ^ UINT32_C(0x80000000);
}

static struct sort_key key_of(enum queue_sort sort, const struct queue_row *r)
{
	struct sort_key k = {{0, 0, 0}};
	switch (sort) {
	case QS_DEFAULT: {
		int g = group(r);
		k.k[0] = (uint64_t)g << 32 | (g == 1 ? day_key(r->next_date) : 0);
		k.k[1] = descending(r->score);
		k.k[2] = descending(r->euro_days);
		break;
	}
	case QS_OVERDUE: k.k[0] = descending(r->overdue); break;
	case QS_DAYS: k.k[0] = descending(r->oldest_days); break;
	case QS_NAME: break; /* the name decides */
	case QS_NEXT: k.k[0] = (uint64_t)!r->next_action[0] << 32 | day_key(r->next_date); break;
	case QS_COUNT: break;
	}
	return k;
}

/* The keys, and the rows they are of (the view as it was before sorting):
 * what sort_view compares positions by. */
struct sorting_by {
	const struct sort_key *key;
	const size_t *row;
	const struct queue *q;
};

static inline int position_cmp(const struct sorting_by *by, uint32_t a, uint32_t b)
{
	const struct sort_key *x = &by->key[a], *y = &by->key[b];
	for (int i = 0; i < 3; i++)
		if (x->k[i] != y->k[i])
			return x->k[i] < y->k[i] ? -1 : 1;
	const struct queue_row *ra = &by->q->rows[by->row[a]], *rb = &by->q->rows[by->row[b]];
	int c = by->q->sort == QS_NAME ? strcmp(ra->name_key, rb->name_key) : 0;
	return c ? c : strcmp(ra->account_no, rb->account_no);
}

/* Positions 0..n-1 in a ordered by their keys: a merge sort, bottom up,
 * runs of 8 by insertion, then merged in pairs between a and tmp. Small
 * items (four bytes) and keys apart: a queue's first sort touches few
 * fresh pages. */
static void sort_positions(const struct sorting_by *by, uint32_t *a, uint32_t *tmp, size_t n)
{
	for (size_t lo = 0; lo < n; lo += 8) {
		size_t hi = lo + 8 < n ? lo + 8 : n;
		for (size_t i = lo + 1; i < hi; i++) {
			uint32_t k = a[i];
			size_t j = i;
			for (; j > lo && position_cmp(by, k, a[j - 1]) < 0; j--)
				a[j] = a[j - 1];
			a[j] = k;
		}
	}
	uint32_t *src = a, *dst = tmp;
	for (size_t w = 8; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, o = lo;
			while (i < mid && j < hi)
				dst[o++] = position_cmp(by, src[j], src[i]) < 0 ? src[j++] : src[i++];
			while (i < mid)
				dst[o++] = src[i++];
			while (j < hi)
				dst[o++] = src[j++];
		}
		uint32_t *t = src;
		src = dst, dst = t;
	}
	if (src != a)
		memcpy(a, src, n * sizeof *a);
}

void queue_apply(struct queue *q)
{
	q->nview = 0;
	q->view_total = 0;
	for (size_t i = 0; i < q->n; i++)
		if (passes(&q->filter, &q->rows[i])) {
			q->view[q->nview++] = i;
			q->view_total += q->rows[i].overdue;
		}
	if (q->sort == QS_NAME)
		for (size_t i = 0; i < q->nview; i++)
			name_key_of(&q->rows[q->view[i]]);
	size_t n = q->nview;
	if (n < 2)
		return;
	struct sort_key *key = malloc(n * sizeof *key);
	size_t *row = malloc(n * sizeof *row);
	uint32_t *pos = malloc(2 * n * sizeof *pos);
	if (!key || !row || !pos || n > UINT32_MAX)
		abort();
	for (size_t i = 0; i < n; i++) {
		key[i] = key_of(q->sort, &q->rows[q->view[i]]);
		row[i] = q->view[i];
		pos[i] = (uint32_t)i;
	}
	struct sorting_by by = {key, row, q};
	sort_positions(&by, pos, pos + n, n);
	for (size_t i = 0; i < n; i++)
		q->view[i] = row[pos[i]];
	free(key);
	free(row);
	free(pos);
}

/* Row `row` out of the view (before it changes or goes). */
static void view_remove(struct queue *q, size_t row)
{
	for (size_t i = 0; i < q->nview; i++)
		if (q->view[i] == row) {
			q->view_total -= q->rows[row].overdue;
			memmove(&q->view[i], &q->view[i + 1], (q->nview - i - 1) * sizeof *q->view);
			q->nview--;
			return;
		}
}

/* Row `row` into the view at its place in the order, when it passes the
 * filter: a binary search, no sort of the others. */
static void view_insert(struct queue *q, size_t row)
{
	if (!passes(&q->filter, &q->rows[row]))
		return;
	if (q->sort == QS_NAME)
		name_key_of(&q->rows[row]);
	size_t lo = 0, hi = q->nview;
	sorting = q;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (compare(&q->view[mid], &row) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	sorting = NULL;
	memmove(&q->view[lo + 1], &q->view[lo], (q->nview - lo) * sizeof *q->view);
	q->view[lo] = row;
	q->nview++;
	q->view_total += q->rows[row].overdue;
}

int queue_reload_account(struct queue *q, sqlite3 *db, const char *account_no)
{
	sqlite3_stmt *st = db_prepare(db, QUEUE_COLUMNS "WHERE account_no = ?1 AND (?2 = '' OR collector = ?2)");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, q->scope, -1, SQLITE_STATIC);
	struct queue_row r;
	int rc = sqlite3_step(st), in = rc == SQLITE_ROW && read_row(q, st, &r, 1);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		msg_error("queue: %s", sqlite3_errmsg(db));
		return -1;
	}
	const struct queue_row *was = queue_find(q, account_no);
	size_t at = was ? (size_t)(was - q->rows) : q->n;
	if (in)
		count_day(q, &r, 1);
	if (at < q->n) {
		count_day(q, &q->rows[at], -1);
		view_remove(q, at);
		if (!in)
			slots_remove(q, account_no);
		free_row(&q->rows[at]);
		if (in) { /* the same number: its slot holds */
			q->rows[at] = r;
			view_insert(q, at);
		} else if (at != --q->n) { /* the last row takes its place, in the view too */
			q->rows[at] = q->rows[q->n];
			q->slots[slot_of(q, q->rows[at].account_no)] = at + 1;
			for (size_t i = 0; i < q->nview; i++)
				if (q->view[i] == q->n)
					q->view[i] = at;
		}
	} else if (in) {
		struct queue_row *nr = realloc(q->rows, (q->n + 1) * sizeof *nr);
		size_t *nv = realloc(q->view, (q->n + 1) * sizeof *nv);
		if (nr)
			q->rows = nr;
		if (nv)
			q->view = nv;
		if (!nr || !nv) {
			free_row(&r);
			return -1;
		}
		q->rows[q->n] = r;
		slots_add(q, q->n);
		q->n++;
		view_insert(q, q->n - 1);
	}
	return 0;
}

const struct queue_row *queue_find(const struct queue *q, const char *account_no)
{
	if (!q->nslots)
		return NULL;
	size_t s = q->slots[slot_of(q, account_no)];
	return s ? &q->rows[s - 1] : NULL;
}

size_t queue_rank(const struct queue *q, const struct queue_row *r)
{
	if (group(r) != 0)
		return 0;
	size_t rank = 1;
	for (size_t i = 0; i < q->n; i++) {
		const struct queue_row *o = &q->rows[i];
		if (o != r && group(o) == 0 &&
		    (o->score > r->score || (o->score == r->score && (o->euro_days > r->euro_days ||
		     (o->euro_days == r->euro_days && strcmp(o->account_no, r->account_no) < 0)))))
			rank++;
	}
	return rank;
}

void queue_terms(const struct queue *q, const struct queue_row *r, struct queue_term_line out[QT_COUNT])
{
	for (int i = 0; i < QT_COUNT; i++) {
		out[i] = (struct queue_term_line){queue_term_names[i], q->weight[i], r->value[i],
						  (int64_t)q->weight[i] * r->value[i], ""};
	}
	char m[32];
	money_format_grouped(r->overdue, m, sizeof m);
	if (r->overdue > 0)
		snprintf(out[QT_EURO_DAYS].about, sizeof out[QT_EURO_DAYS].about, "%s, oldest %d day%s", m,
			 r->oldest_days, r->oldest_days == 1 ? "" : "s");
	if (r->value[QT_BROKEN] || r->value[QT_MISSED])
		snprintf(out[r->value[QT_BROKEN] ? QT_BROKEN : QT_MISSED].about, sizeof out->about,
			 "not followed up");
	if (r->level)
		snprintf(out[QT_LEVEL].about, sizeof out->about, "step %d sent", r->level);
	snprintf(out[QT_CONTACT].about, sizeof out->about, "%s", r->last_contact[0] ? r->last_contact : "never contacted");
}

void queue_explain_head(const struct queue *q, const struct queue_row *r, struct queue_explain_head *out)
{
	char next[11] = "";
	if (r->next_action[0])
		date_iso(r->next_date, next);
	snprintf(out->who, sizeof out->who, "%s %s", r->account_no, r->name);
	snprintf(out->next, sizeof out->next, "next action: %s%s%s (%s)", r->next_action[0] ? r->next_action : "none",
		 *next ? " on " : "", next, r->reason[0] ? r->reason : "nothing to do");
	size_t rank = queue_rank(q, r);
	if (rank)
		snprintf(out->rank, sizeof out->rank, "rank %zu of %zu in today's list", rank, q->todo);
	else
		snprintf(out->rank, sizeof out->rank, "not in today's list: %s",
			 r->worked_today ? "worked today" : "its next action is later");
}

int queue_day_load(sqlite3 *db, day_t today, const char *user, struct queue_day *out)
{
	char t[11];
	date_iso(today, t);
	memset(out, 0, sizeof *out);
	/* stamps are UTC; made "today" is the day's UTC date, as now_utc writes it */
	/* the day's promises read once for their count and their sum: this
	 * runs after every write from the workstation */
	sqlite3_stmt *st = db_prepare(db,
		"SELECT count(*), coalesce(sum(amount), 0), "
		" (SELECT count(*) FROM plans WHERE created_at >= ?1 AND created_at < date(?1, '+1 day') "
		"  AND (?2 IS NULL OR user = ?2) AND status <> 'cancelled') "
		"FROM promises WHERE made_at >= ?1 AND made_at < date(?1, '+1 day') "
		"  AND (?2 IS NULL OR user = ?2) AND status <> 'cancelled'");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, t, 10, SQLITE_STATIC);
	if (user)
		sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->promises = sqlite3_column_int64(st, 0);
		out->promised = sqlite3_column_int64(st, 1);
		out->plans = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int queue_day_touched(sqlite3 *db, day_t today, const char *account_no)
{
	char t[11];
	date_iso(today, t);
	/* the account's few promises and plans, through their indexes; the
	 * day is read as queue_day_load reads it */
	sqlite3_stmt *st = db_prepare(db,
		"SELECT EXISTS (SELECT 1 FROM promises WHERE account_no = ?2 AND made_at >= ?1 "
		"  AND made_at < date(?1, '+1 day')) "
		"OR EXISTS (SELECT 1 FROM plans WHERE account_no = ?2 AND created_at >= ?1 "
		"  AND created_at < date(?1, '+1 day'))");
	if (!st)
		return 1;
	sqlite3_bind_text(st, 1, t, 10, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, account_no, -1, SQLITE_STATIC);
	int touched = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 1;
	sqlite3_finalize(st);
	return touched;
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
