/* standing.c — an account's dunning summed up for people (the account
 * screen's commitments, `relance show`), and its own settings (table
 * account_dunning): hold, release, procedure, rate, each journaled. */
#include "standing.h"

#include <stdio.h>
#include <string.h>

#include "book/lib.h"
#include "base/lib.h"

/* When no invoice has a next step: the reason that says most, first. */
static const enum dun_state why_order[] = {DUN_HOLD, DUN_PROMISED, DUN_PLAN, DUN_DISPUTED, DUN_CREDIT, DUN_DONE};

void dunning_standing(const struct dun_account *a, struct dun_standing *s)
{
	memset(s, 0, sizeof *s);
	s->hold = a->hold;
	s->why = DUN_DONE;
	int seen[DUN_CREDIT + 1] = {0};
	for (size_t i = 0; i < a->n; i++) {
		const struct dun_invoice *v = &a->inv[i];
		s->invoices++;
		seen[v->state] = 1;
		if (v->level > s->level || (v->level == s->level && v->level_day > s->level_day))
			s->level = v->level, s->level_day = v->level_day;
		if ((v->state == DUN_DUE || v->state == DUN_WAITING) && v->next &&
		    (!s->next || v->next_day < s->next_day || (v->next_day == s->next_day && v->next > s->next)))
			s->next = v->next, s->next_day = v->next_day;
	}
	for (int k = 0; s->next && k < a->proc.nsteps; k++)
		if (a->proc.steps[k].step == s->next)
			snprintf(s->channel, sizeof s->channel, "%s", a->proc.steps[k].channel);
	for (size_t k = 0; !s->next && k < sizeof why_order / sizeof *why_order; k++)
		if (seen[why_order[k]]) {
			s->why = why_order[k];
			break;
		}
}

void dunning_standing_text(const struct dun_standing *s, day_t today, char *out, size_t size)
{
	out[0] = '\0';
	/* the furthest step of one of its invoices: the next one due may be
	 * an earlier step of another */
	char level[32] = "no reminder yet", day[11];
	if (s->level)
		snprintf(level, sizeof level, "furthest step %d", s->level);
	if (s->hold) {
		snprintf(out, size, "held%s%s", s->level ? ", " : "", s->level ? level : "");
		return;
	}
	if (!s->invoices)
		return;
	if (s->next) {
		date_iso(s->next_day, day);
		snprintf(out, size, "%s, next step %d (%s) %s%s", level, s->next, s->channel,
			 s->next_day <= today ? "due today" : "on ", s->next_day <= today ? "" : day);
		return;
	}
	static const char *const why[] = {[DUN_HOLD] = "held", [DUN_PROMISED] = "under a promise",
					  [DUN_PLAN] = "under a plan", [DUN_DISPUTED] = "disputed",
					  [DUN_CREDIT] = "credit notes cover it", [DUN_DONE] = "every step taken",
					  [DUN_DUE] = "", [DUN_WAITING] = ""};
	snprintf(out, size, "%s, stopped: %s", level, why[s->why]);
}

int dunning_setting_save(struct book *b, const char *user, const char *account, const struct dun_setting *s,
			 char *summary_out, size_t size)
{
	const char *verb = s->hold == 1 ? "dunning hold" : s->hold == 0 ? "dunning release" : "dunning set";
	if (ledger_account_exists(b->db, account) <= 0) {
		msg_error("%s: no account %s in the book", verb, account);
		return 1;
	}
	const char *procedure = s->procedure;
	if (procedure && strcmp(procedure, "default")) {
		sqlite3_stmt *st = db_prepare(b->db, "SELECT 1 FROM procedures WHERE name = ?1");
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, procedure, -1, SQLITE_STATIC);
		int found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		if (!found) {
			msg_error("%s: no procedure %s (relance procedures list)", verb, procedure);
			return 1;
		}
	}
	char now[21], summary[300];
	now_utc(now);
	int nested;
	int rc = db_tx_begin(b->db, &nested);
	if (rc)
		return -1;
	sqlite3_stmt *st = db_prepare(b->db,
		"INSERT INTO account_dunning(account_no, hold, procedure, rate, note, user, updated_at, claims) "
		"VALUES (?1, coalesce(?2, 0), ?3, iif(?4 >= 0, ?4, NULL), ?5, ?6, ?7, iif(?9 = 0, 0, NULL)) "
		"ON CONFLICT (account_no) DO UPDATE SET hold = coalesce(?2, hold), "
		"procedure = iif(?8, ?3, procedure), rate = iif(?4 = -2, rate, iif(?4 >= 0, ?4, NULL)), "
		"claims = iif(?9 = -2, claims, iif(?9 = 0, 0, NULL)), "
		"note = coalesce(?5, note), user = ?6, updated_at = ?7");
	if (st) {
		sqlite3_bind_text(st, 1, account, -1, SQLITE_STATIC);
		if (s->hold >= 0)
			sqlite3_bind_int(st, 2, s->hold);
		if (procedure && strcmp(procedure, "default"))
			sqlite3_bind_text(st, 3, procedure, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, s->rate);
		if (s->note)
			sqlite3_bind_text(st, 5, s->note, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, user, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 8, procedure != NULL);
		sqlite3_bind_int(st, 9, s->claims);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		if (rc)
			msg_error("%s: %s", verb, sqlite3_errmsg(b->db));
		sqlite3_finalize(st);
	} else {
		rc = -1;
	}
	const char *note = s->note;
	if (s->hold == 1)
		snprintf(summary, sizeof summary, "Dunning held%s%s", note ? ": " : "", note ? note : "");
	else if (s->hold == 0)
		snprintf(summary, sizeof summary, "Dunning released%s%s", note ? ": " : "", note ? note : "");
	else {
		char r[32] = "";
		if (s->rate >= 0) {
			char v[24];
			money_format(s->rate, v, sizeof v);
			snprintf(r, sizeof r, "%s %%", v);
		}
		snprintf(summary, sizeof summary, "Dunning settings:%s%s%s%s%s", procedure ? " procedure " : "",
			 procedure ? procedure : "",
			 s->rate == -1 ? " statutory interest rate" : s->rate >= 0 ? " contractual rate " : "", r,
			 s->claims == 0 ? " the contract provides for no interest, damages or fees"
			 : s->claims == -1 ? " interest, damages and fees as the procedure says" : "");
	}
	struct journal_entry e = {account, "system", user, NULL, summary, NULL, NULL, NULL};
	if (journal_finish_change(b, nested, rc, &e))
		return -1;
	if (summary_out)
		snprintf(summary_out, size, "%s", summary);
	return 0;
}
