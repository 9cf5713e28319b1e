/* book.h — the book: one SQLite file. Finding it, creating it (mode 0600),
 * opening it with the house settings, and bringing its schema up to date
 * in one transaction. Every other module gets its sqlite3 handle here. */
#ifndef RELANCE_BOOK_H
#define RELANCE_BOOK_H
#include <sqlite3.h>
#include <stddef.h>

struct book {
	sqlite3 *db;
	char *path;
	char copy_id[40];
	int created; /* made by this open */
	int readonly; /* opened for reading only (BOOK_READ) */
	char readonly_why[1200]; /* why, in words ("" when it can be written) */
};

enum book_mode {
	BOOK_EXISTING, /* the file must exist and be writable */
	BOOK_CREATE,   /* create it (and its directory, 0700) when missing */
	BOOK_READ      /* it must exist; read-only when it cannot be written
			* (its mode, directory or disk): every write then fails
			* with "BOOK is read-only (why): nothing was changed" */
};

/* The book's path: explicit (-d), else $RELANCE_DB, else
 * $XDG_DATA_HOME/relance/relance.db, else ~/.local/share/relance/relance.db.
 * Returns a malloc'ed string. */
char *book_resolve_path(const char *explicit_path);

/* Opens (and creates or upgrades) the book; prints a message saying what
 * happened (no book, not a book, a newer schema, busy, read-only, disk
 * full, a disk error) and returns -1 on failure. A book that cannot be
 * written is refused at once unless mode is BOOK_READ. */
int book_open(struct book *b, const char *path, enum book_mode mode);
/* The same for the book book_resolve_path(explicit_path) finds. */
int book_open_at(struct book *b, const char *explicit_path, enum book_mode mode);
void book_close(struct book *b);
/* SQLite's message for the last failed call on the book. */
const char *book_errmsg(const struct book *b);
/* Records the file the book lives in; with a parent copy id, the book also
 * takes a new copy id of its own (a clone, or a file copied with cp). */
int book_set_identity(struct book *b, const char *parent);

/* Large writes (imports, the demo) in one transaction: a rollback journal
 * in place of WAL when nobody else has the book open, else a page cache
 * big enough (up to 512 MiB, allocated as used) that WAL never spills.
 * book_bulk_end puts the settings back. */
struct book_bulk {
	long long cache_size;
	int journal_switched;
};
void book_bulk_begin(sqlite3 *db, struct book_bulk *saved);
/* The same, staying in WAL: for a writer that must see, under its lock,
 * whether others wrote since it read (PRAGMA data_version, which a switch
 * of journal mode blinds). */
void book_bulk_begin_wal(sqlite3 *db, struct book_bulk *saved);
void book_bulk_end(sqlite3 *db, const struct book_bulk *saved);

/* A number that moves when another connection commits to the book (PRAGMA
 * data_version): whether others wrote since it was last asked. */
long long book_data_version(sqlite3 *db);

/* A fact of book_meta ("" when absent), and setting one (0 or -1). */
void book_meta_get(sqlite3 *db, const char *key, char *out, size_t size);
int book_meta_set(sqlite3 *db, const char *key, const char *value);

/* Schema version this program writes; the book's version. */
int book_schema_version(void);
int book_user_version(sqlite3 *db);

/* Says what the last failure on db was, in words naming the book (busy,
 * read-only, disk full...), or "what: SQLite's message" for any other. */
void db_say(sqlite3 *db, const char *what);
/* Thin helpers: they say what failed (db_say) and return -1. */
int db_exec(sqlite3 *db, const char *sql);
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql);
int db_begin(sqlite3 *db);    /* BEGIN IMMEDIATE */
int db_commit(sqlite3 *db);
void db_rollback(sqlite3 *db);
/* A transaction that nests: BEGIN IMMEDIATE when none is open, else a
 * savepoint inside the caller's. *nested remembers which, for the end. */
int db_tx_begin(sqlite3 *db, int *nested);
int db_tx_commit(sqlite3 *db, int nested);
void db_tx_rollback(sqlite3 *db, int nested);
/* First column of the first row as an integer (0 when none). */
long long db_int(sqlite3 *db, const char *sql);
/* Binds text s[0..n), or NULL when n == 0; s must live until the step. */
int db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s, size_t n);

#endif
