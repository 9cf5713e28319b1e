/* sync_import.c — `import changes`: one change file applied whole or not
 * at all, by rules that make copies converge whatever order files arrive
 * in.
 *
 * The file is read into an attached in-memory database (stage) with
 * SQLite's changeset iterator; then every unit gets a verdict against this
 * book's version of it (sync_rows):
 *   new     this book does not have it
 *   same    this book has that very version (already there)
 *   newer   the file's version was made on top of ours, or ranks above it
 *   older   ours was made on top of the file's, or ranks above it
 *   won     made apart from ours (a conflict), and ranks above it
 *   lost    made apart from ours, and ranks below it
 * Versions rank by (rev, at, copy): the same order on every copy, so the
 * greatest version of a unit ends up everywhere. Two versions conflict
 * when they were made on top of the same version, or ours was made here
 * and not sent yet when theirs was made (it cannot have seen it), or one
 * deletes what the other changes. A conflict's loser is kept as a journal
 * entry whose id derives from the two versions, so that every copy that
 * sees the conflict makes the same entry. Journal entries never conflict. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"
#include "base/lib.h"
#include "work/lib.h"
#include "sync.h"
#include "changeset_read.h"

#define WINS "('new', 'newer', 'won')"

/* The columns of schema.table into sb: "a, b, c", or with `set`
 * "a = excluded.a, ..." (an upsert's SET). Their number, or -1. */
static int columns(sqlite3 *db, const char *schema, const char *table, int set, struct sbuf *sb)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name FROM pragma_table_info(?1, ?2) ORDER BY cid");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, schema, -1, SQLITE_STATIC);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);
		sbuf_printf(sb, "%s%s", n++ ? ", " : "", c);
		if (set)
			sbuf_printf(sb, " = excluded.%s", c);
	}
	sqlite3_finalize(st);
	return n;
}

/* Runs sql (a statement built from table and column names only). */
static int run(sqlite3 *db, struct sbuf *sql)
{
	int rc = db_exec(db, sql->s ? sql->s : "");
	sql->len = 0;
	if (sql->s)
		sql->s[0] = '\0';
	return rc;
}

/* Binds v, which points into the change set (alive until the statement
 * has run), as SQLite's changeset iterator would give it: a NaN real is a
 * NULL there too (sqlite3_bind_double). */
static int bind(sqlite3_stmt *st, int i, const struct changeset_value *v)
{
	switch (v->type) {
	case SQLITE_INTEGER: return sqlite3_bind_int64(st, i, v->i);
	case SQLITE_FLOAT: return sqlite3_bind_double(st, i, v->d);
	case SQLITE_TEXT: return sqlite3_bind_text64(st, i, (const char *)v->p, v->n, SQLITE_STATIC, SQLITE_UTF8);
	case SQLITE_BLOB: return sqlite3_bind_blob64(st, i, v->p, v->n, SQLITE_STATIC);
	default: return sqlite3_bind_null(st, i);
	}
}

/* Reads the changeset into stage's tables. 0, or -1 after a message.
 * Each value is checked by the rules of sync_validate.c as it is read:
 * suspect[i] is set for a table i of sync_tables that has one these
 * cannot pass (or that a column may store otherwise), to be checked whole
 * (stage_valid); the others would pass it. */
static int stage_rows(sqlite3 *db, const char *path, void *cs, size_t n, unsigned char *suspect)
{
	/* one statement a table that travels, and one for the versions */
	enum { NSTMT = 40 };
	if (sync_ntables + 1 > NSTMT)
		abort(); /* a table more than this function was made for: raise NSTMT */
	sqlite3_stmt *ins[NSTMT] = {0};
	int ncols[NSTMT] = {0};
	struct sync_columns *checks = calloc(NSTMT, sizeof *checks);
	/* read in place (changeset_read.c): the file passed changeset_check */
	struct changeset_reader *it = malloc(sizeof *it);
	int rc = it && checks ? 0 : -1;
	const char *why = rc ? "its change set cannot be read" : NULL;
	char whybuf[256];
	int step = 0;
	const char *last = NULL; /* the table of the last row, and its slot */
	size_t k = 0;
	if (it)
		changeset_read_start(it, cs, n);
	while (rc == 0 && (step = changeset_read_next(it)) == 1) {
		const char *tab = it->table;
		int ncol = it->ncol;
		if (tab != last) { /* a table header: rows of one table come together */
			if (!strcmp(tab, "sync_versions"))
				k = sync_ntables;
			else if (sync_table_named(tab))
				k = (size_t)(sync_table_named(tab) - sync_tables);
			else {
				snprintf(whybuf, sizeof whybuf, "it holds rows of table %.64s, which copies do not exchange",
					 strspn(tab, "abcdefghijklmnopqrstuvwxyz_") == strlen(tab) ? tab : "(a strange name)");
				why = whybuf, rc = -1;
				break;
			}
			last = tab;
		}
		if (!ins[k]) {
			struct sbuf cols = {0}, sql = {0};
			ncols[k] = columns(db, "stage", k == sync_ntables ? "sync_versions" : tab, 0, &cols);
			if (ncol > ncols[k]) {
				snprintf(whybuf, sizeof whybuf, "table %.64s has %d columns in it, %d in this book: "
					 "it was made by a newer relance", tab, ncol, ncols[k]);
				why = whybuf, rc = -1;
				sbuf_free(&cols);
				break;
			}
			/* a file from an older schema has a table's first columns */
			char *c = cols.s;
			for (int i = 0, commas = 0; c && c[i]; i++)
				if (c[i] == ',' && ++commas == ncol) {
					c[i] = '\0';
					break;
				}
			sbuf_printf(&sql, "INSERT INTO stage.%s(%s) VALUES (?", k == sync_ntables ? "sync_versions" : tab,
				    c ? c : "");
			for (int i = 1; i < ncol; i++)
				sbuf_puts(&sql, ", ?");
			sbuf_puts(&sql, ")");
			ins[k] = db_prepare(db, sql.s);
			ncols[k] = ncol;
			if (k < sync_ntables && sync_columns_of(db, "stage", tab, &checks[k]))
				rc = -1;
			sbuf_free(&cols);
			sbuf_free(&sql);
			if (!ins[k] || rc) {
				rc = -1;
				break;
			}
		}
		if (ncol != ncols[k]) {
			why = "a table's rows do not all have the same columns", rc = -1;
			break;
		}
		int bound = 1; /* a value too long for SQLite is not bound: the last row's would stay */
		for (int i = 0; i < ncol; i++) {
			const struct changeset_value *v = &it->v[i];
			bound &= bind(ins[k], i + 1, v) == SQLITE_OK;
			if (k < sync_ntables && !suspect[k] &&
			    !sync_value_passes(&checks[k], i, v->type, v->i, (const char *)v->p, v->n))
				suspect[k] = 1;
		}
		if (!bound || sqlite3_step(ins[k]) != SQLITE_DONE) {
			snprintf(whybuf, sizeof whybuf, "a row of %.64s is not valid: %.120s", tab, sqlite3_errmsg(db));
			why = whybuf, rc = -1;
		}
		sqlite3_reset(ins[k]);
	}
	if (rc == 0 && step != 0)
		why = "its change set is damaged", rc = -1;
	free(it);
	free(checks);
	for (int j = 0; j < NSTMT; j++)
		sqlite3_finalize(ins[j]);
	if (rc && why)
		msg_error("%s: %s; nothing was changed", path, why);
	return rc;
}

/* Every unit has its head row (unless deleted), every head row a unit.
 * A head row and its unit share a key that is unique on both sides, so
 * the two agree when the rows, the live units and the pairs of them are
 * as many: one pass of lookups, not a set of keys built per direction. */
static int stage_consistent(sqlite3 *db, const char *path, long long units)
{
	struct sbuf sql = {0};
	long long bad = 0;
	for (size_t i = 0; i < sync_ntables; i++) {
		const struct sync_table *t = &sync_tables[i];
		const char *h = t->head ? t->head : t->name;
		/* a lookup of its unit a row (the keys of heads' rows are TEXT NOT
		 * NULL, as the units' keys): NOT IN built the set of the units'
		 * keys first, 100,000 of them for a file of every account */
		if (t->head)
			sbuf_printf(&sql, "SELECT count(*) FROM stage.%s r WHERE NOT EXISTS (SELECT 1 FROM "
				    "stage.sync_versions v WHERE v.tbl = '%s' AND v.key = r.%s AND v.gone = 0)",
				    t->name, h, t->key);
		else
			sbuf_printf(&sql, "SELECT (SELECT count(*) FROM stage.%s) + (SELECT count(*) FROM "
				    "stage.sync_versions WHERE tbl = '%s' AND gone = 0) - 2 * (SELECT count(*) FROM "
				    "stage.%s r JOIN stage.sync_versions v ON v.tbl = '%s' AND v.key = r.%s AND v.gone = 0)",
				    t->name, t->name, t->name, t->name, t->key);
		bad += db_int(db, sql.s);
		sql.len = 0;
	}
	/* and every unit is of a table that has units */
	sbuf_puts(&sql, "SELECT count(*) FROM stage.sync_versions WHERE tbl NOT IN (");
	for (size_t i = 0, n = 0; i < sync_ntables; i++)
		if (!sync_tables[i].head)
			sbuf_printf(&sql, "%s'%s'", n++ ? ", " : "", sync_tables[i].name);
	sbuf_puts(&sql, ")");
	long long stray = db_int(db, sql.s);
	sbuf_free(&sql);
	long long have = db_int(db, "SELECT count(*) FROM stage.sync_versions");
	if (bad || stray || have != units) {
		msg_error("%s: damaged: its rows and their versions do not match (%lld units, %lld listed in its "
			  "header); nothing was changed", path, have, units);
		return -1;
	}
	return 0;
}

/* What no copy ever sends: a journal entry deleted; and the tables with
 * a value that stage_rows could not pass, checked whole. */
static int stage_valid(sqlite3 *db, const char *path, const unsigned char *suspect)
{
	if (db_int(db, "SELECT count(*) FROM stage.sync_versions WHERE tbl = 'activities' AND gone") > 0) {
		msg_error("%s: it deletes journal entries, which no copy of the book does; nothing was changed", path);
		return -1;
	}
	return sync_rows_valid_some(db, "stage", path, suspect);
}

/* Every unit's verdict, counted into r; stage.decide keeps those of the
 * units that may change the book (WINS and 'lost'): what the merge, the
 * conflicts and the cached figures read. The units already here, or here
 * in a later version, are most of a file (a copy sends back what it
 * received): counted only, not written. */
static int decide(struct book *b, struct sync_import_result *r)
{
	sqlite3 *db = b->db;
	if (db_exec(db, "CREATE TABLE stage.decide (tbl TEXT NOT NULL, key TEXT NOT NULL, verdict TEXT NOT NULL, "
			"PRIMARY KEY (tbl, key)) WITHOUT ROWID"))
		return -1;
	/* apart: made without either seeing the other (see the top of the file) */
#define APART "((v.base_at IS l.base_at AND v.base_copy IS lb.id) " \
	      " OR (lc.id = ?1 AND l.seq > ?2) OR v.gone <> l.gone)"
	sqlite3_stmt *st = db_prepare(db,
		"SELECT v.tbl, v.key, CASE "
		" WHEN l.key IS NULL THEN 'new' "
		" WHEN v.rev = l.rev AND v.at = l.at AND v.copy = lc.id THEN 'same' "
		" WHEN v.tbl = 'activities' THEN 'same' " /* one id, one entry: the journal never conflicts */
		" WHEN (v.rev, v.at, v.copy) > (l.rev, l.at, lc.id) THEN "
		"  iif(v.copy = lc.id OR (v.base_at IS l.at AND v.base_copy IS lc.id) OR NOT " APART ", "
		"      'newer', 'won') "
		" ELSE iif(v.copy = lc.id OR (l.base_at IS v.at AND lb.id IS v.copy) OR NOT " APART ", "
		"          'older', 'lost') END "
		"FROM stage.sync_versions v LEFT JOIN main.sync_rows l ON l.tbl = v.tbl AND l.key = v.key "
		"LEFT JOIN main.sync_copies lc ON lc.n = l.copy LEFT JOIN main.sync_copies lb ON lb.n = l.base_copy");
#undef APART
	sqlite3_stmt *ins = db_prepare(db, "INSERT INTO stage.decide(tbl, key, verdict) VALUES (?1, ?2, ?3)");
	if (!st || !ins) {
		sqlite3_finalize(st);
		sqlite3_finalize(ins);
		return -1;
	}
	sqlite3_bind_text(st, 1, b->copy_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, db_int(db, "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM book_meta "
					     "WHERE key = 'sync_exported'), 0)"));
	int rc = 0, step;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 2);
		if (!strcmp(v, "same")) {
			r->same++;
			continue;
		}
		if (!strcmp(v, "older")) {
			r->older++;
			continue;
		}
		if (!strcmp(v, "new")) {
			r->new_++;
			r->journal_new += !strcmp((const char *)sqlite3_column_text(st, 0), "activities");
		} else
			(*(!strcmp(v, "newer") ? &r->newer : !strcmp(v, "won") ? &r->won : &r->lost))++;
		/* the row's text stays valid until the next step */
		for (int i = 0; i < 3; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(st, i));
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(ins);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = -1;
	if (rc)
		msg_error("database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	return rc;
}

/* A conflict found before the merge, journaled after it (its account may
 * come in the same file). */
struct conflict {
	char id[UID_LEN + 1], at[24], copy[40], account[80];
	char *summary;
	char *body; /* an overwrite's fields, before and after; NULL for a conflict */
};

struct conflicts {
	struct conflict *v;
	size_t n;
};

static void conflicts_free(struct conflicts *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].summary), free(c->v[i].body);
	free(c->v);
}

/* "2026-12-01T05:51:09.969Z" as "2026-12-01 05:51:09" */
static void when(const char *at, char out[20])
{
	snprintf(out, 20, "%.10s %.8s", at, strlen(at) > 11 ? at + 11 : "");
}

/* The fields in which two versions of a head row differ, one per line:
 * "status: cancelled (kept: open)". */
static void differences(sqlite3 *db, const struct sync_table *t, const char *key, int file_won, struct sbuf *out)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT * FROM main.%s WHERE %s = ?1", t->name, t->key);
	sqlite3_stmt *ours = db_prepare(db, sql);
	snprintf(sql, sizeof sql, "SELECT * FROM stage.%s WHERE %s = ?1", t->name, t->key);
	sqlite3_stmt *theirs = db_prepare(db, sql);
	if (ours && theirs) {
		sqlite3_bind_text(ours, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(theirs, 1, key, -1, SQLITE_STATIC);
		int a = sqlite3_step(ours) == SQLITE_ROW, b = sqlite3_step(theirs) == SQLITE_ROW;
		sqlite3_stmt *loser = file_won ? ours : theirs, *winner = file_won ? theirs : ours;
		int has_loser = file_won ? a : b, has_winner = file_won ? b : a;
		if (!has_loser || !has_winner)
			sbuf_printf(out, "%s\n", has_winner ? "it had been deleted" : "it was deleted");
		for (int i = 0; has_loser && has_winner && i < sqlite3_column_count(ours); i++) {
			const char *l = (const char *)sqlite3_column_text(loser, i);
			const char *w = (const char *)sqlite3_column_text(winner, i);
			if ((l == NULL) != (w == NULL) || (l && strcmp(l, w)))
				sbuf_printf(out, "%s: %s (kept: %s)\n", sqlite3_column_name(ours, i), l ? l : "(none)",
					    w ? w : "(none)");
		}
	}
	sqlite3_finalize(ours);
	sqlite3_finalize(theirs);
}

/* The account a unit belongs to, from this book or the file. */
static void account_of(sqlite3 *db, const struct sync_table *t, const char *key, char out[80])
{
	char sql[320];
	out[0] = '\0';
	if (!t->account)
		return;
	snprintf(sql, sizeof sql, "SELECT %s FROM main.%s WHERE %s = ?1 UNION ALL SELECT %s FROM stage.%s WHERE %s = ?1",
		 t->account, t->name, t->key, t->account, t->name, t->key);
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, 80, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Lists the conflicts on `report` and prepares their journal entries;
 * and the entries of the overwrites: a newer version from one copy that
 * replaces a unit another copy made last (the rules' verdicts aside),
 * with the fields it changed, so that no copy changes another's work
 * without a trace. */
static int find_conflicts(sqlite3 *db, const char *path, FILE *report, struct conflicts *c)
{
	sqlite3_stmt *q = db_prepare(db,
		"SELECT d.tbl, d.key, d.verdict <> 'lost', v.rev, v.at, v.copy, v.gone, l.rev, l.at, lc.id, l.gone, "
		" d.verdict = 'newer' "
		"FROM stage.decide d JOIN stage.sync_versions v ON v.tbl = d.tbl AND v.key = d.key "
		"JOIN main.sync_rows l ON l.tbl = d.tbl AND l.key = d.key JOIN main.sync_copies lc ON lc.n = l.copy "
		"WHERE d.verdict IN ('won', 'lost') OR (d.verdict = 'newer' AND d.tbl <> 'activities' "
		" AND lc.id <> v.copy AND lc.id <> 'rules' AND v.copy <> 'rules') ORDER BY d.tbl, d.key");
	if (!q)
		return -1;
	int rc = 0;
	while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
		const struct sync_table *t = sync_table_named((const char *)sqlite3_column_text(q, 0));
		const char *key = (const char *)sqlite3_column_text(q, 1);
		int file_won = sqlite3_column_int(q, 2);
		/* columns of the winner and the loser: file 3..6, ours 7..10 */
		int w = file_won ? 3 : 7, l = file_won ? 7 : 3;
		char w_at[32], l_at[32];
		sync_time_iso(sqlite3_column_int64(q, w + 1), 1, w_at);
		sync_time_iso(sqlite3_column_int64(q, l + 1), 1, l_at);
		const char *w_copy = (const char *)sqlite3_column_text(q, w + 2);
		const char *l_copy = (const char *)sqlite3_column_text(q, l + 2);
		int w_gone = sqlite3_column_int(q, w + 3), l_gone = sqlite3_column_int(q, l + 3);
		int overwrite = sqlite3_column_int(q, 11);
		struct conflict *nv = realloc(c->v, (c->n + 1) * sizeof *nv);
		if (nv)
			c->v = nv;
		if (!t || !nv) {
			rc = -1;
			break;
		}
		struct conflict *x = &c->v[c->n++];
		memset(x, 0, sizeof *x);
		char name[512], lw[20], ww[20];
		snprintf(name, sizeof name, "%s\n%s\n%s\n%lld %s %s\n%lld %s %s", overwrite ? "overwrite" : "conflict",
			 t->name, key,
			 (long long)sqlite3_column_int64(q, l), l_at, l_copy, (long long)sqlite3_column_int64(q, w),
			 w_at, w_copy);
		uid_from_name(name, x->id);
		snprintf(x->at, sizeof x->at, "%.19sZ", w_at);
		snprintf(x->copy, sizeof x->copy, "%s", l_copy);
		account_of(db, t, key, x->account);
		when(l_at, lw);
		when(w_at, ww);
		struct sbuf s = {0}, body = {0};
		/* every copy that sees this conflict writes the same entry: made
		 * of the two versions alone (the rows' fields may differ by what
		 * the rules derived on each copy, so they go to the report only) */
		if (overwrite)
			sbuf_printf(&s, "Changed on another copy: %s %s, last %s on copy %s at %s, was %s on copy %s "
				    "at %s", t->what, key, l_gone ? "deleted" : "changed", uid_short(l_copy), lw,
				    w_gone ? "deleted" : "changed", uid_short(w_copy), ww);
		else
			sbuf_printf(&s, "Conflict: %s %s %s on two copies; the %s made on copy %s at %s gave way to "
				    "the %s made on copy %s at %s", t->what, key, w_gone || l_gone ? "deleted and changed"
				    : "changed", l_gone ? "deletion" : "change", uid_short(l_copy), lw,
				    w_gone ? "deletion" : "change", uid_short(w_copy), ww);
		differences(db, t, key, file_won, &body);
		x->summary = s.s;
		if (overwrite) { /* the two versions' fields, in the journal: "amount: 50000 (now: 1)" */
			struct sbuf was = {0};
			for (char *p = body.s, *nl; p && *p; p = nl + 1) {
				nl = strchr(p, '\n');
				*nl = '\0';
				char *kept = strstr(p, " (kept: ");
				if (kept)
					sbuf_printf(&was, "%.*s (now: %s\n", (int)(kept - p), p, kept + 8);
				else
					sbuf_printf(&was, "%s\n", p);
				*nl = '\n';
			}
			x->body = was.s;
			sbuf_free(&body);
			continue; /* not a conflict: the journal says it, the report does not */
		}
		table_put_safe(report, path);
		fputs(": ", report);
		table_put_safe(report, x->summary);
		if (x->account[0]) {
			fputs(" (account ", report);
			table_put_safe(report, x->account);
			fputc(')', report);
		}
		fputc('\n', report);
		for (char *p = body.s, *nl; p && *p; p = nl + 1) {
			nl = strchr(p, '\n');
			*nl = '\0';
			fputs("    ", report);
			table_put_safe(report, p);
			fputc('\n', report);
		}
		sbuf_free(&body);
	}
	sqlite3_finalize(q);
	return rc;
}

/* Brings the winning units into the book: their old belongings out, the
 * deleted ones deleted, the others written as the file has them. */
static int merge(sqlite3 *db)
{
	struct sbuf sql = {0}, cols = {0}, set = {0};
	int rc = sync_quiet(db, 1); /* the versions are the file's, not new ones */
	for (size_t i = 0; rc == 0 && i < sync_ntables; i++) {
		const struct sync_table *t = &sync_tables[i];
		if (!t->head)
			continue;
		sbuf_printf(&sql, "DELETE FROM main.%s WHERE %s IN (SELECT key FROM stage.decide WHERE tbl = '%s' "
			    "AND verdict IN " WINS ")", t->name, t->key, t->head);
		rc = run(db, &sql);
	}
	for (size_t i = sync_ntables; rc == 0 && i-- > 0;) {
		const struct sync_table *t = &sync_tables[i];
		if (t->head || !strcmp(t->name, "activities")) /* the journal is never deleted from */
			continue;
		sbuf_printf(&sql, "DELETE FROM main.%s WHERE %s IN (SELECT d.key FROM stage.decide d "
			    "JOIN stage.sync_versions v ON v.tbl = d.tbl AND v.key = d.key "
			    "WHERE d.tbl = '%s' AND v.gone AND d.verdict IN " WINS ")", t->name, t->key, t->name);
		rc = run(db, &sql);
	}
	for (size_t i = 0; rc == 0 && i < sync_ntables; i++) {
		const struct sync_table *t = &sync_tables[i];
		cols.len = set.len = 0;
		if (columns(db, "main", t->name, 0, &cols) < 0 || columns(db, "main", t->name, 1, &set) < 0) {
			rc = -1;
			break;
		}
		const char *unit = t->head ? t->head : t->name;
		if (!strcmp(t->name, "activities"))
			sbuf_printf(&sql, "INSERT OR IGNORE INTO main.activities(%s) SELECT %s FROM stage.activities "
				    "WHERE id IN (SELECT key FROM stage.decide WHERE tbl = 'activities' AND verdict IN "
				    WINS ")", cols.s, cols.s);
		else if (!t->head)
			sbuf_printf(&sql, "INSERT INTO main.%s(%s) SELECT %s FROM stage.%s WHERE %s IN (SELECT key "
				    "FROM stage.decide WHERE tbl = '%s' AND verdict IN " WINS ") "
				    "ON CONFLICT (%s) DO UPDATE SET %s",
				    t->name, cols.s, cols.s, t->name, t->key, unit, t->key, set.s);
		else
			sbuf_printf(&sql, "INSERT INTO main.%s(%s) SELECT %s FROM stage.%s WHERE %s IN (SELECT key "
				    "FROM stage.decide WHERE tbl = '%s' AND verdict IN " WINS ")",
				    t->name, cols.s, cols.s, t->name, t->key, unit);
		rc = run(db, &sql);
	}
	/* the units take the file's versions, with a new seq of this copy's,
	 * so that its next export passes them on */
	if (rc == 0)
		rc = db_exec(db,
			"INSERT OR IGNORE INTO main.sync_copies(id) SELECT copy FROM stage.sync_versions "
			"UNION SELECT base_copy FROM stage.sync_versions WHERE base_copy IS NOT NULL");
	if (rc == 0)
		rc = db_exec(db,
			"INSERT INTO main.sync_rows(tbl, key, rev, at, copy, base_at, base_copy, gone, seq) "
			"SELECT v.tbl, v.key, v.rev, v.at, c.n, v.base_at, b.n, v.gone, "
			" (SELECT coalesce(max(seq), 0) FROM main.sync_rows) + row_number() OVER () "
			"FROM stage.sync_versions v JOIN stage.decide d ON d.tbl = v.tbl AND d.key = v.key "
			"JOIN main.sync_copies c ON c.id = v.copy LEFT JOIN main.sync_copies b ON b.id = v.base_copy "
			"WHERE d.verdict IN " WINS " "
			"ON CONFLICT (tbl, key) DO UPDATE SET rev = excluded.rev, at = excluded.at, copy = excluded.copy, "
			"base_at = excluded.base_at, base_copy = excluded.base_copy, gone = excluded.gone, seq = excluded.seq");
	if (rc == 0)
		rc = sync_quiet(db, 0);
	sbuf_free(&sql);
	sbuf_free(&cols);
	sbuf_free(&set);
	return rc;
}

/* The foreign keys of the tables the merge may have broken: those it
 * wrote (the tables of the winning units, a head's with its rows), and
 * those that refer to one of them (a unit deleted, or a head's rows taken
 * out and written again, may leave rows the file did not bring without
 * their parent). The other tables are as they were, and PRAGMA
 * foreign_key_check of the whole book read every row of it on every
 * import. `all`: the whole book (the journal entries of conflicts are
 * written by the journal's own code). The rows found wrong, or -1. */
static long long foreign_keys_broken(sqlite3 *db, int all)
{
	if (all)
		return db_int(db, "SELECT count(*) FROM pragma_foreign_key_check");
	struct sbuf w = {0}, sql = {0};
	sqlite3_stmt *won = db_prepare(db, "SELECT 1 FROM stage.decide WHERE tbl = ?1 AND verdict IN " WINS " LIMIT 1");
	if (!won)
		return -1;
	for (size_t i = 0; i < sync_ntables; i++) {
		const struct sync_table *t = &sync_tables[i];
		sqlite3_bind_text(won, 1, t->head ? t->head : t->name, -1, SQLITE_STATIC);
		if (sqlite3_step(won) == SQLITE_ROW)
			sbuf_printf(&w, "%s'%s'", w.len ? ", " : "", t->name);
		sqlite3_reset(won);
	}
	sqlite3_finalize(won);
	long long bad = 0;
	if (w.len) {
		/* names compared as SQLite does, without regard to case */
		sbuf_printf(&sql, "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND (name IN (%s) "
			    "OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(name) WHERE \"table\" IN (%s) "
			    "COLLATE NOCASE))", w.s, w.s);
		sqlite3_stmt *tables = db_prepare(db, sql.s);
		sqlite3_stmt *check = db_prepare(db, "SELECT count(*) FROM pragma_foreign_key_check(?1)");
		bad = tables && check ? 0 : -1;
		while (bad >= 0 && sqlite3_step(tables) == SQLITE_ROW) {
			sqlite3_bind_value(check, 1, sqlite3_column_value(tables, 0));
			if (sqlite3_step(check) == SQLITE_ROW)
				bad += sqlite3_column_int64(check, 0);
			else
				bad = -1;
			sqlite3_reset(check);
		}
		sqlite3_finalize(tables);
		sqlite3_finalize(check);
	}
	sbuf_free(&w);
	sbuf_free(&sql);
	return bad;
}

/* Rows whose parent the book lacks (a collector's file imported into a
 * copy that never received the ledger it works on). */
static int parents_present(sqlite3 *db, const char *path, int all)
{
	long long bad = foreign_keys_broken(db, all);
	if (bad == 0)
		return 0;
	if (bad < 0) {
		msg_error("database: %s", sqlite3_errmsg(db));
		return -1;
	}
	struct sbuf sql = {0};
	char what[160] = "";
	for (size_t i = 0; !what[0] && i < sync_ntables; i++) {
		const struct sync_table *t = &sync_tables[i];
		if (!t->account || !strcmp(t->name, "customers"))
			continue;
		sbuf_printf(&sql, "SELECT %s FROM main.%s WHERE %s NOT IN (SELECT account_no FROM main.customers) LIMIT 1",
			    t->account, t->name, t->account);
		sqlite3_stmt *st = db_prepare(db, sql.s);
		if (st && sqlite3_step(st) == SQLITE_ROW)
			snprintf(what, sizeof what, "%s of account %.64s", t->whats,
				 (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		sql.len = 0;
	}
	sbuf_free(&sql);
	msg_error("%s: it has %s, which this book does not have: import first the changes that bring it "
		  "(the office's file); nothing was changed", path, what[0] ? what : "rows that name invoices or accounts");
	return -1;
}

/* The accounts of the units that win, as they stand here and as the file
 * has them (a deleted unit has only the first), for their cached figures:
 * read before the merge. */
static int accounts_moved(sqlite3 *db, struct strset *set)
{
	struct sbuf sql = {0};
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < sync_ntables; i++) {
		const struct sync_table *t = &sync_tables[i];
		if (!t->account)
			continue;
		/* the set keeps each account once */
		sbuf_printf(&sql, "SELECT r.%s FROM stage.decide d JOIN stage.%s r ON r.%s = d.key "
			    "WHERE d.tbl = '%s' AND d.verdict IN " WINS " "
			    "UNION ALL SELECT r.%s FROM stage.decide d JOIN main.%s r ON r.%s = d.key "
			    "WHERE d.tbl = '%s' AND d.verdict IN " WINS,
			    t->account, t->name, t->key, t->name, t->account, t->name, t->key, t->name);
		sqlite3_stmt *st = db_prepare(db, sql.s);
		rc = st ? 0 : -1;
		while (st && sqlite3_step(st) == SQLITE_ROW) {
			const char *a = (const char *)sqlite3_column_text(st, 0);
			if (a && strset_add(set, a, strlen(a), 0, NULL) < 0)
				rc = -1;
		}
		sqlite3_finalize(st);
		sql.len = 0;
	}
	sbuf_free(&sql);
	return rc;
}

/* What this copy knows of the sender: only a file that reaches further
 * than the last one moves it, so that a file imported twice changes
 * nothing. */
static int remember_peer(struct book *b, const struct sync_header *h, long long units)
{
	if (!strcmp(h->copy, b->copy_id))
		return 0;
	sqlite3_stmt *st = db_prepare(b->db,
		"INSERT INTO sync_peers(copy_id, name, user, last_seq, last_made, received, files, units) "
		"VALUES (?1, nullif(?2, ''), nullif(?3, ''), ?4, ?5, ?6, 1, ?7) "
		"ON CONFLICT (copy_id) DO UPDATE SET name = coalesce(excluded.name, name), user = excluded.user, "
		"last_seq = excluded.last_seq, last_made = excluded.last_made, received = excluded.received, "
		"files = files + 1, units = excluded.units WHERE excluded.last_seq > last_seq");
	if (!st)
		return -1;
	char now[21];
	now_utc(now);
	sqlite3_bind_text(st, 1, h->copy, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, h->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, h->user, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, h->seq_to);
	sqlite3_bind_text(st, 5, h->made, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, units);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc)
		msg_error("database: %s", sqlite3_errmsg(b->db));
	sqlite3_finalize(st);
	return rc;
}

int sync_import(struct book *b, const char *path, int dry_run, FILE *report, struct sync_import_result *r)
{
	memset(r, 0, sizeof *r);
	struct sync_header h;
	void *cs = NULL;
	size_t n = 0;
	struct sync_family fam;
	int have = sync_family(b, 0, &fam);
	if (have == 1)
		msg_error("%s: this book is of no family yet, so no file can be known to come from a copy of it: "
			  "make copies with `relance clone`, or give this one the family of the book the file "
			  "comes from with `relance sync join BOOK`; nothing was changed", path);
	if (have || sync_file_read(path, book_schema_version(), &fam, &h, &cs, &n))
		return -1;
	sqlite3 *db = b->db;
	/* stage's tables keep the book's REFERENCES clauses, and the merge
	 * writes parents and children in whatever order; the foreign keys are
	 * checked as a whole before the commit (parents_present) */
	if (db_exec(db, "PRAGMA foreign_keys = OFF; ATTACH ':memory:' AS stage")) {
		free(cs);
		return -1;
	}
	struct conflicts c = {0};
	unsigned char suspect[64] = {0}; /* by sync_tables' index */
	if (sync_ntables > sizeof suspect)
		abort();
	struct strset accounts;
	strset_init(&accounts);
	/* a large file (a new copy's first) is written like a large import */
	struct book_bulk bulk;
	int large = h.units >= 10000;
	if (large)
		book_bulk_begin(db, &bulk);
	/* the file is read into stage, in memory, before the book's write
	 * lock is taken: collectors keep writing meanwhile */
	int rc = db_exec(db, "BEGIN");
	if (rc == 0)
		rc = sync_stage_create(db, "stage");
	if (rc == 0)
		rc = stage_rows(db, path, cs, n, suspect);
	free(cs);
	if (rc == 0)
		rc = stage_consistent(db, path, h.units);
	if (rc == 0)
		rc = stage_valid(db, path, suspect);
	rc = rc == 0 ? db_commit(db) : (db_rollback(db), -1);
	if (rc == 0)
		rc = db_begin(db);
	if (rc == 0)
		rc = decide(b, r);
	if (rc == 0)
		r->units = h.units;
	/* only conflicts and newer versions can be conflicts or overwrites */
	if (rc == 0 && (r->won || r->lost || r->newer))
		rc = find_conflicts(db, path, report, &c);
	if (rc == 0)
		rc = accounts_moved(db, &accounts);
	if (rc == 0)
		rc = merge(db);
	for (size_t i = 0; rc == 0 && i < c.n; i++) {
		struct conflict *x = &c.v[i];
		if (ledger_account_exists(db, x->account) <= 0) /* a collector has no journal */
			continue;
		struct journal_entry e = {x->account, "system", "system", NULL, x->summary, x->body, NULL, NULL};
		struct journal_stamp s = {x->id, x->at, x->copy};
		rc = journal_add_stamped(b, &e, &s);
	}
	if (rc == 0)
		rc = parents_present(db, path, c.n > 0);
	if (rc == 0)
		rc = summary_changed(db, &accounts);
	/* money that came in moves promises and plans, as an import of
	 * payments does */
	if (rc == 0 && (r->new_ || r->newer || r->won))
		rc = promise_evaluate(b, today(), NULL) < 0 || plan_evaluate(b, today(), NULL) < 0 ? -1 : 0;
	if (rc == 0)
		rc = remember_peer(b, &h, r->new_ + r->newer + r->won);
	if (rc == 0 && !dry_run)
		rc = db_commit(db);
	db_rollback(db);
	if (large)
		book_bulk_end(db, &bulk);
	db_exec(db, "DETACH stage; PRAGMA foreign_keys = ON");
	strset_free(&accounts);
	conflicts_free(&c);
	return rc;
}
