/* sync_validate.c — every row a change file brings, checked as the imports
 * check what they read, before any of it reaches the book.
 *
 * A copy of the book only sends what its own imports and forms let in, so
 * a row that breaks these rules comes from a damaged or hostile file: the
 * file is refused whole, with the row and field that is wrong. The rule of
 * a column comes from its name and declared type:
 *   dates (*_date, date, until, closed_on)  an ISO date
 *   times (*_at, at)                         an ISO date and time
 *   amounts (amount, total, fee, ...)        whole cents, at most 999,999,999,999.99
 *   phone, email, currency                   as the customers import has them
 *   long text (body, detail, note, text,     printable, with line ends and tabs
 *     summary, communication)
 *   any other text                           printable on one line
 *   any other integer                        an integer */
#include <stdio.h>
#include <string.h>

#include "base/lib.h"
#include "book/lib.h"
#include "sync.h"

enum kind { K_LINE, K_TEXT, K_DATE, K_STAMP, K_CENTS, K_INT, K_PHONE, K_EMAIL, K_CURRENCY };

static int is(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return 1;
	return 0;
}

static int ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), e = strlen(end);
	return n >= e && !strcmp(s + n - e, end);
}

static enum kind kind_of(const char *column, const char *type)
{
	static const char *const cents[] = {"amount", "open_amount", "paid_amount", "credit_limit", "total",
					    "down_payment", "fee", NULL};
	static const char *const dates[] = {"date", "until", "closed_on", NULL};
	static const char *const long_text[] = {"body", "detail", "note", "text", "summary", "communication", NULL};
	if (is(column, cents))
		return K_CENTS;
	if (ends_with(column, "_date") || is(column, dates))
		return K_DATE;
	if (ends_with(column, "_at") || !strcmp(column, "at"))
		return K_STAMP;
	if (!strcmp(column, "phone"))
		return K_PHONE;
	if (!strcmp(column, "email"))
		return K_EMAIL;
	if (!strcmp(column, "currency"))
		return K_CURRENCY;
	if (is(column, long_text))
		return K_TEXT;
	return strstr(type, "INT") ? K_INT : K_LINE;
}

/* Printable UTF-8; with `lines`, line ends and tabs too. */
static int printable(const char *s, size_t n, int lines)
{
	for (size_t i = 0, len; i < n; i += len) {
		unsigned char c = (unsigned char)s[i];
		len = 1;
		if (c >= 0x20 && c < 0x7f) /* printable ASCII, most of any text */
			continue;
		if (!utf8_safe_at(s, n, i, &len) && !(lines && (c == '\n' || c == '\t')))
			return 0;
	}
	return 1;
}

static int iso_date(const char *s, size_t n)
{
	day_t d;
	return n == 10 && date_parse(s, n, DATE_ISO, &d) == 0;
}

/* s[0..n) all of set (s need not end in a NUL: values are checked where
 * they lie in a change set) */
static int all_of(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (!s[i] || !strchr(set, s[i]))
			return 0;
	return 1;
}

static int iso_time(const char *s, size_t n)
{
	day_t d;
	return n >= 10 && n <= 32 && date_parse(s, 10, DATE_ISO, &d) == 0 && all_of(s + 10, n - 10, "0123456789:.TZ +-");
}

/* What is wrong with the text s[0..n) as a value of kind k, or NULL. */
static const char *wrong_text(enum kind k, const char *s, size_t n)
{
	if (!s || memchr(s, '\0', n))
		return "has a NUL byte";
	if (!printable(s, n, k == K_TEXT))
		return "has a control character";
	switch (k) {
	case K_DATE: return iso_date(s, n) ? NULL : "is not a date";
	case K_STAMP: return iso_time(s, n) ? NULL : "is not a date and time";
	case K_PHONE: return phone_list_valid(s, n) ? NULL : "is not a phone number";
	case K_EMAIL: return n == 0 || email_list_valid(s, n) ? NULL : "is not an e-mail address";
	case K_CURRENCY:
		return n == 3 && all_of(s, 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") ? NULL : "is not a currency code";
	default: return NULL;
	}
}

/* What is wrong with the integer x as a value of kind k, or NULL. */
static const char *wrong_int(enum kind k, sqlite3_int64 x)
{
	if (k != K_CENTS && k != K_INT)
		return "is not text";
	return k == K_CENTS && (x > MONEY_MAX_CENTS || x < -MONEY_MAX_CENTS) ? "is too large" : NULL;
}

/* What is wrong with v as a value of kind k, or NULL. */
static const char *wrong(enum kind k, sqlite3_value *v)
{
	int type = sqlite3_value_type(v);
	if (type == SQLITE_NULL)
		return NULL; /* the table's own NOT NULL says where it may not be */
	if (type == SQLITE_INTEGER)
		return wrong_int(k, sqlite3_value_int64(v));
	if (k == K_CENTS || k == K_INT)
		return k == K_CENTS ? "is not an amount in cents" : "is not a whole number";
	if (type != SQLITE_TEXT)
		return "is not text";
	return wrong_text(k, (const char *)sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v));
}

/* Checks every row of schema.table; the first wrong one is named. */
static int table_valid(sqlite3 *db, const char *schema, const struct sync_table *t, const char *path)
{
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT * FROM %s.%s", schema, t->name);
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	int ncol = sqlite3_column_count(st), key = 0;
	enum kind kinds[64];
	if (ncol > 64)
		ncol = 64;
	for (int i = 0; i < ncol; i++) {
		const char *type = sqlite3_column_decltype(st, i);
		kinds[i] = kind_of(sqlite3_column_name(st, i), type ? type : "");
		if (!strcmp(sqlite3_column_name(st, i), t->key))
			key = i;
	}
	int rc = 0;
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW)
		for (int i = 0; i < ncol; i++) {
			sqlite3_value *v = sqlite3_column_value(st, i);
			const char *why = wrong(kinds[i], v);
			if (!why)
				continue;
			char row[80], val[80];
			const char *k = (const char *)sqlite3_column_text(st, key);
			utf8_escape(k ? k : "", k ? strlen(k) : 0, 60, row, sizeof row);
			const char *s = (const char *)sqlite3_column_text(st, i);
			utf8_escape(s ? s : "", s ? (size_t)sqlite3_column_bytes(st, i) : 0, 40, val, sizeof val);
			msg_error("%s: %s %s (table %s), field %s: \"%s\" %s; nothing was changed", path,
				  t->what ? t->what : t->name, row, t->name, sqlite3_column_name(st, i), val, why);
			rc = -1;
			break;
		}
	sqlite3_finalize(st);
	return rc;
}

int sync_rows_valid(sqlite3 *db, const char *schema, const char *path)
{
	for (size_t i = 0; i < sync_ntables; i++)
		if (table_valid(db, schema, &sync_tables[i], path))
			return -1;
	return 0;
}

int sync_rows_valid_some(sqlite3 *db, const char *schema, const char *path, const unsigned char *which)
{
	for (size_t i = 0; i < sync_ntables; i++)
		if (which[i] && table_valid(db, schema, &sync_tables[i], path))
			return -1;
	return 0;
}

/* The value as the file has it passes, and the column keeps it as it is:
 * an integer in a column of INTEGER or no affinity, text in one of TEXT or
 * no affinity (SQLite's rules of affinity by declared type); any other
 * (REAL and NUMERIC columns included) is left to table_valid. */
int sync_value_passes(const struct sync_columns *c, int col, int type, sqlite3_int64 x, const char *s, size_t n)
{
	if (col >= c->n || type == SQLITE_NULL)
		return 1; /* table_valid reads the first 64 columns; NULL passes */
	char aff = c->affinity[col];
	if (type == SQLITE_INTEGER)
		return (aff == 'i' || aff == 'b') && !wrong_int(c->kind[col], x);
	if (type == SQLITE_TEXT)
		return (aff == 't' || aff == 'b') && c->kind[col] != K_CENTS && c->kind[col] != K_INT &&
		       !wrong_text(c->kind[col], s, n);
	return 0;
}

int sync_columns_of(sqlite3 *db, const char *schema, const char *table, struct sync_columns *c)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name, type FROM pragma_table_info(?1, ?2) ORDER BY cid");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, schema, -1, SQLITE_STATIC);
	c->n = 0;
	while (c->n < SYNC_MAX_CHECKED && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *type = (const char *)sqlite3_column_text(st, 1);
		char up[64];
		size_t i = 0;
		for (; type && type[i] && i < sizeof up - 1; i++)
			up[i] = (char)(type[i] >= 'a' && type[i] <= 'z' ? type[i] - 32 : type[i]);
		up[i] = '\0';
		c->kind[c->n] = (int)kind_of(name ? name : "", type ? type : "");
		c->affinity[c->n] = strstr(up, "INT") ? 'i'
			: strstr(up, "CHAR") || strstr(up, "CLOB") || strstr(up, "TEXT") ? 't'
			: strstr(up, "BLOB") || !up[0] ? 'b'
			: 'o'; /* REAL, NUMERIC: '1' may become 1 */
		c->n++;
	}
	sqlite3_finalize(st);
	return 0;
}
