/* dunning.c — an account's open invoices and where each stands in its
 * procedure today: held, disputed, promised, under a plan, done, waiting
 * for its next step's day, or due. The rules are in dunning.h. */
#include "dunning.h"

#include <stdlib.h>
#include <string.h>

#include "company.h"
#include "base/lib.h"
#include "book/lib.h"

const char *dun_state_name(enum dun_state s)
{
	static const char *const names[] = {"due", "waiting", "done", "hold", "disputed", "promised", "plan",
					    "credit"};
	return names[s];
}

/* What deciding many accounts shares: the statements, prepared once, and
 * the procedures, read once. */
#define RUN_PROCEDURES 16
struct dun_run {
	sqlite3 *db;
	sqlite3_stmt *account, *invoices, *levels, *pending, *paid;
	struct procedure procs[RUN_PROCEDURES];
	int nprocs;
	/* a sweep (dunning_run_sweep): each statement reads the whole book in
	 * account order once, and stays on the first row of the next account;
	 * at[]: 0 not started, 1 on a row, 2 done */
	int sweep;
	int at[4];
	/* a sweep's book rates of interest: 0 not read, 1 read, -1 not readable
	 * (each computation then reads them and says why) */
	int rates_read;
	struct interest_rates rates;
	struct dun_templates tpls; /* dunning_render_check's */
	/* a sweep's sets, read once (sweep_sets): what the per-account query
	 * asks of each invoice, asked here of sorted arrays */
	int sets_read;
	struct set_key *set;
	size_t nset, nkind[8]; /* nkind: how many of each kind (none: not looked for) */
	/* a sweep's open invoices (sweep_invoices), the next one not yet taken */
	struct sweep_inv *inv;
	size_t ninv, inv_at;
	char *text;
	size_t ntext, textcap;
};

/* An entry of a sweep's sets: kind (SET_*), an account or invoice number
 * or a reference, and for a pair the invoice. */
struct set_key {
	int kind;
	char *a, *b;
};
enum {
	SET_DISPUTED = 1, /* a: an invoice with an open dispute */
	SET_PROMISED,     /* a: an account whose open promise names no invoice */
	SET_PROMISED_INV, /* a, b: an account and an invoice its open promise names */
	SET_PLANNED,      /* the same of active plans */
	SET_PLANNED_INV,
	SET_SHARED        /* a: a reference payref_shared holds */
};

static int set_cmp(const void *x, const void *y)
{
	const struct set_key *p = x, *q = y;
	if (p->kind != q->kind)
		return p->kind < q->kind ? -1 : 1;
	int c = strcmp(p->a, q->a);
	return c ? c : strcmp(p->b, q->b);
}

static void set_add(struct dun_run *r, size_t *cap, int kind, const char *a, const char *b)
{
	if (r->nset == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		r->set = realloc(r->set, *cap * sizeof *r->set);
		if (!r->set)
			abort();
	}
	r->set[r->nset++] = (struct set_key){kind, xstrdup(a), xstrdup(b ? b : "")};
	r->nkind[kind]++;
}

/* 1 when (kind, a, b) is in the sets. */
static int set_has(const struct dun_run *r, int kind, const char *a, const char *b)
{
	struct set_key k = {kind, (char *)a, (char *)b};
	return r->nkind[kind] && bsearch(&k, r->set, r->nset, sizeof k, set_cmp) != NULL;
}

/* 1 when some entry of kind has a (whatever its b): the first at or
 * after (kind, a, "") is one. */
static int set_has_a(const struct dun_run *r, int kind, const char *a)
{
	if (!r->nkind[kind])
		return 0;
	size_t lo = 0, hi = r->nset;
	struct set_key k = {kind, (char *)a, ""};
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (set_cmp(&r->set[mid], &k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->nset && r->set[lo].kind == kind && !strcmp(r->set[lo].a, a);
}

/* Reads the sweep's sets: each query's rows (one or two columns) under
 * kind. The shared references: those two invoices have (read in order
 * through the index, each next to its like), and PAYREF_SHARED_BOOK_SQL's.
 * 0 or -1. */
static int sweep_sets(struct dun_run *r)
{
	static const struct {
		int kind;
		const char *sql;
	} q[] = {
		{SET_DISPUTED, "SELECT invoice_no FROM disputes WHERE status = 'open'"},
		{SET_PROMISED, "SELECT p.account_no FROM promises p WHERE p.status = 'open' "
			       "AND NOT EXISTS (SELECT 1 FROM promise_invoices WHERE promise_id = p.id)"},
		{SET_PROMISED_INV, "SELECT p.account_no, q.invoice_no FROM promises p "
				   "JOIN promise_invoices q ON q.promise_id = p.id WHERE p.status = 'open'"},
		{SET_PLANNED, "SELECT l.account_no FROM plans l WHERE l.status = 'active' "
			      "AND NOT EXISTS (SELECT 1 FROM plan_invoices WHERE plan_id = l.id)"},
		{SET_PLANNED_INV, "SELECT l.account_no, q.invoice_no FROM plans l "
				  "JOIN plan_invoices q ON q.plan_id = l.id WHERE l.status = 'active'"},
		{SET_SHARED, PAYREF_SHARED_BOOK_SQL},
		{0, "SELECT reference FROM invoices WHERE reference IS NOT NULL ORDER BY reference"},
	};
	size_t cap = 0;
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
		sqlite3_stmt *st = db_prepare(r->db, q[i].sql);
		if (!st)
			return -1;
		char *last = NULL;
		size_t lastcap = 0;
		int rc, added = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *a = (const char *)sqlite3_column_text(st, 0);
			const char *b = sqlite3_column_count(st) > 1 ? (const char *)sqlite3_column_text(st, 1) : NULL;
			if (!a)
				continue;
			if (q[i].kind) {
				set_add(r, &cap, q[i].kind, a, b);
				continue;
			}
			/* the references in order: one met twice running is shared */
			size_t len = strlen(a);
			if (last && !strcmp(a, last)) {
				if (!added)
					set_add(r, &cap, SET_SHARED, a, NULL);
				added = 1;
			} else {
				if (len >= lastcap) {
					lastcap = 2 * len + 64;
					free(last);
					last = malloc(lastcap);
					if (!last)
						abort();
				}
				memcpy(last, a, len + 1);
				added = 0;
			}
		}
		free(last);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	if (r->nset)
		qsort(r->set, r->nset, sizeof *r->set, set_cmp);
	return 0;
}

struct dun_templates *dunning_run_templates(struct dun_run *r)
{
	return &r->tpls;
}

sqlite3 *dunning_run_db(struct dun_run *r)
{
	return r->db;
}
enum { AT_ACCOUNT, AT_INVOICES, AT_LEVELS, AT_PENDING };

/* The next row of account_no in st (its account in column col), 1; 0 when
 * it has no more; -1 on error. Per account: st is bound to it; in a sweep,
 * rows of accounts before it (not asked about) are passed over, and the
 * first row of the next one is kept for its turn. */
static int next_row(struct dun_run *r, int which, sqlite3_stmt *st, int col, const char *account_no)
{
	int *at = &r->at[which];
	if (!r->sweep) {
		int rc = sqlite3_step(st);
		return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
	}
	for (;;) {
		if (*at == 0) {
			int rc = sqlite3_step(st);
			if (rc != SQLITE_ROW && rc != SQLITE_DONE)
				return -1;
			*at = rc == SQLITE_ROW ? 1 : 2;
		}
		if (*at == 2)
			return 0;
		const char *row = (const char *)sqlite3_column_text(st, col);
		int c = strcmp(row ? row : "", account_no);
		if (c > 0)
			return 0;
		*at = 0; /* this row is taken (or passed over): step on the next call */
		if (c == 0)
			return 1;
	}
}

/* After an account's rows: per account the statement is reset; in a sweep
 * it stays where it is. */
static void rows_done(struct dun_run *r, sqlite3_stmt *st)
{
	if (!r->sweep)
		sqlite3_reset(st);
}

/* The statement in *slot, prepared the first time; NULL on error. */
static sqlite3_stmt *stmt(struct dun_run *r, sqlite3_stmt **slot, const char *sql)
{
	if (!*slot)
		*slot = db_prepare(r->db, sql);
	return *slot;
}

/* The statement in *slot for account_no's rows: a sweep's (sweep_sql,
 * every account in order), or one account's (one_sql, ?1 bound to it).
 * NULL on error. */
static sqlite3_stmt *rows_stmt(struct dun_run *r, sqlite3_stmt **slot, const char *sweep_sql, const char *one_sql,
			       const char *account_no)
{
	sqlite3_stmt *st = stmt(r, slot, r->sweep ? sweep_sql : one_sql);
	if (st && !r->sweep)
		sqlite3_bind_text(st, 1, account_no, -1, SQLITE_TRANSIENT);
	return st;
}

/* s cut to size - 1 bytes as snprintf would (without its cost: a run
 * reads a dozen a row). */
static void copy_cut(char *out, size_t size, const char *s)
{
	size_t n = strnlen(s, size - 1);
	memcpy(out, s, n);
	out[n] = '\0';
}

/* The column as text, cut so. */
static void text_col(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	copy_cut(out, size, t ? (const char *)t : "");
}

static day_t day_col(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	day_t d = 0;
	if (t && date_parse(t, strlen(t), DATE_ISO, &d) != 0)
		d = 0;
	return d;
}

/* The account's row: column 14 its number, 15 the book's number for it
 * (its own reference). */
#define ACCOUNT_SQL \
	"SELECT c.name, coalesce(c.contact, ''), coalesce(c.email, ''), coalesce(c.phone, ''), " \
	"coalesce(c.street, ''), coalesce(c.postcode, ''), coalesce(c.city, ''), coalesce(c.country, ''), " \
	"c.language, coalesce(o.name, c.collector, ''), coalesce(d.hold, 0), coalesce(d.rate, -1), " \
	"coalesce(d.claims, -1), " \
	/* its procedure: its own, else its segment's, else business */ \
	"coalesce((SELECT name FROM procedures WHERE name = d.procedure), " \
	"         (SELECT s.procedure FROM segment_procedures s WHERE s.segment = c.segment), 'business'), " \
	"c.account_no, coalesce(c.ref_no, 0) " \
	"FROM customers c LEFT JOIN account_dunning d ON d.account_no = c.account_no " \
	"LEFT JOIN collectors o ON o.login = c.collector "

static int load_account(struct dun_run *r, const char *account_no, struct dun_account *a)
{
	sqlite3_stmt *st = rows_stmt(r, &r->account, ACCOUNT_SQL "ORDER BY c.account_no",
				     ACCOUNT_SQL "WHERE c.account_no = ?1", account_no);
	if (!st)
		return -1;
	int rc = next_row(r, AT_ACCOUNT, st, 14, account_no);
	if (rc == 1) {
		snprintf(a->account_no, sizeof a->account_no, "%s", account_no);
		text_col(st, 0, a->name, sizeof a->name);
		text_col(st, 1, a->contact, sizeof a->contact);
		text_col(st, 2, a->email, sizeof a->email);
		text_col(st, 3, a->phone, sizeof a->phone);
		text_col(st, 4, a->street, sizeof a->street);
		text_col(st, 5, a->postcode, sizeof a->postcode);
		text_col(st, 6, a->city, sizeof a->city);
		text_col(st, 7, a->country, sizeof a->country);
		text_col(st, 8, a->language, sizeof a->language);
		text_col(st, 9, a->collector, sizeof a->collector);
		a->hold = sqlite3_column_int(st, 10);
		a->rate = sqlite3_column_int(st, 11);
		a->claims = sqlite3_column_int(st, 12);
		text_col(st, 13, a->proc.name, sizeof a->proc.name);
		a->ref_no = sqlite3_column_int64(st, 15);
	}
	rows_done(r, st);
	return rc == 1 ? 0 : rc == 0 ? 1 : -1;
}

/* A new invoice at the end of *inv (grown as needed), cleared, with the
 * row's first four columns: invoice_no, issue_date, due_date, amount. */
/* A new invoice at the end of inv[0..n), zeroed (cap: its room). */
static struct dun_invoice *new_invoice(struct dun_invoice **inv, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 8;
		struct dun_invoice *grown = realloc(*inv, *cap * sizeof *grown);
		if (!grown)
			abort();
		*inv = grown;
	}
	struct dun_invoice *v = &(*inv)[(*n)++];
	memset(v, 0, sizeof *v);
	return v;
}

static struct dun_invoice *invoice_row(sqlite3_stmt *st, struct dun_invoice **inv, size_t *n, size_t *cap)
{
	struct dun_invoice *v = new_invoice(inv, n, cap);
	text_col(st, 0, v->invoice_no, sizeof v->invoice_no);
	text_col(st, 1, v->issue_date, sizeof v->issue_date);
	v->due = day_col(st, 2);
	v->amount = sqlite3_column_int64(st, 3);
	return v;
}

/* The open invoices and credit notes; columns 7 to 9: disputed, promised,
 * under a plan; 12 the account; 13 to 15 what its reference is made of
 * (PAYREF_INVOICE_COLS). Per account the three are asked of each
 * invoice; a sweep asks the same of sets read once: the open disputes'
 * invoices, the accounts whose open promise (active plan) names no
 * invoice and so covers the whole balance, and the (account, invoice)
 * pairs an open promise (active plan) names. */
#define INVOICES_COLS \
	"SELECT i.invoice_no, coalesce(i.issue_date, ''), i.due_date, i.amount, i.open_amount, i.currency, " \
	"coalesce(i.reference, ''), "
#define INVOICES_TAIL_OF(refs) ", i.kind = 'credit_note', coalesce(i.description, ''), i.account_no, " \
	refs " FROM invoices i "
#define INVOICES_TAIL INVOICES_TAIL_OF(PAYREF_INVOICE_COLS("i"))
#define INVOICES_ACCOUNT_SQL INVOICES_COLS \
	"EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_no = i.invoice_no AND d.status = 'open'), " \
	/* a promise or plan naming no invoice covers the whole balance */ \
	"EXISTS (SELECT 1 FROM promises p WHERE p.account_no = i.account_no AND p.status = 'open' " \
	"        AND (i.invoice_no IN (SELECT invoice_no FROM promise_invoices WHERE promise_id = p.id) " \
	"             OR NOT EXISTS (SELECT 1 FROM promise_invoices WHERE promise_id = p.id))), " \
	"EXISTS (SELECT 1 FROM plans l WHERE l.account_no = i.account_no AND l.status = 'active' " \
	"        AND (i.invoice_no IN (SELECT invoice_no FROM plan_invoices WHERE plan_id = l.id) " \
	"             OR NOT EXISTS (SELECT 1 FROM plan_invoices WHERE plan_id = l.id))) " \
	INVOICES_TAIL "WHERE i.account_no = ?1 AND i.status = 'open' ORDER BY i.due_date, i.invoice_no"
/* A sweep's, in no order (sweep_invoices): the three and whether the
 * reference is shared are asked of sets read once (sweep_sets): as
 * subqueries, each asked of each row, they were most of the run. */
#define INVOICES_SWEEP_SQL \
	"SELECT i.invoice_no, coalesce(i.issue_date, ''), i.due_date, i.amount, i.open_amount, i.currency, " \
	"i.kind = 'credit_note', coalesce(i.description, ''), i.account_no, i.reference, coalesce(i.ref_no, 0) " \
	"FROM invoices i WHERE i.status = 'open'"

static int load_invoices_one(struct dun_run *r, struct dun_account *a)
{
	sqlite3_stmt *st = rows_stmt(r, &r->invoices, NULL, INVOICES_ACCOUNT_SQL, a->account_no);
	if (!st)
		return -1;
	size_t cap = 0;
	int rc;
	while ((rc = next_row(r, AT_INVOICES, st, 12, a->account_no)) == 1) {
		if (sqlite3_column_int(st, 10)) { /* an open credit note: set against what is overdue */
			a->credit += sqlite3_column_int64(st, 4);
			continue;
		}
		struct dun_invoice *v = invoice_row(st, &a->inv, &a->n, &cap);
		v->open = sqlite3_column_int64(st, 4);
		text_col(st, 5, v->currency, sizeof v->currency);
		text_col(st, 11, v->description, sizeof v->description);
		/* its payment reference: made when a message asks for it (dunning_invoice_reference) */
		text_col(st, 13, v->ref_given, sizeof v->ref_given);
		v->ref_no = sqlite3_column_int64(st, 14);
		v->ref_shared = sqlite3_column_int(st, 15);
		v->ref_later = 1;
		v->state = sqlite3_column_int(st, 7) ? DUN_DISPUTED
			 : sqlite3_column_int(st, 8) ? DUN_PROMISED
			 : sqlite3_column_int(st, 9) ? DUN_PLAN : DUN_WAITING;
	}
	rows_done(r, st);
	if (rc < 0)
		return -1; /* an error read as "no invoice" would hide them */
	return 0;
}

/* The sweep's open invoices, read once through the table (INVOICES_SWEEP_SQL)
 * and put in account order here: SQLite's sorter was a third of the run.
 * Their text in r->text, each field an offset into it. */
struct sweep_inv {
	size_t account, no, issue, due, currency, description, reference;
	int64_t amount, open, ref_no;
	int credit, has_ref;
};

static size_t keep_text(struct dun_run *r, const unsigned char *t)
{
	size_t n = t ? strlen((const char *)t) : 0, at = r->ntext;
	if (r->ntext + n + 1 > r->textcap) {
		r->textcap = 2 * (r->ntext + n + 1) + 4096;
		r->text = realloc(r->text, r->textcap);
		if (!r->text)
			abort();
	}
	if (n)
		memcpy(r->text + at, t, n);
	r->text[at + n] = '\0';
	r->ntext += n + 1;
	return at;
}

static const char *sweep_text; /* for sweep_inv_cmp (qsort has no argument) */

/* By account, due date, invoice number: INVOICES_ACCOUNT_SQL's order, by bytes. */
static int sweep_inv_cmp(const void *x, const void *y)
{
	const struct sweep_inv *p = x, *q = y;
	int c = strcmp(sweep_text + p->account, sweep_text + q->account);
	if (!c)
		c = strcmp(sweep_text + p->due, sweep_text + q->due);
	return c ? c : strcmp(sweep_text + p->no, sweep_text + q->no);
}

static int sweep_invoices(struct dun_run *r)
{
	sqlite3_stmt *st = db_prepare(r->db, INVOICES_SWEEP_SQL);
	if (!st)
		return -1;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->ninv == cap) {
			cap = cap ? 2 * cap : 1024;
			r->inv = realloc(r->inv, cap * sizeof *r->inv);
			if (!r->inv)
				abort();
		}
		struct sweep_inv *v = &r->inv[r->ninv++];
		v->no = keep_text(r, sqlite3_column_text(st, 0));
		v->issue = keep_text(r, sqlite3_column_text(st, 1));
		v->due = keep_text(r, sqlite3_column_text(st, 2));
		v->amount = sqlite3_column_int64(st, 3);
		v->open = sqlite3_column_int64(st, 4);
		v->currency = keep_text(r, sqlite3_column_text(st, 5));
		v->credit = sqlite3_column_int(st, 6);
		v->description = keep_text(r, sqlite3_column_text(st, 7));
		v->account = keep_text(r, sqlite3_column_text(st, 8));
		v->has_ref = sqlite3_column_type(st, 9) != SQLITE_NULL;
		v->reference = keep_text(r, sqlite3_column_text(st, 9));
		v->ref_no = sqlite3_column_int64(st, 10);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	sweep_text = r->text;
	if (r->ninv)
		qsort(r->inv, r->ninv, sizeof *r->inv, sweep_inv_cmp);
	sweep_text = NULL;
	return 0;
}

/* An account's open invoices from the sweep's (load_invoices_one's, with
 * what it asks of each invoice asked of the sets). */
static int load_invoices_sweep(struct dun_run *r, struct dun_account *a)
{
	if (!r->sets_read) {
		if (sweep_sets(r) || sweep_invoices(r))
			return -1;
		r->sets_read = 1;
	}
	/* whether the account has a promise or plan at all: once */
	int promised_all = set_has(r, SET_PROMISED, a->account_no, "");
	int promised_some = set_has_a(r, SET_PROMISED_INV, a->account_no);
	int planned_all = set_has(r, SET_PLANNED, a->account_no, "");
	int planned_some = set_has_a(r, SET_PLANNED_INV, a->account_no);
	size_t cap = 0;
	for (; r->inv_at < r->ninv; r->inv_at++) {
		const struct sweep_inv *row = &r->inv[r->inv_at];
		const char *T = r->text;
		int c = strcmp(T + row->account, a->account_no);
		if (c > 0)
			break;
		if (c < 0)
			continue; /* an account not asked about */
		if (row->credit) { /* an open credit note: set against what is overdue */
			a->credit += row->open;
			continue;
		}
		struct dun_invoice *v = new_invoice(&a->inv, &a->n, &cap);
		copy_cut(v->invoice_no, sizeof v->invoice_no, T + row->no);
		copy_cut(v->issue_date, sizeof v->issue_date, T + row->issue);
		const char *due = T + row->due;
		if (date_parse(due, strlen(due), DATE_ISO, &v->due) != 0)
			v->due = 0;
		v->amount = row->amount;
		v->open = row->open;
		copy_cut(v->currency, sizeof v->currency, T + row->currency);
		copy_cut(v->description, sizeof v->description, T + row->description);
		/* its payment reference: made when a message asks for it (dunning_invoice_reference) */
		copy_cut(v->ref_given, sizeof v->ref_given, T + row->reference);
		v->ref_no = row->ref_no;
		v->ref_shared = row->has_ref && set_has(r, SET_SHARED, T + row->reference, "");
		v->ref_later = 1;
		int disputed = set_has(r, SET_DISPUTED, v->invoice_no, "");
		int promised = promised_all ||
			       (promised_some && set_has(r, SET_PROMISED_INV, a->account_no, v->invoice_no));
		int planned = planned_all ||
			      (planned_some && set_has(r, SET_PLANNED_INV, a->account_no, v->invoice_no));
		v->state = disputed ? DUN_DISPUTED : promised ? DUN_PROMISED : planned ? DUN_PLAN : DUN_WAITING;
	}
	return 0;
}

static int load_invoices(struct dun_run *r, struct dun_account *a)
{
	return r->sweep ? load_invoices_sweep(r, a) : load_invoices_one(r, a);
}

/* The step of procedure p a journal entry took: the step with its
 * template (steps may have been added or removed since), else its number;
 * 0 when the entry was made under another procedure. */
static int step_taken(const struct procedure *p, const char *procedure, const char *template, int number)
{
	if (!procedure || strcmp(procedure, p->name))
		return 0;
	for (int k = 0; template && k < p->nsteps; k++)
		if (!strcmp(p->steps[k].template, template))
			return p->steps[k].step;
	return number <= p->nsteps ? number : p->nsteps;
}

/* 1 when step number s of p is one before the due date (pre-due). */
static int step_before_due(const struct procedure *p, int s)
{
	for (int k = 0; k < p->nsteps; k++)
		if (p->steps[k].step == s)
			return p->steps[k].days < 0;
	return 0;
}

/* The steps already taken, from the journal: per invoice, the highest of
 * its procedure, when, and the latest deadline any message gave (under
 * any procedure: the debtor was promised that time); and whether its
 * interest was waived. */
/* The journal's dunning entries and waivers, one row an invoice they
 * name, oldest first (the first entry to reach the highest step dates
 * it); column 7 the account. */
#define LEVELS_SQL \
	"SELECT j.value, json_extract(x.detail, '$.dunning.step'), " \
	"coalesce(json_extract(x.detail, '$.dunning.sent_on'), substr(x.at, 1, 10)), " \
	"json_extract(x.detail, '$.dunning.pay_by'), json_extract(x.detail, '$.dunning.procedure'), " \
	"json_extract(x.detail, '$.dunning.template'), x.detail LIKE '{\"interest_waived\":%', x.account_no " \
	/* and the waivers (relance interest waive): one pass over the journal */ \
	"FROM activities x, json_each(x.detail, iif(x.detail LIKE '{\"dunning\":%', '$.dunning.invoices', " \
	"                                            '$.interest_waived.invoices')) j " \
	"WHERE (x.detail LIKE '{\"dunning\":%' OR x.detail LIKE '{\"interest_waived\":%') AND json_valid(x.detail) "

static int load_levels(struct dun_run *r, struct dun_account *a)
{
	sqlite3_stmt *st = rows_stmt(r, &r->levels, LEVELS_SQL "ORDER BY +x.account_no, x.at, x.id, j.key",
				     LEVELS_SQL "AND x.account_no = ?1 ORDER BY x.at, x.id, j.key", a->account_no);
	if (!st)
		return -1;
	int rc;
	while ((rc = next_row(r, AT_LEVELS, st, 7, a->account_no)) == 1) {
		const char *inv = (const char *)sqlite3_column_text(st, 0);
		if (sqlite3_column_int(st, 6)) {
			for (size_t i = 0; inv && i < a->n; i++)
				if (!strcmp(a->inv[i].invoice_no, inv))
					a->inv[i].waived = 1;
			continue;
		}
		int step = step_taken(&a->proc, (const char *)sqlite3_column_text(st, 4),
				      (const char *)sqlite3_column_text(st, 5), sqlite3_column_int(st, 1));
		day_t pay_by = day_col(st, 3), sent = day_col(st, 2);
		for (size_t i = 0; inv && i < a->n; i++) {
			struct dun_invoice *v = &a->inv[i];
			if (strcmp(v->invoice_no, inv))
				continue;
			if (pay_by > v->level_pay_by)
				v->level_pay_by = pay_by;
			/* a pre-due message is no reminder: its deadline is the due date */
			if (step && !step_before_due(&a->proc, step) && (!v->first_pay_by || pay_by < v->first_pay_by))
				v->first_pay_by = pay_by;
			if (step > v->level)
				v->level = step, v->level_day = sent;
		}
	}
	rows_done(r, st);
	return rc == 0 ? 0 : -1; /* an error read as "nothing sent" would send again */
}

/* The invoices of a message on its way, or whose outcome is unknown
 * (dunning_pending): not sent again until it is resolved. Column 1 the
 * account. */
#define PENDING_SQL "SELECT j.value, p.account_no FROM dunning_pending p, json_each(p.detail, '$.dunning.invoices') j "

static int load_pending(struct dun_run *r, struct dun_account *a)
{
	sqlite3_stmt *st = rows_stmt(r, &r->pending, PENDING_SQL "ORDER BY +p.account_no",
				     PENDING_SQL "WHERE p.account_no = ?1", a->account_no);
	if (!st)
		return -1;
	int rc;
	while ((rc = next_row(r, AT_PENDING, st, 1, a->account_no)) == 1) {
		const char *inv = (const char *)sqlite3_column_text(st, 0);
		for (size_t i = 0; inv && i < a->n; i++)
			if (!strcmp(a->inv[i].invoice_no, inv))
				a->inv[i].pending = 1;
	}
	rows_done(r, st);
	return rc == 0 ? 0 : -1; /* an error read as "none pending" would send again */
}

/* The payments tied to each invoice of inv (open ones, or closed ones:
 * `closed`): the ledger's that name it and what the bank's matched
 * credits paid of it (money_received: a bank payment dates the fall of
 * the open amount, so interest stops that day), read through the
 * account's indexes (the account bound in the view, which cannot be
 * reached from i); what dates the interest's periods (a payment naming no
 * invoice dates nothing). Appended to a->paid. */
static int load_paid(sqlite3 *db, sqlite3_stmt **slot, struct dun_account *a, struct dun_invoice *inv, size_t n,
		     int closed)
{
	if (!*slot)
		*slot = db_prepare(db,
			/* money_received's two parts that name an invoice, each
			 * through its index: through the view, each account's
			 * call cost an index made for it */
			"SELECT p.invoice_no, p.date, p.amount FROM invoices i "
			"JOIN payments p ON p.invoice_no = i.invoice_no "
			"WHERE i.account_no = ?1 AND i.status = iif(?2, 'closed', 'open') AND p.amount > 0 "
			"AND p.account_no = ?1 "
			"UNION ALL SELECT a.invoice_no, m.booking_date, a.amount FROM bank_movements m "
			"JOIN bank_allocations a ON a.movement_id = m.id JOIN invoices i ON i.invoice_no = a.invoice_no "
			"WHERE m.account_no = ?1 AND m.status = 'matched' AND m.ledger_payment IS NULL "
			"AND i.status = iif(?2, 'closed', 'open') "
			"ORDER BY 1, 2");
	sqlite3_stmt *st = *slot;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, a->account_no, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, closed);
	size_t cap = a->npaid;
	struct dun_invoice *v = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *no = (const char *)sqlite3_column_text(st, 0);
		day_t day = day_col(st, 1);
		if (!no || !day)
			continue;
		if (!v || strcmp(v->invoice_no, no)) {
			v = NULL;
			for (size_t i = 0; i < n && !v; i++)
				if (!strcmp(inv[i].invoice_no, no))
					v = &inv[i], v->paid_at = a->npaid;
			if (!v)
				continue; /* a credit note's, or not one asked for */
		}
		if (a->npaid == cap) {
			cap = cap ? 2 * cap : 8;
			struct interest_paid *grown = realloc(a->paid, cap * sizeof *grown);
			if (!grown)
				abort();
			a->paid = grown;
		}
		a->paid[a->npaid++] = (struct interest_paid){day, sqlite3_column_int64(st, 2)};
		v->npaid++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1; /* an error read as "never paid" would claim too much */
}

/* The invoices of inv whose interest was waived (relance interest waive). */
static int load_waived(sqlite3 *db, sqlite3_stmt **slot, struct dun_account *a, struct dun_invoice *inv, size_t n)
{
	if (!*slot)
		*slot = db_prepare(db,
		"SELECT j.value FROM activities x, json_each(x.detail, '$.interest_waived.invoices') j "
		"WHERE x.account_no = ?1 AND x.detail LIKE '{\"interest_waived\":%' AND json_valid(x.detail)");
	sqlite3_stmt *st = *slot;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, a->account_no, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *no = (const char *)sqlite3_column_text(st, 0);
		for (size_t i = 0; no && i < n; i++)
			if (!strcmp(inv[i].invoice_no, no))
				inv[i].waived = 1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void decide(const struct procedure *p, struct dun_invoice *v, int hold, day_t today)
{
	if (v->state != DUN_WAITING)
		return; /* disputed, promised or under a plan: that says more than a hold */
	if (hold) {
		v->state = DUN_HOLD;
		return;
	}
	int k = 0;
	while (k < p->nsteps && p->steps[k].step <= v->level)
		k++;
	/* the steps before the due date are for invoices not yet due */
	while (v->level == 0 && k < p->nsteps && p->steps[k].days < 0 && today >= v->due)
		k++;
	if (k >= p->nsteps) {
		v->state = DUN_DONE;
		return;
	}
	const struct step *s = &p->steps[k];
	day_t day = v->due + s->days;
	if (v->level > 0) {
		const struct step *prev = NULL;
		for (int i = 0; i < p->nsteps; i++)
			if (p->steps[i].step == v->level)
				prev = &p->steps[i];
		if (prev && v->level_day + (s->days - prev->days) > day)
			day = v->level_day + (s->days - prev->days);
	}
	if (v->level_pay_by && v->level_pay_by + 1 > day)
		day = v->level_pay_by + 1;
	v->next = s->step;
	v->next_day = day;
	v->state = day <= today && !v->pending ? DUN_DUE : DUN_WAITING;
}

struct dun_run *dunning_run_begin(sqlite3 *db)
{
	struct dun_run *r = calloc(1, sizeof *r);
	if (!r)
		abort();
	r->db = db;
	return r;
}

struct dun_run *dunning_run_sweep(sqlite3 *db)
{
	struct dun_run *r = dunning_run_begin(db);
	r->sweep = 1;
	return r;
}

void dunning_run_end(struct dun_run *r)
{
	if (!r)
		return;
	sqlite3_finalize(r->account);
	sqlite3_finalize(r->invoices);
	sqlite3_finalize(r->levels);
	sqlite3_finalize(r->pending);
	sqlite3_finalize(r->paid);
	dun_templates_free(&r->tpls);
	for (size_t i = 0; i < r->nset; i++) {
		free(r->set[i].a);
		free(r->set[i].b);
	}
	free(r->set);
	free(r->inv);
	free(r->text);
	free(r);
}

/* Procedure `name` (load_account found it), read once a run. */
static int account_procedure(struct dun_run *r, const char *name, struct procedure *p)
{
	for (int i = 0; i < r->nprocs; i++)
		if (!strcmp(r->procs[i].name, name)) {
			*p = r->procs[i];
			return 0;
		}
	char wanted[33];
	snprintf(wanted, sizeof wanted, "%s", name);
	if (procedure_load(r->db, wanted, p) < 0)
		return -1;
	if (r->nprocs < RUN_PROCEDURES)
		r->procs[r->nprocs++] = *p;
	return 0;
}

/* 1 when some invoice was paid in part: only then do payments date the
 * amount due (an invoice whose open amount is its amount was due whole). */
static int partly_paid(const struct dun_account *a)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->inv[i].open != a->inv[i].amount)
			return 1;
	return 0;
}

int dunning_account_in(struct dun_run *r, const char *account_no, day_t today, struct dun_account *a)
{
	memset(a, 0, sizeof *a);
	int rc = load_account(r, account_no, a);
	if (rc)
		return rc;
	if (account_procedure(r, a->proc.name, &a->proc) || load_invoices(r, a) || load_levels(r, a) ||
	    load_pending(r, a) || (partly_paid(a) && load_paid(r->db, &r->paid, a, a->inv, a->n, 0))) {
		dunning_account_free(a);
		return -1;
	}
	a->today = today;
	if (r->sweep && !r->rates_read) { /* one snapshot: the rates do not change under it */
		char err[200];
		r->rates_read = interest_rates_load(r->db, company.country, &r->rates, err, sizeof err) ? -1 : 1;
	}
	if (r->rates_read == 1 && !strcmp(r->rates.country, company.country))
		a->rates = &r->rates;
	int64_t overdue = 0;
	for (size_t i = 0; i < a->n; i++) {
		decide(&a->proc, &a->inv[i], a->hold, today);
		if (a->inv[i].state == DUN_DUE || a->inv[i].state == DUN_WAITING)
			overdue += a->inv[i].due < today ? a->inv[i].open : 0;
	}
	/* open credit notes that cover what is overdue: nothing to chase */
	if (a->credit < 0 && overdue + a->credit <= 0)
		for (size_t i = 0; i < a->n; i++)
			if (a->inv[i].state == DUN_DUE || a->inv[i].state == DUN_WAITING)
				a->inv[i].state = DUN_CREDIT;
	return 0;
}

int dunning_account(sqlite3 *db, const char *account_no, day_t today, struct dun_account *a)
{
	struct dun_run *r = dunning_run_begin(db);
	int rc = dunning_account_in(r, account_no, today, a);
	dunning_run_end(r);
	return rc;
}

int64_t dunning_payable(const struct dun_account *a)
{
	int64_t sum = 0;
	for (size_t i = 0; i < a->n; i++)
		if (a->inv[i].due < a->today && a->inv[i].state != DUN_DISPUTED && !strcmp(a->inv[i].currency, "EUR"))
			sum += a->inv[i].open;
	return sum;
}

void dunning_account_free(struct dun_account *a)
{
	free(a->inv);
	a->inv = NULL;
	a->n = 0;
	free(a->paid);
	a->paid = NULL;
	a->npaid = 0;
	free(a->late);
	a->late = NULL;
	a->nlate = 0;
}

int dunning_load_paid_late(sqlite3 *db, struct dun_account *a)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT i.invoice_no, coalesce(i.issue_date, ''), i.due_date, i.amount, i.currency "
		"FROM invoices i WHERE i.account_no = ?1 AND i.status = 'closed' AND i.kind = 'invoice' "
		/* money_received's parts that name an invoice, each through its index */
		"AND (EXISTS (SELECT 1 FROM payments p WHERE p.invoice_no = i.invoice_no AND p.account_no = ?1 "
		"             AND p.amount > 0 AND p.date > i.due_date) "
		"  OR EXISTS (SELECT 1 FROM bank_movements m JOIN bank_allocations a ON a.movement_id = m.id "
		"             WHERE m.account_no = ?1 AND m.status = 'matched' AND m.ledger_payment IS NULL "
		"             AND a.invoice_no = i.invoice_no AND m.booking_date > i.due_date)) "
		"ORDER BY i.due_date, i.invoice_no");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, a->account_no, -1, SQLITE_STATIC);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dun_invoice *v = invoice_row(st, &a->late, &a->nlate, &cap);
		text_col(st, 4, v->currency, sizeof v->currency);
		v->state = DUN_DONE;
	}
	sqlite3_finalize(st);
	sqlite3_stmt *paid = NULL, *waived = NULL;
	if (rc != SQLITE_DONE || load_paid(db, &paid, a, a->late, a->nlate, 1) ||
	    load_waived(db, &waived, a, a->late, a->nlate))
		rc = -1;
	sqlite3_finalize(paid);
	sqlite3_finalize(waived);
	return rc == -1 ? -1 : 0;
}

int dunning_collect(const struct dun_account *a, int step, enum dun_collect mode, struct dun_message *m)
{
	int explicit = step != 0;
	memset(m, 0, sizeof *m);
	m->a = a;
	if (mode == DUN_COLLECT_NEXT) { /* what is due comes first */
		int due = 0;
		for (size_t i = 0; i < a->n; i++)
			due |= a->inv[i].state == DUN_DUE;
		if (due)
			mode = DUN_COLLECT_DUE;
	}
	if (mode != DUN_COLLECT_ALL && step == 0) {
		day_t first = 0; /* nothing due: the step that comes first */
		for (size_t i = 0; i < a->n; i++) {
			const struct dun_invoice *v = &a->inv[i];
			if (mode == DUN_COLLECT_DUE ? v->state == DUN_DUE && (!step || v->next < step)
			    : v->state == DUN_WAITING && (!first || v->next_day < first ||
							  (v->next_day == first && v->next < step)))
				step = v->next, first = v->next_day;
		}
		if (step == 0)
			return 0;
	}
	if (step == 0) { /* on demand: the account's furthest next step */
		for (size_t i = 0; i < a->n; i++)
			if (a->inv[i].due < a->today && a->inv[i].next > step)
				step = a->inv[i].next;
		for (size_t i = 0; step == 0 && i < a->n; i++)
			if (a->inv[i].state == DUN_DONE)
				step = a->proc.nsteps ? a->proc.steps[a->proc.nsteps - 1].step : 0;
	}
	for (int k = 0; k < a->proc.nsteps; k++)
		if (a->proc.steps[k].step == step)
			m->step = &a->proc.steps[k];
	/* a letter on demand is for the debtor: not a task's checklist */
	if (mode == DUN_COLLECT_ALL && !explicit)
		while (m->step && !channel_reaches_debtor(m->step->channel))
			m->step = m->step > a->proc.steps ? m->step - 1 : NULL;
	if (!m->step)
		return 0;
	const char *currency = NULL; /* one currency a message */
	m->which = malloc((a->n ? a->n : 1) * sizeof *m->which);
	if (!m->which)
		abort();
	for (size_t i = 0; i < a->n; i++) {
		const struct dun_invoice *v = &a->inv[i];
		int take;
		if (mode == DUN_COLLECT_ALL)
			take = v->due < a->today && (v->state == DUN_DUE || v->state == DUN_WAITING ||
						     v->state == DUN_DONE || v->state == DUN_HOLD);
		else
			take = (v->state == DUN_DUE || (mode == DUN_COLLECT_NEXT && v->state == DUN_WAITING)) &&
			       v->next == step;
		if (take && currency && strcmp(currency, v->currency))
			take = 0;
		if (take) {
			currency = v->currency;
			m->which[m->n++] = i;
		}
	}
	return (int)m->n;
}

const char *dunning_invoice_reference(struct dun_invoice *v)
{
	if (v->ref_later) {
		payref_invoice_of(v->ref_given, v->ref_no, v->ref_shared,
				  company_reference_kind(), v->reference);
		v->ref_later = 0;
	}
	return v->reference;
}
