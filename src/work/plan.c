/* plan.c — payment plans: schedule, recording, cancelling, and the rules
 * (payments of the account since the plan was made are given to its
 * installments in order). Every change is journaled and moves the account's
 * cached queue figures, in one transaction. */
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"
#include "base/lib.h"
#include "promise.h"
#include "received.h"

static const char *const every_names[] = {"week", "2weeks", "month"};

int plan_every_named(const char *name)
{
	for (int i = 0; i < 3; i++)
		if (!strcmp(name, every_names[i]))
			return i;
	return -1;
}

day_t plan_step(day_t first, enum plan_every every, int n)
{
	if (every == EVERY_WEEK)
		return first + 7 * n;
	if (every == EVERY_2WEEKS)
		return first + 14 * n;
	int y, m, d;
	civil_from_days(first, &y, &m, &d);
	m += n;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	while (!date_valid(y, m, d)) /* the 31st of a 30-day month: its last day */
		d--;
	return days_from_civil(y, m, d);
}

int plan_schedule(const struct plan_request *r, day_t today_, int64_t total, struct installment *out)
{
	int n = 0;
	if (r->down > 0)
		out[n++] = (struct installment){0, today_, r->down};
	int64_t rest = total - r->down, each = rest / r->installments;
	for (int i = 0; i < r->installments; i++) {
		int64_t amount = i + 1 == r->installments ? rest - each * (r->installments - 1) : each;
		out[n++] = (struct installment){i + 1, plan_step(r->first, r->every, i), amount};
	}
	return n;
}

static int active_plan(sqlite3 *db, const char *account_no, char id[UID_LEN + 1])
{
	sqlite3_stmt *q = db_prepare(db, "SELECT id FROM plans WHERE account_no = ?1 AND status = 'active'");
	int found = 0;
	if (q) {
		sqlite3_bind_text(q, 1, account_no, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW) {
			snprintf(id, UID_LEN + 1, "%s", (const char *)sqlite3_column_text(q, 0));
			found = 1;
		}
		sqlite3_finalize(q);
	}
	return found;
}

static int step_done(sqlite3 *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc)
		msg_error("plan: %s", sqlite3_errmsg(db));
	sqlite3_reset(st);
	return rc;
}

/* Writes rows as plan_id's installments (inside the caller's transaction). */
static int insert_installments(sqlite3 *db, const char *plan_id, const struct installment *rows, int n)
{
	sqlite3_stmt *ins = db_prepare(db, "INSERT INTO plan_installments(plan_id, seq, due_date, amount) "
					   "VALUES (?1, ?2, ?3, ?4)");
	int rc = ins ? 0 : -1;
	for (int k = 0; rc == 0 && k < n; k++) {
		char due[11];
		date_iso(rows[k].due, due);
		sqlite3_bind_text(ins, 1, plan_id, -1, SQLITE_STATIC);
		sqlite3_bind_int(ins, 2, rows[k].seq);
		sqlite3_bind_text(ins, 3, due, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ins, 4, rows[k].amount);
		rc = step_done(db, ins);
	}
	sqlite3_finalize(ins);
	return rc;
}

void plan_rows_order(struct installment *rows, int n, int *from)
{
	int seqs[PLAN_MAX_INSTALLMENTS + 1], was[PLAN_MAX_INSTALLMENTS + 1];
	if (n < 1 || n > PLAN_MAX_INSTALLMENTS + 1)
		return;
	for (int i = 0; i < n; i++) { /* the down payment keeps its 0 wherever its date puts it */
		seqs[i] = rows[i].seq ? rows[i].seq : -1;
		was[i] = i;
	}
	/* insertion sorts: a schedule is short */
	for (int i = 1; i < n; i++) {
		int s = seqs[i], k = i;
		for (; k > 0 && seqs[k - 1] > s; k--)
			seqs[k] = seqs[k - 1];
		seqs[k] = s;
		struct installment r = rows[i];
		int w = was[i];
		for (k = i; k > 0 && (rows[k - 1].due > r.due || (rows[k - 1].due == r.due && rows[k - 1].seq > r.seq));
		     k--)
			rows[k] = rows[k - 1], was[k] = was[k - 1];
		rows[k] = r, was[k] = w;
	}
	int k = 0;
	while (k < n && seqs[k] < 0)
		k++;
	for (int i = 0; i < n; i++)
		if (rows[i].seq)
			rows[i].seq = seqs[k++];
	if (from)
		memcpy(from, was, (size_t)n * sizeof *from);
}

int plan_add(struct book *b, const char *user, const struct plan_request *r, char id_out[UID_LEN + 1])
{
	day_t t = today();
	char id[UID_LEN + 1];
	if (ledger_account_exists(b->db, r->account_no) <= 0) {
		msg_error("no account %s in the book", r->account_no);
		return 1;
	}
	if (r->installments < 1 || r->installments > PLAN_MAX_INSTALLMENTS) {
		msg_error("plan: from 1 to %d installments", PLAN_MAX_INSTALLMENTS);
		return 1;
	}
	if (r->first < t) {
		msg_error("plan: the first installment is in the past");
		return 1;
	}
	if (active_plan(b->db, r->account_no, id)) {
		msg_error("plan: account %s has an active plan already (relance plan cancel %s)", r->account_no,
			  r->account_no);
		return 1;
	}
	int64_t total = r->total;
	char invoices[1024] = "";
	if (r->invoices)
		if (ledger_invoices_normal(r->invoices, invoices, sizeof invoices)) {
			msg_error("plan: too many invoices named");
			return 1;
		}
	int named = invoices[0] != '\0';
	if (named) { /* the open invoices named: their open amounts */
		char bad[64];
		int64_t covered = ledger_invoices_open(b->db, r->account_no, invoices, bad);
		if (covered < 0) {
			msg_error("plan: invoice %s is not an open invoice of account %s", bad, r->account_no);
			return 1;
		}
		if (total == 0)
			total = covered;
	}
	if (total == 0) {
		summary_refresh(b->db, t);
		sqlite3_stmt *q = db_prepare(b->db, "SELECT overdue FROM account_summary WHERE account_no = ?1");
		if (q) {
			sqlite3_bind_text(q, 1, r->account_no, -1, SQLITE_STATIC);
			if (sqlite3_step(q) == SQLITE_ROW)
				total = sqlite3_column_int64(q, 0);
			sqlite3_finalize(q);
		}
		if (total <= 0) {
			msg_error("plan: account %s has nothing overdue: give the total", r->account_no);
			return 1;
		}
	}
	total += r->fee;
	if (r->down < 0 || r->down >= total) {
		msg_error("plan: the down payment must be less than the total");
		return 1;
	}
	if ((total - r->down) < r->installments) {
		msg_error("plan: too many installments for the amount");
		return 1;
	}
	struct installment rows[PLAN_MAX_INSTALLMENTS + 1];
	int n;
	if (r->rows) { /* edited: it must still add up, and be to come */
		int64_t sum = 0;
		if (r->nrows < 1 || r->nrows > PLAN_MAX_INSTALLMENTS + 1) {
			msg_error("plan: from 1 to %d installments", PLAN_MAX_INSTALLMENTS);
			return 1;
		}
		for (n = 0; n < r->nrows; n++) {
			if (r->rows[n].amount <= 0 || r->rows[n].due < t) {
				msg_error("plan: installment %d: %s", r->rows[n].seq,
					  r->rows[n].amount <= 0 ? "the amount must be more than zero" : "its date is in the past");
				return 1;
			}
			sum += r->rows[n].amount;
			rows[n] = r->rows[n];
		}
		if (sum != total) {
			char want[32], got[32];
			money_format_grouped(total, want, sizeof want);
			money_format_grouped(sum, got, sizeof got);
			msg_error("plan: the installments add up to %s, not %s", got, want);
			return 1;
		}
		plan_rows_order(rows, n, NULL);
	} else {
		n = plan_schedule(r, t, total, rows);
	}
	char now[21], first[11], amt[32], summary[256];
	uid_new(id);
	now_utc(now);
	date_iso(r->first, first);
	money_format_grouped(total, amt, sizeof amt);
	if (r->rows) { /* as saved: its edited rows may follow no frequency */
		char from[11], to[11];
		int k = rows[0].seq == 0 && n > 1;
		date_iso(rows[k].due, from);
		date_iso(rows[n - 1].due, to);
		snprintf(summary, sizeof summary, "Payment plan: %s EUR in %d installment%s, %s to %s", amt, n - k,
			 n - k == 1 ? "" : "s", from, to);
	} else {
		snprintf(summary, sizeof summary, "Payment plan: %s EUR in %d %s installment%s from %s", amt,
			 r->installments,
			 r->every == EVERY_MONTH ? "monthly" : r->every == EVERY_WEEK ? "weekly" : "fortnightly",
			 r->installments == 1 ? "" : "s", first);
	}
	if (r->down > 0) {
		char down[32];
		money_format_grouped(r->down, down, sizeof down);
		size_t len = strlen(summary);
		snprintf(summary + len, sizeof summary - len, ", %s down", down);
	}
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	sqlite3_stmt *p = db_prepare(b->db, "INSERT INTO plans(id, account_no, total, down_payment, fee, frequency, "
					    "first_date, user, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)");
	int rc = p ? 0 : -1;
	if (rc == 0) {
		sqlite3_bind_text(p, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 2, r->account_no, -1, SQLITE_STATIC);
		sqlite3_bind_int64(p, 3, total);
		sqlite3_bind_int64(p, 4, r->down);
		sqlite3_bind_int64(p, 5, r->fee);
		sqlite3_bind_text(p, 6, every_names[r->every], -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 7, first, -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 8, user, -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 9, now, -1, SQLITE_STATIC);
		rc = step_done(b->db, p);
	}
	sqlite3_finalize(p);
	if (rc == 0)
		rc = insert_installments(b->db, id, rows, n);
	if (rc == 0 && named) {
		sqlite3_stmt *k = db_prepare(b->db, "INSERT INTO plan_invoices(plan_id, invoice_no) SELECT ?1, invoice_no "
						    "FROM invoices WHERE account_no = ?2 AND instr(',' || ?3 || ',', ',' || invoice_no || ',') > 0");
		rc = k ? 0 : -1;
		if (k) {
			sqlite3_bind_text(k, 1, id, -1, SQLITE_STATIC);
			sqlite3_bind_text(k, 2, r->account_no, -1, SQLITE_STATIC);
			sqlite3_bind_text(k, 3, invoices, -1, SQLITE_STATIC);
			rc = step_done(b->db, k);
			sqlite3_finalize(k);
		}
	}
	struct journal_entry e = {r->account_no, "plan", user, NULL, summary, NULL, NULL, NULL};
	if (journal_finish_change(b, nested, rc, &e))
		return -1;
	if (id_out)
		memcpy(id_out, id, UID_LEN + 1);
	return 0;
}

/* Sets a plan's status, journals why, moves the figures (inside a
 * transaction). A rule's verdict (rule_at: when its last installment was
 * paid or missed) is stamped a second after that installment's entry. */
static int plan_status(struct book *b, const char *plan_id, const char *account, const char *status,
		       const char *user, const char *summary, const char *rule_at)
{
	char at[24];
	if (rule_at) { /* a rule's verdict: a second after rule_at */
		sqlite3_stmt *q = db_prepare(b->db, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '+1 second')");
		if (!q)
			return -1;
		sqlite3_bind_text(q, 1, rule_at, -1, SQLITE_STATIC);
		int got = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0);
		snprintf(at, sizeof at, "%s", got ? (const char *)sqlite3_column_text(q, 0) : rule_at);
		sqlite3_finalize(q);
	} else {
		now_utc(at);
	}
	sqlite3_stmt *st = db_prepare(b->db, "UPDATE plans SET status = ?2, updated_at = ?3 WHERE id = ?1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, plan_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, at, -1, SQLITE_STATIC);
	int rc = step_done(b->db, st);
	sqlite3_finalize(st);
	struct journal_entry e = {account, user && strcmp(user, "system") ? "plan" : "system", user, NULL, summary,
				  NULL, NULL, NULL};
	if (rc || !rule_at)
		return rc ? rc : journal_account_change(b, &e);
	char name[96];
	snprintf(name, sizeof name, "plan %s %s", plan_id, status);
	struct rule_stamp stamp;
	journal_rule_stamp(&stamp, name, at);
	rc = journal_add_stamped(b, &e, &stamp.s);
	return rc ? rc : summary_account_changed(b->db, account);
}

int plan_change(struct book *b, const char *user, const char *account_no, const struct installment *given, int n)
{
	char id[UID_LEN + 1];
	struct installment rows[PLAN_MAX_INSTALLMENTS + 1];
	if (n < 1 || n > PLAN_MAX_INSTALLMENTS + 1) {
		msg_error("plan: from 1 to %d installments", PLAN_MAX_INSTALLMENTS);
		return 1;
	}
	memcpy(rows, given, (size_t)n * sizeof *rows);
	plan_rows_order(rows, n, NULL);
	day_t t = today();
	if (!active_plan(b->db, account_no, id)) {
		msg_error("plan: account %s has no active plan", account_no);
		return 1;
	}
	char sql_id[UID_LEN + 1];
	snprintf(sql_id, sizeof sql_id, "%s", id);
	sqlite3_stmt *q = db_prepare(b->db, "SELECT coalesce(sum(amount), 0) FROM plan_installments "
					    "WHERE plan_id = ?1 AND status IN ('due', 'missed')");
	int64_t open = 0, sum = 0;
	if (q) {
		sqlite3_bind_text(q, 1, sql_id, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			open = sqlite3_column_int64(q, 0);
		sqlite3_finalize(q);
	}
	for (int k = 0; k < n; k++) {
		if (rows[k].amount <= 0 || rows[k].due < t) {
			msg_error("plan: installment %d: %s", rows[k].seq,
				  rows[k].amount <= 0 ? "the amount must be more than zero" : "its date is in the past");
			return 1;
		}
		sum += rows[k].amount;
	}
	if (sum != open) {
		char want[32], got[32];
		money_format_grouped(open, want, sizeof want);
		money_format_grouped(sum, got, sizeof got);
		msg_error("plan: the installments left add up to %s, not %s", got, want);
		return 1;
	}
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	sqlite3_stmt *del = db_prepare(b->db, "DELETE FROM plan_installments WHERE plan_id = ?1 AND status IN ('due', 'missed')");
	int rc = del ? 0 : -1;
	if (rc == 0) {
		sqlite3_bind_text(del, 1, sql_id, -1, SQLITE_STATIC);
		rc = step_done(b->db, del);
	}
	sqlite3_finalize(del);
	if (rc == 0)
		rc = insert_installments(b->db, sql_id, rows, n);
	char summary[160], amt[32];
	money_format_grouped(sum, amt, sizeof amt);
	char from[11], to[11];
	date_iso(rows[0].due, from);
	date_iso(rows[n - 1].due, to);
	snprintf(summary, sizeof summary, "Payment plan changed: %s EUR left in %d installment%s, %s to %s", amt, n,
		 n == 1 ? "" : "s", from, to);
	struct journal_entry e = {account_no, "plan", user, NULL, summary, NULL, NULL, NULL};
	return journal_finish_change(b, nested, rc, &e);
}

int plan_cancel(struct book *b, const char *user, const char *account_no)
{
	char id[UID_LEN + 1];
	if (!active_plan(b->db, account_no, id)) {
		msg_error("plan: account %s has no active plan", account_no);
		return 1;
	}
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	int rc = plan_status(b, id, account_no, "cancelled", user, "Payment plan cancelled", NULL);
	if (rc == 0)
		rc = db_tx_commit(b->db, nested);
	if (rc)
		db_tx_rollback(b->db, nested);
	return rc ? -1 : 0;
}

struct plan_state {
	char id[UID_LEN + 1], account[80];
	int missed, unpaid;
	char paid_at[24], missed_at[24]; /* when the last installment was paid; missed */
};

static int evaluate(struct book *b, day_t today_, const char *account_no, int lapsed_only);

int plan_evaluate(struct book *b, day_t today_, const char *account_no)
{
	return evaluate(b, today_, account_no, 0);
}

int plan_evaluate_lapsed(struct book *b, day_t today_)
{
	return evaluate(b, today_, NULL, 1);
}

static int evaluate(struct book *b, day_t today_, const char *account_no, int lapsed_only)
{
	if (b->readonly) /* a read-only book is shown as last written */
		return 0;
	/* money received on the account since the plan was made (the ledger's
	 * and the bank's: money_received), one account at a time (received.h):
	 * ?1; every account: those with an active plan */
	sqlite3_stmt *q = db_prepare(b->db,
		"WITH y AS (SELECT date, amount FROM money_received WHERE account_no = ?1) "
		"SELECT p.id, p.account_no, i.seq, i.due_date, i.amount, i.paid_amount, i.status, "
		" (SELECT coalesce(sum(y.amount), 0) FROM y WHERE y.date >= substr(p.created_at, 1, 10)), "
		/* when installments were paid: the end of the day of the last payment */
		" max(p.created_at, (SELECT max(y.date) FROM y WHERE y.date >= substr(p.created_at, 1, 10)) "
		"  || 'T23:59:58Z'), "
		/* when this one was missed: the day after its grace */
		" date(i.due_date, '+' || (?4 + 1) || ' days') || 'T00:00:00Z' "
		"FROM plans p JOIN plan_installments i ON i.plan_id = p.id "
		"WHERE p.status = 'active' AND p.account_no = ?1 "
		"AND (?2 = 0 OR EXISTS (SELECT 1 FROM plan_installments x WHERE x.plan_id = p.id "
		"AND x.status = 'due' AND x.due_date < ?3)) ORDER BY p.id, i.due_date, i.seq");
	struct strset accounts;
	size_t next = 0;
	strset_init(&accounts);
	if (q && !account_no &&
	    received_accounts(b->db, "SELECT DISTINCT account_no FROM plans WHERE status = 'active'", NULL, &accounts)) {
		sqlite3_finalize(q);
		q = NULL;
	}
	sqlite3_stmt *up = db_prepare(b->db, "UPDATE plan_installments SET paid_amount = ?3, status = ?4 "
					     "WHERE plan_id = ?1 AND seq = ?2");
	if (!q || !up) {
		sqlite3_finalize(q);
		sqlite3_finalize(up);
		strset_free(&accounts);
		return -1;
	}
	if (account_no)
		sqlite3_bind_text(q, 1, account_no, -1, SQLITE_STATIC);
	const int grace = RULE_GRACE(b->db), max_missed = RULE_MAX_MISSED(b->db);
	char lapsed[11];
	date_iso(today_ - grace, lapsed);
	sqlite3_bind_int(q, 2, lapsed_only);
	sqlite3_bind_text(q, 3, lapsed, 10, SQLITE_TRANSIENT);
	sqlite3_bind_int(q, 4, grace);
	/* a transaction only once something changes: readers run this too.
	 * Over every account in the caller's transaction, no savepoint of
	 * ours (promise.c says why); those callers roll back on failure. */
	int changes = 0, rc = 0;
	struct received_write w;
	received_write_init(&w, b, account_no);
	struct plan_state cur = {"", "", 0, 0, "", ""};
	int64_t pool = 0;
	struct plan_state *done = NULL;
	size_t ndone = 0;
	int more = 1;
	while (rc == 0 && more) {
		more = received_step(q, account_no ? NULL : &accounts, &next) == SQLITE_ROW;
		const char *pid = more ? (const char *)sqlite3_column_text(q, 0) : "";
		if (cur.id[0] && strcmp(pid, cur.id)) { /* the previous plan is read whole */
			struct plan_state *nd = realloc(done, (ndone + 1) * sizeof *nd);
			if (!nd) {
				rc = -1;
				break;
			}
			done = nd;
			done[ndone++] = cur;
			cur.id[0] = '\0';
		}
		if (!more)
			break;
		if (!cur.id[0]) {
			snprintf(cur.id, sizeof cur.id, "%s", pid);
			snprintf(cur.account, sizeof cur.account, "%s", (const char *)sqlite3_column_text(q, 1));
			cur.missed = cur.unpaid = 0;
			cur.missed_at[0] = '\0';
			snprintf(cur.paid_at, sizeof cur.paid_at, "%s", sqlite3_column_text(q, 8) ?
				 (const char *)sqlite3_column_text(q, 8) : "");
			pool = sqlite3_column_int64(q, 7); /* what came since the plan was made */
		}
		int seq = sqlite3_column_int(q, 2);
		const char *due_s = (const char *)sqlite3_column_text(q, 3);
		int64_t amount = sqlite3_column_int64(q, 4);
		const char *old = (const char *)sqlite3_column_text(q, 6);
		day_t due;
		date_parse(due_s, strlen(due_s), DATE_ISO, &due);
		int64_t paid = pool >= amount ? amount : pool > 0 ? pool : 0;
		pool -= paid;
		const char *status = paid >= amount ? (today_ > due + grace && !strcmp(old, "missed") ? "late" : "paid")
				   : today_ > due + grace ? "missed" : "due";
		if (!strcmp(old, "late") && paid >= amount)
			status = "late";
		cur.missed += !strcmp(status, "missed");
		const char *missed_at = (const char *)sqlite3_column_text(q, 9);
		if (!strcmp(status, "missed") && strcmp(missed_at, cur.missed_at) > 0)
			snprintf(cur.missed_at, sizeof cur.missed_at, "%s", missed_at);
		cur.unpaid += paid < amount;
		if (!strcmp(status, old) && paid == sqlite3_column_int64(q, 5))
			continue;
		rc = received_write_begin(&w, b);
		if (rc)
			break;
		sqlite3_bind_text(up, 1, cur.id, -1, SQLITE_STATIC);
		sqlite3_bind_int(up, 2, seq);
		sqlite3_bind_int64(up, 3, paid);
		sqlite3_bind_text(up, 4, status, -1, SQLITE_STATIC);
		rc = step_done(b->db, up);
		if (rc || !strcmp(status, old))
			continue;
		char summary[160];
		snprintf(summary, sizeof summary, "Installment %d of the payment plan (due %s): %s", seq, due_s, status);
		struct journal_entry e = {cur.account, "system", "system", NULL, summary, NULL, NULL, NULL};
		struct rule_stamp stamp;
		char name[96];
		snprintf(name, sizeof name, "plan %s %d %s", cur.id, seq, status);
		journal_rule_stamp(&stamp, name, paid > 0 && cur.paid_at[0] ? cur.paid_at : missed_at);
		rc = journal_add_stamped(b, &e, &stamp.s);
		if (rc == 0)
			rc = received_write_touch(&w, cur.account);
		changes++;
	}
	sqlite3_finalize(q);
	sqlite3_finalize(up);
	strset_free(&accounts);
	for (size_t k = 0; rc == 0 && k < ndone; k++) {
		struct plan_state *p = &done[k];
		if (p->unpaid == 0 || p->missed >= max_missed)
			rc = received_write_begin(&w, b);
		if (rc)
			break;
		if (p->unpaid == 0) {
			rc = plan_status(b, p->id, p->account, "completed", "system",
					 "Payment plan completed: every installment paid", p->paid_at);
			changes++;
		} else if (p->missed >= max_missed) {
			char summary[128];
			snprintf(summary, sizeof summary, "Payment plan broken: %d installments missed", p->missed);
			rc = plan_status(b, p->id, p->account, "broken", "system", summary, p->missed_at);
			changes++;
		}
	}
	free(done);
	/* the figures once, for every account moved */
	rc = received_write_end(&w, b, rc);
	return rc ? -1 : changes;
}

long plan_installments(sqlite3 *db, const char *account_no, void (*fn)(const struct installment_row *, void *),
		       void *arg)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT i.plan_id, i.status, p.status, i.due_date, i.seq, i.amount, i.paid_amount "
		"FROM plan_installments i JOIN plans p ON p.id = i.plan_id "
		"WHERE p.id = (SELECT id FROM plans WHERE account_no = ?1 ORDER BY created_at DESC LIMIT 1) "
		"ORDER BY i.due_date, i.seq");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	long n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct installment_row r = {
			(const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
			sqlite3_column_int(st, 4), sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 6),
		};
		fn(&r, arg);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}
