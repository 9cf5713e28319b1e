/* sync_file.c — change files that a session could never write but a
 * damaged disk or a hostile sender can, made byte by byte (SQLite's
 * changeset format: a table header 'T', the column count, the primary key
 * flags and the name; then records: the operation, the indirect flag and
 * one value per column, of type 0 undefined, 1 integer, 3 text, 5 NULL)
 * and given a good checksum: an undefined value is refused by import
 * changes and the book is unchanged; a unit with a NULL table and key is
 * shown by sync show without a crash; a header whose length would wrap
 * is refused; and a file written by sync_file_write reads back whole. */
#include "book/lib.h"
#include "sync/lib.h"
#include "sync/sync_file.h"
#include "base/lib.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct buf {
	unsigned char b[4096];
	size_t n;
};

static void put(struct buf *o, const void *p, size_t n)
{
	memcpy(o->b + o->n, p, n);
	o->n += n;
}
static void byte(struct buf *o, int c) { o->b[o->n++] = (unsigned char)c; }
static void text(struct buf *o, const char *s)
{
	byte(o, 3);
	byte(o, (int)strlen(s)); /* a one-byte varint: shorter than 128 */
	put(o, s, strlen(s));
}
static void table(struct buf *o, const char *name, int ncol, int npk)
{
	byte(o, 'T');
	byte(o, ncol);
	for (int i = 0; i < ncol; i++)
		byte(o, i < npk);
	put(o, name, strlen(name) + 1);
}

static void header(struct sync_header *h, size_t n, long long units)
{
	memset(h, 0, sizeof *h);
	h->format = SYNC_FORMAT;
	h->schema = book_schema_version();
	strcpy(h->copy, "01a20000-0000-7000-8000-0000000000cc");
	strcpy(h->user, "tester");
	strcpy(h->made, "2026-11-24T10:00:00Z");
	h->units = units;
	h->bytes = n;
}

int main(void)
{
	char dir[] = "/tmp/relance-unit.XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char path[256], book_path[256], out_path[256];
	snprintf(path, sizeof path, "%s/x.chg", dir);
	snprintf(book_path, sizeof book_path, "%s/b.db", dir);
	snprintf(out_path, sizeof out_path, "%s/show.txt", dir);
	setenv("RELANCE_TODAY", "2026-11-24", 1);

	/* a task whose text is undefined, and its version */
	struct buf cs = {.n = 0};
	table(&cs, "tasks", 10, 1);
	byte(&cs, 18), byte(&cs, 0); /* SQLITE_INSERT, direct */
	text(&cs, "01a20000-0000-7000-8000-0000000000dd");
	text(&cs, "A1");
	text(&cs, "2026-12-01");
	byte(&cs, 0); /* undefined */
	text(&cs, "open");
	text(&cs, "tester");
	text(&cs, "2026-11-24T10:00:00Z");
	byte(&cs, 5), byte(&cs, 5);
	text(&cs, "2026-11-24T10:00:00Z");
	table(&cs, "sync_versions", 8, 2);
	byte(&cs, 18), byte(&cs, 0);
	text(&cs, "tasks");
	text(&cs, "01a20000-0000-7000-8000-0000000000dd");
	byte(&cs, 1), put(&cs, "\0\0\0\0\0\0\0\1", 8);
	byte(&cs, 1), put(&cs, "\0\0\1\x9a\0\0\0\0", 8);
	text(&cs, "01a20000-0000-7000-8000-0000000000cc");
	byte(&cs, 5), byte(&cs, 5);
	byte(&cs, 1), put(&cs, "\0\0\0\0\0\0\0\0", 8);

	struct sync_header h;
	header(&h, cs.n, 1);
	is_int(sync_file_write(path, &h, cs.b, cs.n), 0, "a change file is written");
	struct sync_header back;
	void *got = NULL;
	size_t n = 0;
	is_int(sync_file_read(path, 99, &back, &got, &n), 0, "and reads back");
	ok(n == cs.n && got && !memcmp(got, cs.b, n), "its change set whole");
	is_str(back.copy, h.copy, "its sending copy");
	is_int(back.units, 1, "its units");
	free(got);

	struct book b;
	is_int(book_open(&b, book_path, BOOK_CREATE), 0, "a new book");
	long long before = db_int(b.db, "SELECT count(*) FROM sync_rows");
	struct sync_import_result r;
	FILE *report = fopen("/dev/null", "w");
	is_int(sync_import(&b, path, 0, report, &r), -1, "an undefined value: the file is refused, no crash");
	is_int(db_int(b.db, "SELECT count(*) FROM tasks"), 0, "no task written");
	is_int(db_int(b.db, "SELECT count(*) FROM sync_rows"), before, "no version written");
	is_int(db_int(b.db, "PRAGMA foreign_keys"), 1, "foreign keys back on");
	is_int(db_int(b.db, "SELECT count(*) FROM pragma_database_list WHERE name = 'stage'"), 0, "nothing left attached");
	fclose(report);
	book_close(&b);

	/* a unit with no table and no key: shown, not a crash */
	struct buf v = {.n = 0};
	table(&v, "sync_versions", 8, 2);
	byte(&v, 18), byte(&v, 0);
	byte(&v, 5), byte(&v, 5);
	byte(&v, 1), put(&v, "\0\0\0\0\0\0\0\1", 8);
	byte(&v, 1), put(&v, "\0\0\1\x9a\0\0\0\0", 8);
	byte(&v, 5), byte(&v, 5), byte(&v, 5);
	byte(&v, 1), put(&v, "\0\0\0\0\0\0\0\0", 8);
	header(&h, v.n, 1);
	unlink(path);
	is_int(sync_file_write(path, &h, v.b, v.n), 0, "a file with a unit of no name");
	FILE *out = fopen(out_path, "w");
	is_int(sync_show(path, out), 0, "sync show prints it");
	fclose(out);
	char line[512] = "";
	out = fopen(out_path, "r");
	while (fgets(line, sizeof line, out) && !strstr(line, "version 1"))
		;
	fclose(out);
	ok(strstr(line, "? ?: version 1") != NULL, "with ? for what it lacks: %s", line);

	/* a header whose length would wrap */
	FILE *f = fopen(path, "w");
	const char *lie = "relance changes 1\nschema 1\ncopy 01a20000-0000-7000-8000-0000000000cc\nmade 2026-11-24T10:00:00Z\n"
			  "seq 0 1\nunits 1\nbytes 18446744073709551615\n\n\n";
	fputs(lie, f);
	char hex[65];
	sha256_hex(lie, strlen(lie), hex);
	fprintf(f, "sha256 %s\n", hex);
	fclose(f);
	is_int(sync_file_read(path, 99, &back, &got, &n), -1, "a length that would wrap is refused");

	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return done_testing();
}
