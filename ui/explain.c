/* explain.c — `e`: why an account is where it is in the queue: its next
 * action, the reason it came from, its rank in the day's list and its
 * score term by term (the engine's queue_terms, as `relance queue
 * --explain` prints them). */
#include <stdio.h>

#include "app.h"
#include "base/lib.h"

void app_explain(struct app *a, const char *account_no)
{
	const struct queue_row *r = queue_find(&a->queue, account_no);
	if (!r) {
		app_message(a, 1, "%s is not in the queue: nothing overdue and nothing to do", account_no);
		return;
	}
	enum { LINES = QT_COUNT + 4 };
	char text[LINES][160];
	struct queue_explain_head h;
	queue_explain_head(&a->queue, r, &h);
	const char *lines[LINES + 4] = {h.who, h.next, h.rank, ""};
	int n = 0, first = 4;
	snprintf(text[n++], sizeof *text, "%-23s %9s %8s %10s  %s", "term", "weight", "value", "points", "about");
	struct queue_term_line t[QT_COUNT];
	queue_terms(&a->queue, r, t);
	for (int i = 0; i < QT_COUNT; i++)
		snprintf(text[n++], sizeof *text, "%-23s %9d %8lld %10lld  %s", t[i].name, t[i].weight,
			 (long long)t[i].value, (long long)t[i].points, t[i].about);
	snprintf(text[n++], sizeof *text, "%-23s %9s %8s %10lld", "score", "", "", (long long)r->score);
	for (int i = 0; i < n; i++)
		lines[first + i] = text[i];
	app_push(a, view_entry_new(a, lines, first + n, "score"));
}
