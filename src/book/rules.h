/* rules.h — the book's rules, the same for every collector and every copy
 * (kept in book_meta): how many days' grace a promise or an installment
 * has, how many missed installments break a plan, when a call's outcome
 * brings the account back to the queue, and the weights of the queue's
 * score. */
#ifndef RELANCE_RULES_H
#define RELANCE_RULES_H

#include "book.h"

struct rule {
	const char *name;   /* "promise-grace-days" */
	int fallback, lo, hi;
	const char *help;
};
extern const struct rule book_rules[]; /* NULL-named end */

/* A rule's value (its default when never set). */
int rule_value(sqlite3 *db, const char *name);
/* Sets a rule; returns 0, 1 when the name or value is refused (message). */
int rule_set(sqlite3 *db, const char *name, long value);

#define RULE_GRACE(db) rule_value((db), "promise-grace-days")
#define RULE_MAX_MISSED(db) rule_value((db), "plan-max-missed")

#endif
