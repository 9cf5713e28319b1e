/* sync_file.c — change files that a session could never write but a
 * damaged disk or a hostile sender can, made byte by byte (SQLite's
 * changeset format: a table header 'T', the column count, the primary key
 * flags and the name; then records: the operation, the indirect flag and
 * one value per column, of type 0 undefined, 1 integer, 3 text, 5 NULL)
 * and given a good signature: an undefined value is refused by import
 * changes and the book is unchanged; a unit with a NULL table and key is
 * shown by sync show without a crash; a header whose length would wrap
 * is refused; a change set of one byte, or cut anywhere, is refused before
 * SQLite reads it (SQLite 3.40 loops forever on "T"); a file of another
 * family, a forged or unsigned one is refused; a change file may not
 * delete journal entries; and a file written by sync_file_write reads
 * back whole. */
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

/* A sync_versions row: version 1 of tbl/key, made on copy ...cc, gone or not. */
static void version(struct buf *o, const char *tbl, const char *key, int gone)
{
	byte(o, 18), byte(o, 0); /* SQLITE_INSERT, direct */
	text(o, tbl);
	text(o, key);
	byte(o, 1), put(o, "\0\0\0\0\0\0\0\1", 8);
	byte(o, 1), put(o, "\0\0\1\x9a\0\0\0\0", 8);
	text(o, "01a20000-0000-7000-8000-0000000000cc");
	byte(o, 5), byte(o, 5);
	byte(o, 1), put(o, gone ? "\0\0\0\0\0\0\0\1" : "\0\0\0\0\0\0\0\0", 8);
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
	version(&cs, "tasks", "01a20000-0000-7000-8000-0000000000dd", 0);

	struct book b;
	is_int(book_open(&b, book_path, BOOK_CREATE), 0, "a new book");
	struct sync_family fam, other;
	is_int(sync_family(&b, 0, &fam), 1, "it has no family before it needs one");
	is_int(sync_family(&b, 1, &fam), 0, "it gets one");
	is_int(sync_family(&b, 0, &other), 0, "and keeps it");
	ok(!strcmp(fam.id, other.id) && !memcmp(fam.key, other.key, 32), "the same one");

	struct sync_header h;
	header(&h, cs.n, 1);
	is_int(sync_file_write(path, &h, &fam, cs.b, cs.n), 0, "a change file is written");
	struct sync_header back;
	void *got = NULL;
	size_t n = 0;
	is_int(sync_file_read(path, 99, &fam, &back, &got, &n), -1, "an undefined value in an INSERT: refused "
	       "before SQLite reads it");

	long long before = db_int(b.db, "SELECT count(*) FROM sync_rows");
	struct sync_import_result r;
	FILE *report = fopen("/dev/null", "w");
	is_int(sync_import(&b, path, 0, report, &r), -1, "import changes refuses it, no crash");
	is_int(db_int(b.db, "SELECT count(*) FROM tasks"), 0, "no task written");
	is_int(db_int(b.db, "SELECT count(*) FROM sync_rows"), before, "no version written");
	is_int(db_int(b.db, "PRAGMA foreign_keys"), 1, "foreign keys back on");
	is_int(db_int(b.db, "SELECT count(*) FROM pragma_database_list WHERE name = 'stage'"), 0, "nothing left attached");

	/* the task with its text: a sound change set */
	cs.n = 0;
	table(&cs, "tasks", 10, 1);
	size_t tasks_start = cs.n;
	byte(&cs, 18), byte(&cs, 0);
	text(&cs, "01a20000-0000-7000-8000-0000000000dd");
	text(&cs, "A1");
	text(&cs, "2026-12-01");
	text(&cs, "call back");
	text(&cs, "open");
	text(&cs, "tester");
	text(&cs, "2026-11-24T10:00:00Z");
	byte(&cs, 5), byte(&cs, 5);
	text(&cs, "2026-11-24T10:00:00Z");
	size_t tasks_end = cs.n;
	table(&cs, "sync_versions", 8, 2);
	size_t versions_start = cs.n;
	version(&cs, "tasks", "01a20000-0000-7000-8000-0000000000dd", 0);
	header(&h, cs.n, 1);
	unlink(path);
	is_int(sync_file_write(path, &h, &fam, cs.b, cs.n), 0, "a sound change file");
	is_int(sync_file_read(path, 99, &fam, &back, &got, &n), 0, "reads back");
	ok(n == cs.n && got && !memcmp(got, cs.b, n), "its change set whole");
	is_str(back.copy, h.copy, "its sending copy");
	is_str(back.family, fam.id, "its family");
	is_int(back.signature_checked, 1, "its signature checked");
	is_int(back.units, 1, "its units");
	free(got);

	/* every cut of it, and the one byte "T", is refused by its structure */
	int cuts_refused = 0, cuts = 0;
	for (size_t cut = 1; cut < cs.n; cut++) {
		if (cut == tasks_start || cut == tasks_end || cut == versions_start)
			continue; /* a table whole, or a header alone: sound, if short of a unit */
		header(&h, cut, 1);
		unlink(path);
		sync_file_write(path, &h, &fam, cs.b, cut);
		cuts++;
		cuts_refused += sync_file_read(path, 99, &fam, &back, &got, &n) == -1;
	}
	is_int(cuts_refused, cuts, "a change set cut at any byte is refused (%d cuts)", cuts);
	header(&h, 1, 1);
	unlink(path);
	sync_file_write(path, &h, &fam, "T", 1);
	alarm(10); /* SQLite 3.40 loops forever on it */
	is_int(sync_import(&b, path, 0, report, &r), -1, "a change set of the one byte T is refused, no hang");
	FILE *out = fopen(out_path, "w");
	is_int(sync_show(&b, path, out), -1, "sync show refuses it too");
	fclose(out);
	alarm(0);

	/* another family, a forged signature, an unsigned file */
	header(&h, cs.n, 1);
	unlink(path);
	other = fam;
	strcpy(other.id, "01a20000-0000-7000-8000-0000000000ff");
	sync_file_write(path, &h, &other, cs.b, cs.n);
	is_int(sync_import(&b, path, 0, report, &r), -1, "a file of another family is refused");
	other = fam;
	other.key[0] ^= 1;
	unlink(path);
	sync_file_write(path, &h, &other, cs.b, cs.n);
	is_int(sync_import(&b, path, 0, report, &r), -1, "a file signed with another key is refused");
	is_int(db_int(b.db, "SELECT count(*) FROM tasks"), 0, "neither wrote a task");
	unlink(path);
	sync_file_write(path, &h, &fam, cs.b, cs.n);
	out = fopen(out_path, "w");
	is_int(sync_show(NULL, path, out), 0, "without a book, sync show shows it");
	fclose(out);
	is_int(db_exec(b.db, "INSERT INTO customers(account_no, name, imported_at) VALUES ('A1', 'A', "
			  "'2026-11-24T10:00:00Z')"), 0, "account A1");
	is_int(sync_import(&b, path, 0, report, &r), 0, "the file of this book's family is taken");
	is_int(db_int(b.db, "SELECT count(*) FROM tasks"), 1, "its task written");

	/* a journal entry said deleted */
	struct buf j = {.n = 0};
	table(&j, "sync_versions", 8, 2);
	version(&j, "activities", "01a20000-0000-7000-8000-0000000000ee", 1);
	header(&h, j.n, 1);
	unlink(path);
	sync_file_write(path, &h, &fam, j.b, j.n);
	is_int(sync_import(&b, path, 0, report, &r), -1, "a file that deletes a journal entry is refused");
	is_int(db_int(b.db, "SELECT count(*) FROM sync_rows WHERE tbl = 'activities' AND gone"), 0,
	       "no journal entry is hidden");
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
	is_int(sync_file_write(path, &h, &fam, v.b, v.n), 0, "a file with a unit of no name");
	out = fopen(out_path, "w");
	is_int(sync_show(NULL, path, out), 0, "sync show prints it");
	fclose(out);
	char line[512] = "";
	out = fopen(out_path, "r");
	while (fgets(line, sizeof line, out) && !strstr(line, "version 1"))
		;
	fclose(out);
	ok(strstr(line, "? ?: version 1") != NULL, "with ? for what it lacks: %s", line);

	/* a header whose length would wrap */
	FILE *f = fopen(path, "w");
	char lie[512];
	snprintf(lie, sizeof lie, "relance changes 2\nschema 1\nfamily %s\ncopy 01a20000-0000-7000-8000-0000000000cc\n"
		 "made 2026-11-24T10:00:00Z\nseq 0 1\nunits 1\nbytes 18446744073709551615\n\n\n", fam.id);
	fputs(lie, f);
	char hex[65];
	hmac_sha256_hex(fam.key, 32, lie, strlen(lie), hex);
	fprintf(f, "hmac-sha256 %s\n", hex);
	fclose(f);
	is_int(sync_file_read(path, 99, &fam, &back, &got, &n), -1, "a length that would wrap is refused");

	/* a file of the format before signatures */
	f = fopen(path, "w");
	fputs("relance changes 1\nschema 1\n\n\nsha256 0000\n", f);
	fclose(f);
	is_int(sync_file_read(path, 99, &fam, &back, &got, &n), -1, "an unsigned file of format 1 is refused");

	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return done_testing();
}
