/* fuzz.c — the hermetic process, files and small book the libFuzzer
 * targets share (fuzz.h). Linked into every target of tests/fuzz. */
#define _XOPEN_SOURCE 700
#include "fuzz.h"

#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/lib.h"
#include "book/lib.h"
#include "ledger/lib.h"

static char dir[256];

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

static void remove_dir(void)
{
	if (dir[0])
		nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

void fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list ap;
	char msg[1024];
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* fd 2 itself: stderr may be /dev/null by now */
	dprintf(2, "%s:%d: check failed: %s: %s\n", file, line, cond, msg);
	abort();
}

void fuzz_hermetic(void)
{
	if (dir[0])
		return;
	static const char *const unset[] = {"RELANCE_DB", "RELANCE_CLOCK", "XDG_STATE_HOME", "XDG_CACHE_HOME",
					    "EDITOR", "VISUAL", "NO_COLOR", "LANGUAGE", "SENDMAIL", "TZDIR"};
	for (size_t i = 0; i < sizeof unset / sizeof *unset; i++)
		unsetenv(unset[i]);
	setenv("RELANCE_TODAY", "2026-11-24", 1);
	setenv("RELANCE_USER", "tester", 1);
	setenv("USER", "tester", 1);
	setenv("LANG", "C.UTF-8", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("TZ", "UTC", 1);
	tzset();
	snprintf(dir, sizeof dir, "/tmp/relance-fuzz.XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		abort();
	}
	atexit(remove_dir);
	char sub[300];
	setenv("HOME", dir, 1);
	snprintf(sub, sizeof sub, "%s/.config", dir);
	setenv("XDG_CONFIG_HOME", sub, 1);
	snprintf(sub, sizeof sub, "%s/.local/share", dir);
	setenv("XDG_DATA_HOME", sub, 1);
	if (today_from_env()) {
		fprintf(stderr, "fuzz: RELANCE_TODAY not taken\n");
		abort();
	}
	/* messages for the user would drown libFuzzer's lines: stdio's stderr
	 * goes nowhere, fd 2 (sanitizers, libFuzzer) stays */
	if (!getenv("FUZZ_VERBOSE")) {
		FILE *null = fopen("/dev/null", "w");
		if (null)
			stderr = null;
	}
}

const char *fuzz_dir(void)
{
	fuzz_hermetic();
	return dir;
}

const char *fuzz_path(const char *name)
{
	static char paths[4][512];
	static int next;
	char *p = paths[next++ % 4];
	snprintf(p, sizeof paths[0], "%s/%s", fuzz_dir(), name);
	return p;
}

void fuzz_write(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		dprintf(2, "fuzz: cannot write %s\n", path);
		abort();
	}
}

/* tests/data's customers, invoices and payments */
static const char customers[] =
	"account_no,name,collector,language,phone,email\n"
	"A1,Société Générale,amartin,fr,+32 2 512 34 56,compta@sg.example\n"
	"A2,Brasserie De Koninck,jpeeters,nl,+32 3 218 40 48; +32 475 12 34 56,info@dekoninck.example\n"
	"A3,Müller GmbH,amartin,de,,\n";
static const char invoices[] =
	"invoice_no,account_no,kind,issue_date,due_date,amount,open_amount,currency,reference\n"
	"I1,A1,invoice,2026-10-01,2026-11-30,100.00,100.00,EUR,+++000/0000/00101+++\n"
	"I2,A1,invoice,2026-09-01,2026-10-25,200.00,150.00,EUR,\n"
	"I3,A1,invoice,2026-08-01,2026-10-24,300.00,300.00,EUR,RF18539007547034\n"
	"I4,A1,credit_note,2026-09-15,2026-09-15,-50.00,-50.00,EUR,\n"
	"I5,A2,invoice,2026-06-01,2026-08-26,400.00,400.00,EUR,\n"
	"I6,A2,invoice,2026-06-01,2026-08-25,500.00,500.00,EUR,\n"
	"I7,A2,invoice,2026-06-01,2026-11-24,60.00,60.00,EUR,\n"
	"I8,A3,invoice,2026-01-01,2026-02-01,70.00,0,EUR,\n";
static const char payments[] =
	"payment_ref,account_no,date,amount,invoice_no,communication\n"
	"P1,A1,2026-10-30,50.00,I2,+++000/0000/00202+++\n"
	"P2,,2026-02-03,70.00,I8,I8\n"
	"P3,A3,2026-02-04,\"1,000.00\",,\"advance, thank you\"\n";

struct book *fuzz_book(void)
{
	static struct book b;
	static int made;
	if (made)
		return &b;
	if (book_open(&b, fuzz_path("book.db"), BOOK_CREATE)) {
		dprintf(2, "fuzz: cannot make the book\n");
		abort();
	}
	struct {
		const char *kind, *text;
	} files[] = {{"customers", customers}, {"invoices", invoices}, {"payments", payments}};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		struct import_opts o;
		struct import_stats st;
		import_opts_default(&o);
		o.quiet = 1;
		o.progress = 0;
		if (import_buffer(&b, import_kind_named(files[i].kind), files[i].kind, files[i].text,
				  strlen(files[i].text), &o, &st)) {
			dprintf(2, "fuzz: cannot import the book's %s\n", files[i].kind);
			abort();
		}
	}
	/* a book for one process that nobody else opens: no waiting on the disk */
	db_exec(b.db, "PRAGMA synchronous = OFF");
	made = 1;
	return &b;
}

void fuzz_book_digest(struct book *b, char out[65])
{
	struct sha256 h;
	unsigned char d[32];
	sha256_init(&h);
	sqlite3_stmt *tables = db_prepare(b->db, "SELECT printf('SELECT * FROM \"%w\"', name) FROM sqlite_schema "
						  "WHERE type = 'table' ORDER BY name");
	while (tables && sqlite3_step(tables) == SQLITE_ROW) {
		const char *sql = (const char *)sqlite3_column_text(tables, 0);
		sha256_update(&h, sql, strlen(sql));
		sqlite3_stmt *rows = db_prepare(b->db, sql);
		while (rows && sqlite3_step(rows) == SQLITE_ROW)
			for (int i = 0; i < sqlite3_column_count(rows); i++) {
				const void *v = sqlite3_column_blob(rows, i);
				int n = sqlite3_column_bytes(rows, i);
				sha256_update(&h, &n, sizeof n);
				if (v)
					sha256_update(&h, v, (size_t)n);
			}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	sha256_final(&h, d);
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void fuzz_import(const char *kind_name, const uint8_t *data, size_t size)
{
	static char before[65];
	struct book *b = fuzz_book();
	const struct import_kind *kind = import_kind_named(kind_name);
	FUZZ_CHECK(kind != NULL, "no import kind %s", kind_name);
	if (!before[0])
		fuzz_book_digest(b, before);
	const char *path = fuzz_path("import.csv");
	fuzz_write(path, data, size);
	struct import_opts o;
	struct import_stats dry, real;
	import_opts_default(&o);
	o.quiet = 1;
	o.progress = 0;
	o.dry_run = 1;
	/* both in one transaction: no journal switch, nothing to disk */
	FUZZ_CHECK(db_exec(b->db, "BEGIN IMMEDIATE") == 0, "cannot begin");
	int rc_dry = import_file(b, kind, path, &o, &dry);
	FUZZ_CHECK(rc_dry == 0 || rc_dry == 1, "dry run returned %d", rc_dry);
	FUZZ_CHECK(rc_dry == 1 || dry.errors == 0, "dry run returned %d with %ld errors", rc_dry, dry.errors);
	o.dry_run = 0;
	int rc = import_file(b, kind, path, &o, &real);
	db_rollback(b->db);
	FUZZ_CHECK(rc == rc_dry, "the dry run returned %d, the import %d", rc_dry, rc);
	FUZZ_CHECK(real.errors == dry.errors && real.rows == dry.rows, "dry run: %ld rows %ld errors; import: %ld rows %ld errors",
		   dry.rows, dry.errors, real.rows, real.errors);
	char after[65];
	fuzz_book_digest(b, after);
	FUZZ_CHECK(!strcmp(before, after), "the book changed: %s then %s", before, after);
}
