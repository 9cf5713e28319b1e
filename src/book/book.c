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
#include <sys/statvfs.h>
#include <unistd.h>

#include "base/lib.h"

/* How long a writer waits for another's write lock before "database is
 * locked": longer than the final transaction of the largest import (about
 * 5 s for a million invoice rows, more on a loaded machine), so that a
 * collector's note never fails because an import runs. RELANCE_BUSY_SECONDS
 * (1 to 3600) sets another. */
static int busy_ms(void)
{
	static int ms;
	if (!ms) {
		const char *e = getenv("RELANCE_BUSY_SECONDS");
		int s = e ? atoi(e) : 0;
		ms = (s >= 1 && s <= 3600 ? s : 60) * 1000;
	}
	return ms;
}
#define BUSY_TIMEOUT_MS busy_ms()

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

/* Why the book at path cannot be written, in words, into why; NULL when
 * it can: its disk mounted read-only, the file's mode or its immutable
 * mark, or a directory where its journal (-wal, -shm) cannot be made. */
static const char *unwritable(const char *path, char *why, size_t size)
{
	struct statvfs vfs;
	if ((statvfs(path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY)) || (access(path, W_OK) != 0 && errno == EROFS)) {
		snprintf(why, size, "it is on a disk mounted read-only");
		return why;
	}
	if (access(path, W_OK) != 0 && errno != ENOENT) {
		snprintf(why, size, errno == EPERM ? "the file is marked immutable"
						   : "the file's permissions do not let you write it");
		return why;
	}
	/* WAL needs to write its -shm (and -wal) too */
	for (int i = 0; i < 2; i++) {
		char *side = join(path, i ? "-wal" : "-shm");
		int bad = access(side, W_OK) != 0 && errno != ENOENT;
		if (bad)
			snprintf(why, size, "%s cannot be written", side);
		free(side);
		if (bad)
			return why;
	}
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	if (access(dir, W_OK | X_OK) != 0 && errno != ENOENT) {
		snprintf(why, size, "its directory %s cannot be written, and the book's journal goes there", dir);
		free(dir);
		return why;
	}
	free(dir);
	return NULL;
}

/* The path of the book db is open on, for messages. */
static const char *db_path(sqlite3 *db)
{
	const char *p = db ? sqlite3_db_filename(db, "main") : NULL;
	return p && *p ? p : "the book";
}

static void say_readonly(const char *path)
{
	char why[1200];
	if (!unwritable(path, why, sizeof why))
		snprintf(why, sizeof why, "opened for reading only");
	msg_error("%s is read-only (%s): nothing was changed", path, why);
}

/* What went wrong with the book at path, in words, after SQLite's code rc
 * and the system's errno sys (detail: SQLite's message, said after what
 * for any other failure). A full disk is often an I/O error to SQLite
 * (writing the -wal or -shm): the system's ENOSPC tells. */
static void say_failure(const char *path, int rc, int sys, const char *what, const char *detail)
{
	if ((rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))
		rc = SQLITE_FULL;
	if ((rc & 0xff) == SQLITE_IOERR && sys == EROFS)
		rc = SQLITE_READONLY;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
		msg_error("%s is busy: another program has kept it locked for more than %d seconds; "
			  "nothing was changed, try again when it is done", path, BUSY_TIMEOUT_MS / 1000);
		break;
	case SQLITE_READONLY:
		say_readonly(path);
		break;
	case SQLITE_FULL:
		msg_error("cannot write %s: the disk is full", path);
		break;
	case SQLITE_IOERR:
		msg_error("cannot read or write %s: the disk reported an error (%s)", path,
			  sys ? strerror(sys) : detail);
		break;
	case SQLITE_CORRUPT:
		msg_error("%s is damaged (%s); 'relance check' says more", path, detail);
		break;
	case SQLITE_NOTADB:
		msg_error("%s is not a relance book: it is not an SQLite database at all", path);
		break;
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		msg_error("cannot open %s: %s", path, detail);
		break;
	case SQLITE_NOMEM:
		msg_error("%s: out of memory", path);
		break;
	default:
		msg_error("%s: %s", what, detail);
	}
}

void db_say(sqlite3 *db, const char *what)
{
	say_failure(db_path(db), sqlite3_extended_errcode(db), sqlite3_system_errno(db), what, sqlite3_errmsg(db));
}

int db_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		int rc = sqlite3_extended_errcode(db);
		say_failure(db_path(db), rc, sqlite3_system_errno(db), "database", err ? err : sqlite3_errmsg(db));
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_say(db, "database");
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

/* book_bulk_begin, switching to a rollback journal when may_switch. */
static void bulk_begin(sqlite3 *db, struct book_bulk *saved, int may_switch)
{
	saved->cache_size = db_int(db, "PRAGMA cache_size");
	saved->journal_switched = 0;
	/* Outside a transaction and with nobody else on the book, a rollback
	 * journal writes new pages once, where WAL writes them twice (log, then
	 * checkpoint), and spills its cache cheaply. With anyone else on it the
	 * switch fails at once, and the import runs in WAL as usual, with a
	 * cache large enough never to spill (WAL spills of a large transaction
	 * are quadratic: 80 s instead of 18 for the 100,000-account demo). */
	if (may_switch && sqlite3_get_autocommit(db)) {
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

void book_bulk_begin(sqlite3 *db, struct book_bulk *saved) { bulk_begin(db, saved, 1); }

void book_bulk_begin_wal(sqlite3 *db, struct book_bulk *saved) { bulk_begin(db, saved, 0); }

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

/* Applies the migrations the book lacks, all in one transaction (have:
 * its user_version, as read at the open). */
static int migrate(struct book *b, int have)
{
	sqlite3 *db = b->db;
	int want = book_schema_version();
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

long long book_data_version(sqlite3 *db)
{
	return db_int(db, "PRAGMA data_version");
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

/* The book's copy id, into b, and the file it last knew it lived in, into
 * file: one statement at every open, where two cost 25,000 instructions
 * more. */
static void read_identity(struct book *b, char *file, size_t size)
{
	sqlite3_stmt *st = db_prepare(b->db, "SELECT key, value FROM book_meta WHERE key IN ('copy_id', 'copy_file')");
	b->copy_id[0] = file[0] = '\0';
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0), *v = (const char *)sqlite3_column_text(st, 1);
		if (k && v && !strcmp(k, "copy_id"))
			snprintf(b->copy_id, sizeof b->copy_id, "%s", v);
		else if (k && v)
			snprintf(file, size, "%s", v);
	}
	sqlite3_finalize(st);
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
		db_say(db, "database");
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
	read_identity(b, had, sizeof had);
	if (file_identity(b->path, file) || !strcmp(had, file))
		return 0;
	/* a book from before schema 4 never noted its file: any cp of it made
	 * then shares its id, so it takes a new one too */
	if (book_set_identity(b, had[0] || !b->created ? b->copy_id : NULL))
		return -1;
	read_copy_id(b);
	return 0;
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

/* A file: URI for path, its reserved characters escaped, with query q. */
static char *uri_of(const char *path, const char *q)
{
	struct sbuf u = {0};
	sbuf_puts(&u, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		char hex[4];
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/._-~", *p))
			sbuf_put(&u, (const char *)p, 1);
		else
			snprintf(hex, sizeof hex, "%%%02X", *p), sbuf_puts(&u, hex);
	}
	sbuf_puts(&u, q);
	char *uri = xstrndup(u.s, u.len);
	sbuf_free(&u);
	return uri;
}

/* The first read of the file: the number of objects in its schema, or -1
 * (SQLite's code in *rc) when it could not be read. */
static long long probe(sqlite3 *db, int *rc)
{
	sqlite3_stmt *st = NULL;
	long long objects = -1;
	*rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL);
	if (*rc == SQLITE_OK && (*rc = sqlite3_step(st)) == SQLITE_ROW)
		objects = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (objects < 0)
		*rc = sqlite3_extended_errcode(db);
	return objects;
}

/* Opens a book that cannot be written for reading. In WAL mode SQLite
 * reads beside the file (-shm, -wal): mode=ro works when those can be
 * made or are there; where they cannot (a read-only directory or disk)
 * and nothing waits in a -wal, the file is read as it is (immutable=1),
 * nobody being able to change it there. -1 after a message. */
static int open_readonly(struct book *b, long long *objects)
{
	static const char *const ways[] = {"?mode=ro", "?immutable=1"};
	int rc = SQLITE_OK;
	/* a read-only open makes the -wal and -shm it needs (where it can)
	 * with the file's mode, 0400: the next open to write could not use
	 * them. Those it makes are given 0600 once it has them. */
	char *sides[2] = {join(b->path, "-wal"), join(b->path, "-shm")};
	int made[2];
	for (int i = 0; i < 2; i++) {
		struct stat sb;
		made[i] = stat(sides[i], &sb) != 0 && errno == ENOENT;
	}
	for (size_t i = 0; i < sizeof ways / sizeof *ways; i++) {
		struct stat sb;
		if (i == 1 && stat(sides[0], &sb) == 0 && sb.st_size > 0)
			break; /* changes wait in the -wal: immutable=1 would not see them */
		char *uri = uri_of(b->path, ways[i]);
		rc = sqlite3_open_v2(uri, &b->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
		free(uri);
		if (rc == SQLITE_OK) {
			sqlite3_busy_timeout(b->db, BUSY_TIMEOUT_MS);
			sqlite3_extended_result_codes(b->db, 1);
			if ((*objects = probe(b->db, &rc)) >= 0) {
				for (int k = 0; k < 2; k++) /* failing, the next open says so */
					if (made[k])
						chmod(sides[k], 0600);
				free(sides[0]);
				free(sides[1]);
				return 0;
			}
		}
		if (b->db)
			sqlite3_close(b->db);
		b->db = NULL;
		if ((rc & 0xff) != SQLITE_CANTOPEN && (rc & 0xff) != SQLITE_READONLY)
			break; /* not a question of where it is */
	}
	free(sides[0]);
	free(sides[1]);
	if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY)
		msg_error("cannot read %s: it is read-only (%s), and its journal (%s-wal) cannot be read", b->path,
			  b->readonly_why, b->path);
	else
		say_failure(b->path, rc, 0, "database", sqlite3_errstr(rc));
	return -1;
}

int book_open(struct book *b, const char *path, enum book_mode mode)
{
	configure_library();
	memset(b, 0, sizeof *b);
	b->path = join(path, "");
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT) {
			msg_error("cannot open the book %s: %s", path, strerror(errno));
			goto fail;
		}
		if (mode != BOOK_CREATE) {
			msg_error("no book at %s (create one with 'relance demo' or 'relance import')", path);
			goto fail;
		}
		if (private_parent_dirs(path)) {
			msg_error("cannot create the directory of %s: %s", path, strerror(errno));
			goto fail;
		}
		/* 0600 whatever the umask: SQLite gives -wal and -shm the book's mode */
		int fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST) {
			msg_error("cannot create the book %s: %s", path, strerror(errno));
			goto fail;
		}
		if (fd >= 0 && (fchmod(fd, 0600) != 0 || close(fd) != 0)) {
			msg_error("cannot create the book %s: %s", path, strerror(errno));
			goto fail;
		}
	} else if (S_ISDIR(sb.st_mode)) {
		msg_error("%s is a directory, not a book", path);
		goto fail;
	} else if (!S_ISREG(sb.st_mode)) {
		msg_error("%s is not a file", path);
		goto fail;
	}
	long long objects = -1;
	int rc;
	if (unwritable(path, b->readonly_why, sizeof b->readonly_why)) {
		if (mode != BOOK_READ) {
			msg_error("%s is read-only (%s): nothing was changed", path, b->readonly_why);
			goto fail;
		}
		b->readonly = 1;
		if (open_readonly(b, &objects))
			goto fail;
	} else {
		b->readonly_why[0] = '\0';
		rc = sqlite3_open_v2(path, &b->db, SQLITE_OPEN_READWRITE, NULL);
		if (rc != SQLITE_OK) {
			say_failure(path, rc, b->db ? sqlite3_system_errno(b->db) : 0, "database",
				    b->db ? sqlite3_errmsg(b->db) : sqlite3_errstr(rc));
			goto fail;
		}
		sqlite3_busy_timeout(b->db, BUSY_TIMEOUT_MS);
		sqlite3_extended_result_codes(b->db, 1);
		/* the first read of the file tells whether it is a database at all */
		objects = probe(b->db, &rc);
		if (objects < 0) {
			if ((rc & 0xff) == SQLITE_CANTOPEN)
				msg_error("cannot open %s: %s", path,
					  sqlite3_system_errno(b->db) ? strerror(sqlite3_system_errno(b->db))
								      : sqlite3_errmsg(b->db));
			else
				say_failure(path, rc, sqlite3_system_errno(b->db), "database", sqlite3_errmsg(b->db));
			goto fail;
		}
	}
	if (objects > 0 && db_int(b->db, "PRAGMA application_id") != RELANCE_APPLICATION_ID) {
		msg_error("%s is an SQLite database but not a relance book", path);
		goto fail;
	}
	/* refuse a book from a newer relance before changing anything in it */
	int have = book_user_version(b->db);
	if (have > book_schema_version()) {
		msg_error("%s: the book has schema version %d; this relance knows up to %d: "
			  "use a newer relance", b->path, have, book_schema_version());
		goto fail;
	}
	if (b->readonly) {
		/* read as it is: nothing can be brought up to date */
		if (have < book_schema_version()) {
			msg_error("%s is read-only (%s), and its schema (version %d) is older than this relance's "
				  "(%d): open it once where it can be written, to bring it up to date",
				  path, b->readonly_why, have, book_schema_version());
			goto fail;
		}
		if (db_exec(b->db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; "
				   "PRAGMA mmap_size = 1073741824"))
			goto fail;
		read_copy_id(b);
		return 0;
	}
	/* a new book gets 8 KiB pages: fewer, fuller b-tree pages for a big ledger */
	if (objects == 0 && db_exec(b->db, "PRAGMA page_size = 8192"))
		goto fail;
	if (wal_on(b->db) || db_exec(b->db, "PRAGMA foreign_keys = ON; "
			   "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; "
			   /* reads through a memory map: no read() per page */
			   "PRAGMA mmap_size = 1073741824"))
		goto fail;
	if (migrate(b, have) || keep_identity(b))
		goto fail;
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
