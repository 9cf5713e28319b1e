/* report.c — the report table every report fills: rows of cells in the
 * columns' units, the accounts behind each row, cells as text, and the
 * list of reports. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports.h"

const struct report_def report_defs[] = {
	{"aging", "open amounts by age bucket, as of any day", report_aging},
	{"dso", "days sales outstanding, month by month (countback and simple)", report_dso},
	{"cei", "collection effectiveness index, month by month", report_cei},
	{"promises", "promises made, kept, partly kept and broken, by collector and month", report_promises},
	{"collectors", "each collector's work by day or week", report_collectors},
	{"dunning", "what each dunning step achieves: paid within 7, 14 and 30 days", report_dunning},
	{"forecast", "expected receipts a week for the next 12 weeks", report_forecast},
	{NULL, NULL, NULL},
};

const struct report_def *report_find(const char *name)
{
	for (const struct report_def *d = report_defs; d->name; d++)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

void report_begin(struct report *r, const char *name, const char *title, const struct report_opts *o,
		  const struct report_col *cols, int ncols)
{
	memset(r, 0, sizeof *r);
	snprintf(r->name, sizeof r->name, "%s", name);
	snprintf(r->title, sizeof r->title, "%s", title);
	r->o = *o;
	if (ncols > REPORT_MAX_COLS)
		abort();
	memcpy(r->cols, cols, (size_t)ncols * sizeof *cols);
	r->ncols = ncols;
	snprintf(r->currency, sizeof r->currency, "%s", o->currency);
}

size_t report_row(struct report *r)
{
	if (r->nrows == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		struct report_cell *c = realloc(r->cells, cap * (size_t)r->ncols * sizeof *c);
		if (!c)
			abort();
		r->cells = c;
		if (r->o.with_accounts) {
			struct report_accounts *a = realloc(r->accounts, cap * sizeof *a);
			if (!a)
				abort();
			memset(a + r->cap, 0, (cap - r->cap) * sizeof *a);
			r->accounts = a;
		}
		r->cap = cap;
	}
	memset(&r->cells[r->nrows * (size_t)r->ncols], 0, (size_t)r->ncols * sizeof *r->cells);
	return r->nrows++;
}

struct report_cell *report_cell(const struct report *r, size_t row, int col)
{
	return &r->cells[row * (size_t)r->ncols + (size_t)col];
}

void report_set_text(struct report *r, size_t row, int col, const char *s)
{
	struct report_cell *c = report_cell(r, row, col);
	free(c->s);
	c->s = s ? strdup(s) : NULL;
	if (s && !c->s)
		abort();
}

void report_set_value(struct report *r, size_t row, int col, int64_t v)
{
	struct report_cell *c = report_cell(r, row, col);
	c->v = v, c->empty = 0;
}

void report_set_empty(struct report *r, size_t row, int col)
{
	report_cell(r, row, col)->empty = 1;
}

void report_add_account(struct report *r, size_t row, const char *account_no)
{
	if (!r->o.with_accounts || !r->accounts)
		return;
	struct report_accounts *a = &r->accounts[row];
	/* kept sorted: a binary search finds it or where it goes */
	size_t lo = 0, hi = a->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(a->no[mid], account_no);
		if (!c)
			return;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (a->n == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 8;
		char **g = realloc(a->no, a->cap * sizeof *g);
		if (!g)
			abort();
		a->no = g;
	}
	memmove(a->no + lo + 1, a->no + lo, (a->n - lo) * sizeof *a->no);
	if (!(a->no[lo] = strdup(account_no)))
		abort();
	a->n++;
}

int report_accounts_of(sqlite3 *db, struct report *r, size_t row)
{
	if (!r->accounts || row >= r->nrows || r->accounts[row].n || !r->accounts_of)
		return 0;
	return r->accounts_of(db, r, row);
}

void report_free(struct report *r)
{
	for (size_t i = 0; i < r->nrows * (size_t)r->ncols; i++)
		free(r->cells[i].s);
	free(r->cells);
	for (size_t i = 0; r->accounts && i < r->nrows; i++) {
		for (size_t k = 0; k < r->accounts[i].n; k++)
			free(r->accounts[i].no[k]);
		free(r->accounts[i].no);
	}
	free(r->accounts);
	memset(r, 0, sizeof *r);
}

/* v / 10^decimals with that many decimals, grouped by thousands or not. */
static void fixed(int64_t v, int decimals, int grouped, char *out, size_t size)
{
	if (decimals == 2)
		(grouped ? money_format_grouped : money_format)(v, out, size);
	else if (decimals == 1)
		snprintf(out, size, "%s%lld.%lld", v < 0 ? "-" : "", (long long)(v < 0 ? -v : v) / 10,
			 (long long)(v < 0 ? -v : v) % 10);
	else
		snprintf(out, size, "%lld", (long long)v);
}

void report_cell_text(const struct report *r, size_t row, int col, int grouped, char *out, size_t size)
{
	const struct report_cell *c = report_cell(r, row, col);
	out[0] = '\0';
	if (c->empty)
		return;
	switch (r->cols[col].unit) {
	case RU_TEXT:
	case RU_DATE:
		snprintf(out, size, "%s", c->s ? c->s : "");
		break;
	case RU_MONEY:
	case RU_PERCENT:
		fixed(c->v, 2, grouped && r->cols[col].unit == RU_MONEY, out, size);
		break;
	case RU_DAYS:
		fixed(c->v, 1, 0, out, size);
		break;
	case RU_COUNT:
	case RU_SECONDS:
		fixed(c->v, 0, 0, out, size);
		break;
	}
}

static int column_named(const struct report *r, const char *name)
{
	for (int c = 0; c < r->ncols; c++)
		if (!strcmp(r->cols[c].name, name))
			return c;
	return -1;
}

void report_row_label(const struct report *r, size_t row, char *out, size_t size)
{
	int parts[4], n = 0;
	int cur = r->currency[0] ? -1 : column_named(r, "currency");
	int grp = r->o.by != BY_NONE ? column_named(r, report_by_name(r->o.by)) : -1;
	if (cur >= 0)
		parts[n++] = cur;
	if (grp >= 0 && grp != r->label_col && grp != r->label_with - 1)
		parts[n++] = grp;
	if (r->label_with > 0 && r->label_with - 1 != r->label_col)
		parts[n++] = r->label_with - 1;
	parts[n++] = r->label_col;
	size_t o = 0;
	out[0] = '\0';
	for (int i = 0; i < n && o < size; i++) {
		char v[160];
		report_cell_text(r, row, parts[i], 0, v, sizeof v);
		o += (size_t)snprintf(out + o, size - o, "%s%s", o ? " " : "", v);
	}
}

const char *report_by_sql(enum report_by by)
{
	switch (by) {
	case BY_COLLECTOR:
		return "coalesce(c.collector, '')";
	case BY_SEGMENT:
		return "coalesce(c.segment, '')";
	case BY_COUNTRY:
		return "coalesce(c.country, '')";
	case BY_PROCEDURE: /* its own, else its segment's, else business (as dunning decides) */
		return "coalesce((SELECT d.procedure FROM account_dunning d WHERE d.account_no = c.account_no "
		       "AND d.procedure IN (SELECT name FROM procedures)), "
		       "(SELECT s.procedure FROM segment_procedures s WHERE s.segment = c.segment), 'business')";
	case BY_NONE:
		break;
	}
	return "'all'";
}

const char *report_by_name(enum report_by by)
{
	static const char *const names[] = {"all", "collector", "segment", "procedure", "country"};
	return names[by];
}
