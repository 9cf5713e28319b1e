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
	enum { LINES = QT_COUNT + 8 };
	char text[LINES][400];
	const char *lines[LINES];
	int n = 0;
	char next[11] = "";
	if (r->next_action[0])
		date_iso(r->next_date, next);
	snprintf(text[n++], sizeof *text, "%s %s", r->account_no, r->name);
	snprintf(text[n++], sizeof *text, "next action: %s%s%s", r->next_action[0] ? r->next_action : "none",
		 *next ? " on " : "", next);
	snprintf(text[n++], sizeof *text, "reason: %s", r->reason[0] ? r->reason : "nothing to do");
	size_t rank = queue_rank(&a->queue, r);
	if (rank)
		snprintf(text[n++], sizeof *text, "rank %zu of %zu in today's list", rank, a->queue.todo);
	else
		snprintf(text[n++], sizeof *text, "not in today's list: %s",
			 r->worked_today ? "worked today" : "its next action is later");
	snprintf(text[n++], sizeof *text, "%s", "");
	snprintf(text[n++], sizeof *text, "%-23s %9s %8s %10s  %s", "term", "weight", "value", "points", "about");
	struct queue_term_line t[QT_COUNT];
	queue_terms(&a->queue, r, t);
	for (int i = 0; i < QT_COUNT; i++)
		snprintf(text[n++], sizeof *text, "%-23s %9d %8lld %10lld  %s", t[i].name, t[i].weight,
			 (long long)t[i].value, (long long)t[i].points, t[i].about);
	snprintf(text[n++], sizeof *text, "%-23s %9s %8s %10lld", "score", "", "", (long long)r->score);
	for (int i = 0; i < n; i++)
		lines[i] = text[i];
	app_push(a, view_entry_new(a, lines, n, "score"));
}
