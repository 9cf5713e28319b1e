/* import.c — the import driver: bytes -> UTF-8 -> records -> the kind's row
 * handler, inside one transaction that is committed only when every row
 * was good. Errors name file, line and field; all are counted, the first
 * opts->max_errors are printed. */
#include "import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/lib.h"
#include "book/lib.h"

/* Fields read per record: exports carry many columns relance ignores. */
#define FIELDS_MAX 512

void import_opts_default(struct import_opts *o)
{
	memset(o, 0, sizeof *o);
	o->mark = MARK_UNKNOWN;
	o->dates = DATE_AUTO;
	o->progress = -1;
	o->max_errors = 20;
}

const struct import_kind *import_kind_named(const char *name)
{
	static const struct import_kind *const kinds[] = {
		&import_customers, &import_invoices, &import_payments,
	};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(kinds[i]->name, name) == 0)
			return kinds[i];
	return NULL;
}

/* ---- reporting --------------------------------------------------------- */

static void report_line(struct import_ctx *c, const char *field, const char *text)
{
	c->stats.errors++;
	c->writing = 0;
	if (c->stats.errors > c->opts->max_errors)
		return;
	if (field)
		fprintf(stderr, "%s:%zu: %s: %s\n", c->file, c->line, field, text);
	else
		fprintf(stderr, "%s:%zu: %s\n", c->file, c->line, text);
}

int import_error(struct import_ctx *c, int column, const char *fmt, ...)
{
	char text[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	report_line(c, column >= 0 ? c->kind->columns[column].name : NULL, text);
	return -1;
}

int import_db_error(struct import_ctx *c)
{
	return import_error(c, -1, "database: %s", sqlite3_errmsg(c->book->db));
}

/* A value quoted in a message: unsafe bytes escaped, cut at 60 bytes on a
 * character boundary. */
static const char *quoted(struct csv_field f, char *buf, size_t size)
{
	if (size < 8)
		return "";
	buf[0] = '"';
	utf8_escape(f.s, f.n, 60, buf + 1, size - 2);
	size_t o = strlen(buf);
	buf[o] = '"';
	buf[o + 1] = '\0';
	return buf;
}

const char *import_quote(struct csv_field f)
{
	static char ring[4][300];
	static unsigned next_slot;
	char *buf = ring[next_slot++ % 4];
	return quoted(f, buf, sizeof ring[0]);
}

/* ---- fields ------------------------------------------------------------ */

struct csv_field import_field(struct import_ctx *c, int column)
{
	struct csv_field f = {"", 0};
	int pos = c->col[column];
	if (pos < 0 || pos >= c->nfields || pos >= FIELDS_MAX)
		return f;
	f = c->fields[pos];
	while (f.n && (*f.s == ' ' || *f.s == '\t'))
		f.s++, f.n--;
	while (f.n && (f.s[f.n - 1] == ' ' || f.s[f.n - 1] == '\t'))
		f.n--;
	return f;
}

int import_text(struct import_ctx *c, int column, int required, struct csv_field *out)
{
	*out = import_field(c, column);
	if (out->n == 0) {
		if (required)
			import_error(c, column, "is empty");
		return required ? -1 : 1;
	}
	for (size_t i = 0, len; i < out->n; i += len) {
		unsigned char ch = (unsigned char)out->s[i];
		if (!utf8_safe_at(out->s, out->n, i, &len) && ch != '\t' && ch != '\n' && ch != '\r') {
			import_error(c, column, "%s has a control character (0x%02x)", import_quote(*out),
				     len == 2 ? (unsigned char)out->s[i + 1] : ch);
			return -1;
		}
	}
	return 0;
}

int import_date(struct import_ctx *c, int column, int required, day_t *out)
{
	struct csv_field f;
	int r = import_text(c, column, required, &f);
	if (r)
		return r;
	if (date_parse(f.s, f.n, c->opts->dates, out) != 0) {
		char q[128];
		import_error(c, column, "%s is not a date", quoted(f, q, sizeof q));
		return -1;
	}
	return 0;
}

int import_amount(struct import_ctx *c, int column, int required, int64_t *out)
{
	struct csv_field f;
	int r = import_text(c, column, required, &f);
	if (r)
		return r;
	enum money_error e = money_parse(f.s, f.n, c->mark, out);
	if (e != MONEY_OK) {
		char q[128];
		if (e == MONEY_AMBIGUOUS) /* a file's amounts follow one mark: name the options that give it */
			import_error(c, column, "%s is ambiguous (thousands or decimals?); use --decimal-comma or "
				     "--decimal-point", quoted(f, q, sizeof q));
		else
			import_error(c, column, "%s %s", quoted(f, q, sizeof q), money_error_text(e));
		return -1;
	}
	return 0;
}

int import_currency(struct import_ctx *c, int column, char out[4])
{
	struct csv_field f;
	int r = import_text(c, column, 0, &f);
	if (r < 0)
		return -1;
	if (r == 1 || (f.n == 3 && !memcmp(f.s, "\xe2\x82\xac", 3))) {
		memcpy(out, "EUR", 4);
		return 0;
	}
	if (f.n != 3) {
		char q[128];
		import_error(c, column, "%s is not a currency code (like EUR)", quoted(f, q, sizeof q));
		return -1;
	}
	for (int i = 0; i < 3; i++) {
		char ch = f.s[i];
		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (ch < 'A' || ch > 'Z') {
			char q[128];
			import_error(c, column, "%s is not a currency code (like EUR)", quoted(f, q, sizeof q));
			return -1;
		}
		out[i] = ch;
	}
	out[3] = '\0';
	return 0;
}

int import_stage(struct import_ctx *c, sqlite3_stmt *stage)
{
	int rc = sqlite3_step(stage);
	sqlite3_reset(stage);
	sqlite3_clear_bindings(stage);
	return rc == SQLITE_DONE ? 0 : import_db_error(c);
}

/* Runs one statement of import_apply; the rows it wrote in *count. */
static int apply_one(struct import_ctx *c, const char *sql, void (*bind)(struct import_ctx *, sqlite3_stmt *),
		     int touch, long *count)
{
	sqlite3 *db = c->book->db;
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	bind(c, st);
	int returning = sqlite3_column_count(st) > 0, rc;
	long n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n++;
		if (touch && sqlite3_column_type(st, 0) != SQLITE_NULL &&
		    strset_add(&c->touched, (const char *)sqlite3_column_text(st, 0),
			       (size_t)sqlite3_column_bytes(st, 0), 0, NULL) < 0) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		fprintf(stderr, "%s: writing the rows: %s\n", c->file, sqlite3_errmsg(db));
	else
		*count += returning ? n : sqlite3_changes(db);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int import_apply(struct import_ctx *c, const char *update, const char *insert,
		 void (*bind)(struct import_ctx *, sqlite3_stmt *), int touch)
{
	/* the rows already there first: then the insert skips them all */
	if (apply_one(c, update, bind, touch, &c->stats.changed) ||
	    apply_one(c, insert, bind, touch, &c->stats.added))
		return -1;
	return 0;
}

/* ---- the driver -------------------------------------------------------- */

static void warn_cb(void *ctx, const char *msg)
{
	struct import_ctx *c = ctx;
	fprintf(stderr, "%s:%zu: warning: %s\n", c->file, c->line, msg);
}

/* The decimal mark of the file: the first amount that decides it. */
static enum decimal_mark detect_mark(struct import_ctx *c, const char *text, size_t len, char delim)
{
	struct csv_reader r;
	struct csv_field f[FIELDS_MAX];
	enum decimal_mark m = MARK_UNKNOWN;
	long n;
	csv_init(&r, text, len, delim);
	if (csv_next(&r, f, FIELDS_MAX) <= 0) { /* header */
		csv_free(&r);
		return m;
	}
	while (m == MARK_UNKNOWN && (n = csv_next(&r, f, FIELDS_MAX)) > 0) {
		for (int k = 0; k < 4 && c->kind->amount_columns[k] >= 0; k++) {
			int pos = c->col[c->kind->amount_columns[k]];
			if (pos >= 0 && pos < n && (m = money_mark_evidence(f[pos].s, f[pos].n)) != MARK_UNKNOWN)
				break;
		}
	}
	csv_free(&r);
	return m;
}

/* "\r  invoices.csv:  42% (420000 rows)", redrawn when the percentage moves. */
static void progress(struct import_ctx *c, const struct csv_reader *r, size_t len, int done)
{
	static int shown = -1;
	if (done) {
		fprintf(stderr, "\r%*s\r", 60, "");
		shown = -1;
		return;
	}
	size_t at = (size_t)(r->p - (r->end - len));
	int pct = (int)(at * 100 / (len ? len : 1));
	if (pct == shown)
		return;
	shown = pct;
	fprintf(stderr, "\r  %s: %3d%% (%ld rows)", c->file, pct, c->stats.rows);
	fflush(stderr);
}

/* The line an offset is on: lines end with LF, CRLF or a lone CR. */
static size_t line_of(const char *buf, size_t offset)
{
	size_t line = 1;
	for (size_t i = 0; i < offset; i++)
		line += buf[i] == '\n' || (buf[i] == '\r' && buf[i + 1] != '\n');
	return line;
}

/* 1 when the bytes hold at least one valid multi-byte UTF-8 character. */
static int has_utf8_sequence(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint32_t cp;
		if ((unsigned char)buf[i] >= 0xc2 && utf8_decode(buf + i, len - i, &cp) > 1)
			return 1;
	}
	return 0;
}

/* Brings the bytes to UTF-8. Returns the text (buf itself or a new buffer
 * in *owned), or NULL after reporting. */
static const char *decode(const char *file, const char *buf, size_t *len,
			  const char *encoding, char **owned)
{
	size_t bad = 0;
	*owned = NULL;
	const char *from = NULL;
	if (encoding) {
		from = encoding_canonical(encoding);
		if (!from) {
			msg_error("--encoding %s: not one of UTF-8, CP1252, ISO-8859-1, ISO-8859-15", encoding);
			return NULL;
		}
	}
	if (*len >= 2 && ((unsigned char)buf[0] == 0xff || (unsigned char)buf[0] == 0xfe) &&
	    ((unsigned char)buf[1] == 0xfe || (unsigned char)buf[1] == 0xff) && buf[0] != buf[1]) {
		msg_error("%s: the file is UTF-16; save it as CSV in UTF-8 (or Windows-1252)", file);
		return NULL;
	}
	if (!from || strcmp(from, "UTF-8") == 0) {
		if (utf8_valid(buf, *len, &bad))
			return buf;
		size_t line = line_of(buf, bad);
		if (from) {
			msg_error("%s:%zu: byte 0x%02x is not valid UTF-8 (try --encoding cp1252)",
				  file, line, (unsigned char)buf[bad]);
			return NULL;
		}
		/* UTF-8 text with a few stray bytes is not a CP1252 file: reading
		 * it as one would garble every accented letter that was right. */
		if (has_utf8_sequence(buf, *len)) {
			msg_error("%s:%zu: byte 0x%02x is not valid UTF-8, though the file holds UTF-8 "
				  "elsewhere; fix that line, or say --encoding", file, line,
				  (unsigned char)buf[bad]);
			return NULL;
		}
		fprintf(stderr, "%s:%zu: warning: not valid UTF-8; reading the file as CP1252 "
			"(say --encoding to choose)\n", file, line);
		from = "CP1252";
	}
	size_t outlen;
	if (encoding_to_utf8(from, buf, *len, owned, &outlen, &bad) != 0) {
		msg_error("%s:%zu: byte 0x%02x is not valid %s%s", file, line_of(buf, bad),
			  bad < *len ? (unsigned char)buf[bad] : 0, from,
			  strcmp(from, "CP1252") == 0 ? " (try --encoding iso-8859-1)" : "");
		return NULL;
	}
	*len = outlen;
	return *owned;
}

static void log_run(struct import_ctx *c)
{
	char id[UID_LEN + 1];
	uid_new(id);
	sqlite3_stmt *st = db_prepare(c->book->db,
		"INSERT INTO import_runs(id, kind, file, at, rows, new, changed, closed, snapshot) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (!st) {
		c->stats.errors++;
		return;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, c->kind->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->file, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, c->now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, c->stats.rows);
	sqlite3_bind_int64(st, 6, c->stats.added);
	sqlite3_bind_int64(st, 7, c->stats.changed);
	sqlite3_bind_int64(st, 8, c->stats.closed);
	sqlite3_bind_int(st, 9, c->opts->snapshot != 0);
	if (sqlite3_step(st) != SQLITE_DONE) {
		msg_error("database: %s", sqlite3_errmsg(c->book->db));
		c->stats.errors++;
	}
	sqlite3_finalize(st);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* For make bench (RELANCE_BENCH_LOG names a file): how long the import
 * held the write lock, and took in all, in seconds; the rows it left out
 * as the book held them, and whether it read the file twice. */
static void bench_log(const struct import_ctx *c, double lock, double all, int reread)
{
	const char *path = getenv("RELANCE_BENCH_LOG");
	FILE *fp = path && *path ? fopen(path, "a") : NULL;
	if (!fp)
		return;
	fprintf(fp, "import-%s lock %.3f all %.3f left-out %ld reread %d\n", c->kind->name, lock, all,
		c->left_out, reread);
	fclose(fp);
}

/* Checks the header, maps the columns; returns 0 or -1 after reporting. */
static int read_header(struct import_ctx *c, struct csv_reader *r, struct csv_field *f)
{
	long n = csv_next(r, f, FIELDS_MAX);
	c->line = r->record_line;
	if (n <= 0) {
		msg_error("%s: %s", c->file, n == 0 ? "the file is empty (no header line)"
						     : "the header line has an unclosed quote");
		return -1;
	}
	if (n > FIELDS_MAX) {
		msg_error("%s:%zu: %ld columns; relance reads at most %d", c->file, c->line, n, FIELDS_MAX);
		return -1;
	}
	char missing[512];
	int nmissing = columns_map(c->kind->columns, c->kind->ncolumns, f,
				   (size_t)(n < FIELDS_MAX ? n : FIELDS_MAX), c->opts->map,
				   c->opts->nmap, c->col, missing, sizeof missing, warn_cb, c);
	for (size_t o = 0; o < c->opts->nmap; o++) {
		char want[128], have[128];
		int found = 0;
		columns_normalise(c->opts->map[o].header, strlen(c->opts->map[o].header), want, sizeof want);
		for (long i = 0; i < n && i < FIELDS_MAX && !found; i++) {
			columns_normalise(f[i].s, f[i].n, have, sizeof have);
			found = strcmp(want, have) == 0;
		}
		if (!found) {
			msg_error("%s:%zu: --map %s=%s: no column is headed \"%s\"", c->file, c->line,
				  c->opts->map[o].canonical, c->opts->map[o].header, c->opts->map[o].header);
			return -1;
		}
		int known = 0;
		for (size_t k = 0; k < c->kind->ncolumns; k++)
			if (strcmp(c->opts->map[o].canonical, c->kind->columns[k].name) == 0)
				known = 1;
		if (!known) {
			msg_error("--map %s=%s: %s files have no column %s", c->opts->map[o].canonical,
				  c->opts->map[o].header, c->kind->name, c->opts->map[o].canonical);
			return -1;
		}
	}
	if (nmissing) {
		char found[1024];
		size_t used = 0;
		found[0] = '\0';
		for (long i = 0; i < n && i < FIELDS_MAX; i++) {
			char q[128];
			int w = snprintf(found + used, sizeof found - used, "%s%s", i ? ", " : "",
					 quoted(f[i], q, sizeof q));
			if (w < 0 || used + (size_t)w >= sizeof found)
				break;
			used += (size_t)w;
		}
		fprintf(stderr, "%s:%zu: missing column%s %s; the header has %s "
			"(name a column with --map CANONICAL=HEADER)\n", c->file, c->line,
			nmissing > 1 ? "s" : "", missing, found);
		return -1;
	}
	c->nfields = n;
	return 0;
}

/* Runs every record through the kind; returns with the transaction open. */
static void read_rows(struct import_ctx *c, struct csv_reader *r, struct csv_field *f,
		      const char *text, size_t len, int show_progress)
{
	long n;
	long header_fields = c->nfields;
	while ((n = csv_next(r, f, FIELDS_MAX)) != 0) {
		c->line = r->record_line;
		if (n < 0) {
			import_error(c, -1, "a quoted field is never closed");
			break;
		}
		int empty = 1;
		for (long i = 0; i < n && i < FIELDS_MAX && empty; i++)
			empty = f[i].n == 0;
		if (empty) /* ";;;" lines that exports leave at the end */
			continue;
		c->stats.rows++;
		c->fields = f;
		c->nfields = n;
		int extra = 0;
		for (long i = header_fields; i < n && i < FIELDS_MAX; i++)
			extra |= f[i].n != 0;
		if (n > FIELDS_MAX) {
			import_error(c, -1, "%ld fields; relance reads at most %d", n, FIELDS_MAX);
			continue;
		}
		if (extra) {
			import_error(c, -1, "%ld fields where the header has %ld", n, header_fields);
			continue;
		}
		if (c->kind->key_column >= 0) {
			struct csv_field key = import_field(c, c->kind->key_column);
			long first = 0;
			int fresh = 1;
			if (key.n && key.s >= text && key.s < text + len) /* not in the reader's scratch */
				fresh = strset_add_ref(&c->keys, key.s, key.n, (long)c->line, &first);
			else if (key.n)
				fresh = strset_add(&c->keys, key.s, key.n, (long)c->line, &first);
			if (fresh < 0) {
				import_error(c, -1, "out of memory");
				break;
			}
			if (fresh == 0) {
				import_error(c, c->kind->key_column, "%s is already on line %ld",
					     import_quote(key), first);
				continue;
			}
		}
		c->kind->row(c);
		if (show_progress && (c->stats.rows & 0x3ff) == 0)
			progress(c, r, len, 0);
	}
	if (show_progress)
		progress(c, r, len, 1);
}

/* Step one, without the write lock: every row is read, checked and staged
 * in the kind's temporary table, inside one transaction that reads the
 * book (accounts, invoices) and writes only the temporary database; a row
 * the book already holds as the file says it may be left out (trust_book).
 * Inside a caller's transaction (the demo), in that. *version is the
 * book's data_version as read. 0, or -1 after reporting. */
static int read_step(struct import_ctx *c, struct csv_reader *r, struct csv_field *f,
		     const char *text, size_t len, char delim, long long *version)
{
	sqlite3 *db = c->book->db;
	int staging = 0;
	csv_init(r, text, len, delim);
	if (read_header(c, r, f))
		return 1;
	c->mark = c->opts->mark != MARK_UNKNOWN ? c->opts->mark : detect_mark(c, text, len, delim);
	if (sqlite3_get_autocommit(db)) {
		if (db_exec(db, "BEGIN"))
			return -1;
		staging = 1;
	}
	if (c->kind->begin && c->kind->begin(c))
		goto fail;
	int show = c->opts->progress > 0 || (c->opts->progress < 0 && len > (8u << 20) && isatty(2));
	size_t lines = 0;
	for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + len - p))) != NULL; p++)
		lines++;
	if (strset_reserve(&c->keys, lines + 1)) {
		msg_error("%s: out of memory", c->file);
		goto fail;
	}
	read_rows(c, r, f, text, len, show);
	/* the version the rows were compared with, before the snapshot ends;
	 * no statement of the kind's (a cursor) may keep it open past it */
	*version = db_int(db, "PRAGMA data_version");
	if (staging) {
		for (sqlite3_stmt *st = sqlite3_next_stmt(db, NULL); st; st = sqlite3_next_stmt(db, st))
			if (sqlite3_stmt_busy(st))
				sqlite3_reset(st);
		if (db_exec(db, "COMMIT"))
			goto fail;
	}
	return 0;
fail:
	if (staging)
		db_rollback(db);
	return -1;
}

int import_buffer(struct book *b, const struct import_kind *kind, const char *file,
		  const char *buf, size_t len, const struct import_opts *opts,
		  struct import_stats *stats)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct import_ctx c;
	memset(&c, 0, sizeof c);
	c.book = b, c.opts = opts, c.kind = kind, c.file = file, c.writing = 1;
	c.trust_book = 1;
	c.today = today();
	date_iso(c.today, c.today_iso);
	strset_init(&c.keys);
	strset_init(&c.touched);
	memset(stats, 0, sizeof *stats);

	char *owned = NULL;
	const char *text = decode(file, buf, &len, opts->encoding, &owned);
	if (!text) {
		stats->errors = 1;
		return 1;
	}
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		text += 3, len -= 3;
	char delim = opts->delimiter ? opts->delimiter : csv_detect_delimiter(text, len);
	if (!delim) /* one column: any delimiter reads it */
		delim = ',';

	struct csv_reader r;
	struct csv_field f[FIELDS_MAX];
	int rc = 1, began = 0, nested = 0, bulk = 0, fk_off = 0;
	long long version = 0;
	struct book_bulk saved;
again:
	if ((rc = read_step(&c, &r, f, text, len, delim, &version)) != 0)
		goto done;
	rc = 1;
	if (c.stats.errors) /* nothing was written, the lock never taken */
		goto done;

	/* Step two, under the write lock: the staged rows into the book, what
	 * follows from them, the versions, the commit. Writers wait for it
	 * (book.c's busy timeout); readers never do in WAL, which it stays in
	 * whenever another process has the book open (book_bulk_begin), and
	 * when rows were left out (data_version must see other writers). */
	if (c.left_out)
		book_bulk_begin_wal(b->db, &saved);
	else
		book_bulk_begin(b->db, &saved);
	bulk = 1;
	/* the kind checks its references itself (outside a caller's
	 * transaction, where the pragma would do nothing) */
	if (kind->references && sqlite3_get_autocommit(b->db))
		fk_off = !db_exec(b->db, "PRAGMA foreign_keys = OFF");
	if (db_tx_begin(b->db, &nested)) {
		rc = -1;
		goto done;
	}
	began = 1;
	/* rows left out as the book held them: only if nobody wrote since */
	if (c.left_out && db_int(b->db, "PRAGMA data_version") != version) {
		db_tx_rollback(b->db, nested);
		began = 0;
		if (fk_off)
			db_exec(b->db, "PRAGMA foreign_keys = ON");
		fk_off = 0;
		book_bulk_end(b->db, &saved);
		bulk = 0;
		if (kind->cleanup)
			kind->cleanup(&c);
		csv_free(&r);
		strset_free(&c.keys);
		strset_free(&c.touched);
		memset(&c.stats, 0, sizeof c.stats);
		c.left_out = 0, c.trust_book = 0;
		goto again;
	}
	struct timespec locked;
	clock_gettime(CLOCK_MONOTONIC, &locked);
	/* the rows this import writes are those stamped with its time, to the
	 * millisecond and taken under the write lock: no other import's */
	now_utc_ms(c.now);
	if (fk_off && kind->references(&c) && c.stats.errors == 0)
		c.stats.errors = 1;
	if (c.stats.errors == 0 && kind->apply(&c) && c.stats.errors == 0)
		c.stats.errors = 1;
	if (c.stats.errors == 0 && kind->end && kind->end(&c) && c.stats.errors == 0)
		c.stats.errors = 1; /* end() failed without reporting a line */
	int wrote = c.stats.added || c.stats.changed || c.stats.closed;
	/* logged when it changed something, and every read of the ledger's
	 * invoices or payments: one that changed nothing still says the book
	 * is as fresh as the ledger (book/freshness.h) */
	if (c.stats.errors == 0 && !opts->dry_run && (wrote || kind != &import_customers))
		log_run(&c);
	if (c.stats.errors == 0 && !opts->dry_run) {
		/* what the import wrote gets its versions, in one statement;
		 * nothing written, nothing to look for (but collectors that came
		 * without versions get theirs with any import of customers) */
		int vrc = wrote && kind->versions ? kind->versions(&c) : 1;
		if (vrc < 0 || (vrc == 1 && (wrote || kind == &import_customers) &&
				sync_ledger_record(b->db, kind->name, c.now)) ||
		    db_tx_commit(b->db, nested)) {
			rc = -1;
			goto done;
		}
		began = 0;
		bench_log(&c, seconds_since(&locked), seconds_since(&t0), !c.trust_book);
	}
	rc = c.stats.errors ? 1 : 0;
done:
	if (began)
		db_tx_rollback(b->db, nested);
	if (fk_off && db_exec(b->db, "PRAGMA foreign_keys = ON") && rc == 0)
		rc = -1;
	if (kind->cleanup)
		kind->cleanup(&c);
	if (bulk)
		book_bulk_end(b->db, &saved);
	csv_free(&r);
	strset_free(&c.keys);
	strset_free(&c.touched);
	free(owned);
	c.stats.seconds = seconds_since(&t0);
	*stats = c.stats;
	if (rc == 1 && c.stats.errors > opts->max_errors)
		fprintf(stderr, "%s: ... and %ld more errors\n", file, c.stats.errors - opts->max_errors);
	if (rc == 1 && c.stats.errors)
		fprintf(stderr, "%s: %ld error%s; nothing was imported\n", file, c.stats.errors,
			c.stats.errors == 1 ? "" : "s");
	return rc;
}

int import_file(struct book *b, const struct import_kind *kind, const char *path,
		const struct import_opts *opts, struct import_stats *stats)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	memset(stats, 0, sizeof *stats);
	if (!fp) {
		msg_error("%s: %s", path, strerror(errno));
		stats->errors = 1;
		return 1;
	}
	/* one read of the whole file when its size is known; pipes grow */
	struct stat sb;
	size_t cap = fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode) ? (size_t)sb.st_size + 1 : 1 << 16;
	size_t len = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (!buf) {
			msg_error("%s: out of memory", path);
			if (fp != stdin)
				fclose(fp);
			return -1;
		}
		len += fread(buf + len, 1, cap - len, fp);
		if (len < cap)
			break;
		char *nb = realloc(buf, cap *= 2);
		if (!nb)
			free(buf);
		buf = nb;
	}
	int err = ferror(fp);
	if (fp != stdin)
		fclose(fp);
	if (err) {
		msg_error("%s: read error", path);
		free(buf);
		stats->errors = 1;
		return 1;
	}
	int rc = import_buffer(b, kind, strcmp(path, "-") == 0 ? "<stdin>" : path, buf, len, opts, stats);
	free(buf);
	return rc;
}
