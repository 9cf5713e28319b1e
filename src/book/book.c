/* book.c — opening the book, its settings and its migrations. The schema
 * texts come from data/ (compiled in by src/tools/embed.sh); migration N
 * brings user_version from N-1 to N. Never includes ncurses. */
#include "book.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/lib.h"

/* How long a writer waits for another's write lock before "database is
 * locked": longer than the final transaction of the largest import (about
 * 5 s for a million invoice rows, more on a loaded machine), so that a
 * collector's note never fails because an import runs. */
#define BUSY_TIMEOUT_MS 60000

/* 'RELA', set by data/schema.sql */
#define RELANCE_APPLICATION_ID 0x52454c41

extern const char *const relance_migrations[];
extern const size_t relance_migrations_count;

int book_schema_version(void)
{
	return (int)relance_migrations_count;
}

static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = malloc(la + lb + 1);
	if (!s)
		abort();
	memcpy(s, a, la);
	memcpy(s + la, b, lb + 1);
	return s;
}

char *book_resolve_path(const char *explicit_path)
{
	const char *v;
	if (explicit_path && *explicit_path)
		return join(explicit_path, "");
	if ((v = getenv("RELANCE_DB")) && *v)
		return join(v, "");
	if ((v = getenv("XDG_DATA_HOME")) && *v == '/')
		return join(v, "/relance/relance.db");
	v = getenv("HOME");
	return join(v && *v ? v : ".", "/.local/share/relance/relance.db");
}

/* mkdir -p of the directory part of path, mode 0700 for what it creates. */
static int make_parent_dirs(const char *path)
{
	char *d = join(path, "");
	for (char *p = d + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0700) != 0 && errno != EEXIST) {
			msg_error("cannot create directory %s: %s", d, strerror(errno));
			free(d);
			return -1;
		}
		*p = '/';
	}
	free(d);
	return 0;
}

int db_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		msg_error("database: %s", err ? err : sqlite3_errmsg(db));
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		msg_error("database: %s", sqlite3_errmsg(db));
		return NULL;
	}
	return st;
}

int db_begin(sqlite3 *db) { return db_exec(db, "BEGIN IMMEDIATE"); }
int db_commit(sqlite3 *db) { return db_exec(db, "COMMIT"); }

void db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int db_tx_begin(sqlite3 *db, int *nested)
{
	*nested = !sqlite3_get_autocommit(db);
	return db_exec(db, *nested ? "SAVEPOINT relance_tx" : "BEGIN IMMEDIATE");
}

int db_tx_commit(sqlite3 *db, int nested)
{
	return db_exec(db, nested ? "RELEASE relance_tx" : "COMMIT");
}

void db_tx_rollback(sqlite3 *db, int nested)
{
	if (nested)
		sqlite3_exec(db, "ROLLBACK TO relance_tx; RELEASE relance_tx", NULL, NULL, NULL);
	else
		db_rollback(db);
}

long long db_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	long long v = 0;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s, size_t n)
{
	if (!s || n == 0)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, (int)n, SQLITE_STATIC);
}

/* Returns the journal mode now in force ("wal", "delete"), in buf. */
static const char *set_journal_mode(sqlite3 *db, const char *mode, char *buf, size_t size)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA journal_mode = %s", mode);
	sqlite3_stmt *st = NULL;
	buf[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

void book_bulk_begin(sqlite3 *db, struct book_bulk *saved)
{
	saved->cache_size = db_int(db, "PRAGMA cache_size");
	saved->journal_switched = 0;
	/* Outside a transaction and with nobody else on the book, a rollback
	 * journal writes new pages once, where WAL writes them twice (log, then
	 * checkpoint), and spills its cache cheaply. With anyone else on it the
	 * switch fails at once, and the import runs in WAL as usual, with a
	 * cache large enough never to spill (WAL spills of a large transaction
	 * are quadratic: 80 s instead of 18 for the 100,000-account demo). */
	if (sqlite3_get_autocommit(db)) {
		char mode[16];
		sqlite3_busy_timeout(db, 0);
		if (!strcmp(set_journal_mode(db, "DELETE", mode, sizeof mode), "delete")) {
			db_exec(db, "PRAGMA synchronous = FULL");
			saved->journal_switched = 1;
		}
		sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	}
	if (!saved->journal_switched)
		db_exec(db, "PRAGMA cache_size = -524288");
}

void book_bulk_end(sqlite3 *db, const struct book_bulk *saved)
{
	char sql[64], mode[16];
	if (saved->journal_switched) {
		if (strcmp(set_journal_mode(db, "WAL", mode, sizeof mode), "wal") != 0)
			msg_warn("could not switch the book back to WAL mode (it is %s)", mode);
		db_exec(db, "PRAGMA synchronous = NORMAL");
	}
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", saved->cache_size);
	db_exec(db, sql);
}

/* WAL mode, which the book is in except while a large write runs alone
 * with a rollback journal (book_bulk_begin). SQLite does not wait for that
 * writer when asked to switch back, it says "database is locked" at once:
 * this waits for it as the busy timeout would. */
static int wal_on(sqlite3 *db)
{
	char mode[16];
	for (int waited = 0;; waited += 20) {
		if (set_journal_mode(db, "WAL", mode, sizeof mode)[0]) /* the mode SQLite kept, as asked or not */
			return 0;
		if ((sqlite3_errcode(db) & 0xff) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS) {
			msg_error("database: %s", sqlite3_errmsg(db));
			return -1;
		}
		sqlite3_sleep(20);
	}
}

int book_user_version(sqlite3 *db)
{
	return (int)db_int(db, "PRAGMA user_version");
}

/* Applies the migrations the book lacks, all in one transaction. */
static int migrate(struct book *b)
{
	sqlite3 *db = b->db;
	int have = book_user_version(db), want = book_schema_version();
	if (have == want)
		return 0;
	if (have > want) {
		msg_error("%s: the book has schema version %d; this relance knows up to %d: "
			  "use a newer relance", b->path, have, want);
		return -1;
	}
	if (db_begin(db))
		return -1;
	have = book_user_version(db); /* another process may have migrated */
	for (int v = have; v < want; v++) {
		if (db_exec(db, relance_migrations[v])) {
			msg_error("%s: migration to schema version %d failed", b->path, v + 1);
			db_rollback(db);
			return -1;
		}
	}
	b->created = have == 0;
	if (have == 0) {
		char id[UID_LEN + 1], now[21];
		uid_new(id);
		now_utc(now);
		if (book_meta_set(db, "copy_id", id) || book_meta_set(db, "created_at", now)) {
			db_rollback(db);
			return -1;
		}
	}
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", want);
	if (db_exec(db, pragma) || db_commit(db)) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

void book_meta_get(sqlite3 *db, const char *key, char *out, size_t size)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT value FROM book_meta WHERE key = ?1");
	out[0] = '\0';
	if (st) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
}

static void read_copy_id(struct book *b)
{
	book_meta_get(b->db, "copy_id", b->copy_id, sizeof b->copy_id);
}

int book_meta_set(sqlite3 *db, const char *key, const char *value)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT OR REPLACE INTO book_meta(key, value) VALUES (?1, ?2)");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc)
		msg_error("database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc;
}

/* The file a book lives in, as "device:inode"; -1 when it cannot be read. */
static int file_identity(const char *path, char out[64])
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return -1;
	snprintf(out, 64, "%llu:%llu", (unsigned long long)sb.st_dev, (unsigned long long)sb.st_ino);
	return 0;
}

int book_set_identity(struct book *b, const char *parent)
{
	char file[64], id[UID_LEN + 1], now[21];
	if (file_identity(b->path, file)) {
		msg_error("%s: %s", b->path, strerror(errno));
		return -1;
	}
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	int rc = book_meta_set(b->db, "copy_file", file);
	if (rc == 0 && parent) {
		uid_new(id);
		now_utc(now);
		rc = book_meta_set(b->db, "copy_id", id);
		if (rc == 0)
			rc = book_meta_set(b->db, "copy_parent", parent);
		if (rc == 0)
			rc = book_meta_set(b->db, "copy_since", now);
		/* a call left open belongs to the copy it began in (call.c) */
		if (rc == 0)
			rc = db_exec(b->db, "DELETE FROM book_meta WHERE key >= 'call_open:' AND key < 'call_open;'");
	}
	/* versions name copies by number (schema 4) */
	if (rc == 0)
		rc = db_exec(b->db, "INSERT OR IGNORE INTO sync_copies(id) SELECT value FROM book_meta WHERE key = 'copy_id'");
	if (rc == 0)
		rc = db_tx_commit(b->db, nested);
	if (rc)
		db_tx_rollback(b->db, nested);
	return rc;
}

/* A book knows the file it lives in (device and inode). Found in another
 * file, it is a copy made with cp (or a restored backup): it takes an
 * identity of its own before it writes anything, so that two files never
 * make changes under one copy id. */
static int keep_identity(struct book *b)
{
	char file[64], had[64];
	if (file_identity(b->path, file))
		return 0;
	book_meta_get(b->db, "copy_file", had, sizeof had);
	if (!strcmp(had, file))
		return 0;
	read_copy_id(b);
	/* a book from before schema 4 never noted its file: any cp of it made
	 * then shares its id, so it takes a new one too */
	return book_set_identity(b, had[0] || !b->created ? b->copy_id : NULL);
}

/* relance is single-threaded: no mutexes, no memory statistics (which take
 * a lock on every allocation). Must run before SQLite initialises. */
static void configure_library(void)
{
	static int done;
	if (done++)
		return;
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int book_open(struct book *b, const char *path, enum book_mode mode)
{
	configure_library();
	memset(b, 0, sizeof *b);
	b->path = join(path, "");
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (mode != BOOK_CREATE) {
			msg_error("no book at %s (create one with 'relance demo' or 'relance import')", path);
			goto fail;
		}
		if (make_parent_dirs(path))
			goto fail;
		int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0600);
		if (fd < 0 && errno != EEXIST) {
			msg_error("cannot create %s: %s", path, strerror(errno));
			goto fail;
		}
		if (fd >= 0)
			close(fd);
	} else if (!S_ISREG(sb.st_mode)) {
		msg_error("%s is not a file", path);
		goto fail;
	}
	if (sqlite3_open_v2(path, &b->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		msg_error("cannot open %s: %s", path, b->db ? sqlite3_errmsg(b->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(b->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(b->db, 1);
	/* the first read of the file tells whether it is a database at all */
	sqlite3_stmt *probe = NULL;
	int rc = sqlite3_prepare_v2(b->db, "SELECT count(*) FROM sqlite_schema", -1, &probe, NULL);
	long long objects = -1;
	if (rc == SQLITE_OK && sqlite3_step(probe) == SQLITE_ROW)
		objects = sqlite3_column_int64(probe, 0);
	sqlite3_finalize(probe);
	if (objects < 0) {
		msg_error("%s is not a relance book: %s", path, sqlite3_errmsg(b->db));
		goto fail;
	}
	if (objects > 0 && db_int(b->db, "PRAGMA application_id") != RELANCE_APPLICATION_ID) {
		msg_error("%s is an SQLite database but not a relance book", path);
		goto fail;
	}
	/* refuse a book from a newer relance before changing anything in it */
	if (book_user_version(b->db) > book_schema_version()) {
		msg_error("%s: the book has schema version %d; this relance knows up to %d: "
			  "use a newer relance", b->path, book_user_version(b->db), book_schema_version());
		goto fail;
	}
	/* a new book gets 8 KiB pages: fewer, fuller b-tree pages for a big ledger */
	if (objects == 0 && db_exec(b->db, "PRAGMA page_size = 8192"))
		goto fail;
	if (wal_on(b->db) || db_exec(b->db, "PRAGMA foreign_keys = ON; "
			   "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; "
			   /* reads through a memory map: no read() per page */
			   "PRAGMA mmap_size = 1073741824"))
		goto fail;
	if (migrate(b) || keep_identity(b))
		goto fail;
	read_copy_id(b);
	return 0;
fail:
	book_close(b);
	return -1;
}

int book_open_at(struct book *b, const char *explicit_path, enum book_mode mode)
{
	char *path = book_resolve_path(explicit_path);
	int rc = book_open(b, path, mode);
	free(path);
	return rc;
}

const char *book_errmsg(const struct book *b)
{
	return sqlite3_errmsg(b->db);
}

void book_close(struct book *b)
{
	if (b->db)
		sqlite3_close(b->db);
	b->db = NULL;
	free(b->path);
	b->path = NULL;
}
