/* import.h — reading the accounting system's files into the book: the
 * driver every kind of file shares (decoding, delimiter, header mapping,
 * field parsing, error reporting, staging, all-or-nothing transaction,
 * summary), and the table each kind fills in (import_customers.c,
 * import_invoices.c, import_payments.c).
 *
 * An import runs in two steps, so that it never keeps collectors from
 * writing: the rows are read, checked and staged in a temporary table
 * without the book's write lock (a read of the book at most), and only
 * then is the lock taken, for one short transaction that writes the staged
 * rows set-wise (apply), runs what follows (end) and commits. */
#ifndef RELANCE_IMPORT_H
#define RELANCE_IMPORT_H
#include <stddef.h>
#include <stdint.h>

#include "book/lib.h"
#include "columns.h"
#include "base/lib.h"

struct import_opts {
	char delimiter;           /* 0: detect */
	const char *encoding;     /* NULL: UTF-8 if valid, else CP1252 */
	enum decimal_mark mark;   /* MARK_UNKNOWN: detect */
	enum date_format dates;   /* DATE_AUTO: by shape */
	int snapshot;             /* the file lists every open item */
	int dry_run;              /* validate, write nothing */
	int quiet;                /* no summary line */
	int progress;             /* -1: when stderr is a terminal; 0 never; 1 always */
	long max_errors;          /* errors printed (all are counted) */
	struct column_override map[COLUMNS_MAX];
	size_t nmap;
};

struct import_stats {
	long rows, added, changed, closed, errors;
	double seconds;
};

struct import_ctx;

/* What one kind of file contributes to the driver. */
struct import_kind {
	const char *name;                  /* "invoices" */
	const struct column_def *columns;
	size_t ncolumns;
	int amount_columns[4];             /* columns whose values decide the decimal mark; -1 ends */
	int key_column;                    /* must be unique within the file */
	int (*begin)(struct import_ctx *); /* the staging table, the statements */
	int (*row)(struct import_ctx *);   /* validate the row; stage it while ctx->writing,
	                                    * unless trust_book and the book holds it as it is */
	int (*apply)(struct import_ctx *); /* under the write lock: the staged rows into the book */
	int (*end)(struct import_ctx *);   /* after apply, before commit */
	/* Under the write lock, before apply: checks every reference of the
	 * staged rows as the book's foreign keys would (0, or -1 after
	 * reporting). A kind that has it writes with foreign_keys off: one
	 * check per account, not one per row. */
	int (*references)(struct import_ctx *);
	/* After end and the run's log, when the import wrote: the versions of
	 * the rows it wrote, as sync_ledger_record makes them, when the kind
	 * can write them cheaper; 0 done, 1 left to sync_ledger_record, -1. */
	int (*versions)(struct import_ctx *);
	void (*cleanup)(struct import_ctx *);
};

struct import_ctx {
	struct book *book;
	const struct import_opts *opts;
	const struct import_kind *kind;
	const char *file;              /* name used in messages */
	size_t line;                   /* line the current record starts on */
	struct csv_field *fields;      /* current record, in file order */
	long nfields;
	int col[COLUMNS_MAX];          /* canonical column -> file position */
	enum decimal_mark mark;
	int writing;                   /* 1 until the first error: rows are staged */
	int trust_book;                /* the kind may leave out a row the book holds as the file says it */
	long left_out;                 /* rows so left out: trusted only if the book is unchanged */
	char now[25];                  /* the import's stamp (imported_at), taken under the write lock */
	char today_iso[11];
	day_t today;
	struct strset keys;            /* key_column values seen, with their line */
	struct strset touched;         /* accounts whose figures the rows written move */
	struct import_stats stats;
	void *state;                   /* the kind's own */
};

extern const struct import_kind import_customers;
extern const struct import_kind import_invoices;
extern const struct import_kind import_payments;

const struct import_kind *import_kind_named(const char *name);

/* Imports buf[0..len) (the file's bytes) into the book, all or nothing.
 * Returns 0 on success, 1 when the file had errors (nothing written), -1 on
 * a database failure. */
int import_buffer(struct book *b, const struct import_kind *kind, const char *file,
		  const char *buf, size_t len, const struct import_opts *opts,
		  struct import_stats *stats);
/* The same, reading the file (or standard input for "-"). */
int import_file(struct book *b, const struct import_kind *kind, const char *path,
		const struct import_opts *opts, struct import_stats *stats);

void import_opts_default(struct import_opts *o);

/* For the kinds: field access and reporting. Values are trimmed. */
struct csv_field import_field(struct import_ctx *c, int column);
/* A value as it may appear in a message: in quotes, unsafe bytes escaped,
 * cut at 60 bytes. Four results stay valid at once. */
const char *import_quote(struct csv_field f);
/* Reports an error on the current line; returns -1. */
int import_error(struct import_ctx *c, int column, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Returns 0 and sets *out; -1 (error reported) when invalid; 1 when empty
 * (reported if required). */
int import_text(struct import_ctx *c, int column, int required, struct csv_field *out);
int import_date(struct import_ctx *c, int column, int required, day_t *out);
int import_amount(struct import_ctx *c, int column, int required, int64_t *out);
int import_currency(struct import_ctx *c, int column, char out[4]);
/* Stages the row bound to `stage` (an INSERT into the kind's temporary
 * table); 0, or -1 after reporting. */
int import_stage(struct import_ctx *c, sqlite3_stmt *stage);
/* Writes the staged rows the way every kind does, under the write lock:
 * `update` (an UPDATE ... FROM the staging table that only touches rows
 * whose values differ), then `insert` (an INSERT ... SELECT ... ON CONFLICT
 * DO NOTHING), each RETURNING the account of a row it wrote, or nothing.
 * bind() binds the parameters both share (the stamp, which columns the
 * file has). Counts the rows changed and added, and notes their accounts
 * in c->touched when `touch`; 0, or -1 after reporting. */
int import_apply(struct import_ctx *c, const char *update, const char *insert,
		 void (*bind)(struct import_ctx *, sqlite3_stmt *), int touch);
/* Reports the database error of the current row and stops writing. */
int import_db_error(struct import_ctx *c);

#endif
