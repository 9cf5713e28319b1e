/* queue_columns.c — the queue's optional columns: phone (the first
 * number), last (the last contact), open (every open item), promise (the
 * latest promise's date and state), level (the dunning step reached). */
#include "queue_columns.h"

#include <stdio.h>
#include <string.h>

#include "base/lib.h"

static const struct {
	const char *name, *title;
	int figure, cap;
} columns[QC_COUNT] = {
	{"phone", "Phone", 0, 18}, {"last", "Last contact", 0, 24}, {"open", "Open", 1, 0},
	{"promise", "Promise", 0, 16}, {"level", "Lvl", 1, 0},
};

int queue_column_named(const char *name)
{
	for (int i = 0; i < QC_COUNT; i++)
		if (!strcmp(name, columns[i].name))
			return i;
	return -1;
}

const char *queue_column_name(enum queue_column c) { return columns[c].name; }
const char *queue_column_title(enum queue_column c) { return columns[c].title; }
int queue_column_figure(enum queue_column c) { return columns[c].figure; }
int queue_column_cap(enum queue_column c) { return columns[c].cap; }

/* "2026-11-20 call no_answer" as "11-20 call no_answer" in year `year`. */
static void short_date(const char *s, int year, char *out, size_t size)
{
	char y[8];
	snprintf(y, sizeof y, "%04d-", year);
	snprintf(out, size, "%s", strncmp(s, y, 5) == 0 ? s + 5 : s);
}

void queue_column_cell(enum queue_column c, const struct queue_row *r, int year, char *out, size_t size)
{
	switch (c) {
	case QC_PHONE:
		snprintf(out, size, "%s", r->phone ? r->phone : "");
		break;
	case QC_LAST:
		short_date(r->last_contact, year, out, size);
		break;
	case QC_OPEN:
		money_format_grouped(r->open_total, out, size);
		break;
	case QC_PROMISE:
		short_date(r->promise, year, out, size);
		break;
	case QC_LEVEL:
		snprintf(out, size, "%d", r->level);
		break;
	case QC_COUNT:
		out[0] = '\0';
		break;
	}
}
