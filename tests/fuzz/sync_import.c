/* sync_import.c (fuzz) — feeds any bytes as a change file from another
 * copy with a right header and signature (of the book's family) to `import changes --dry-run` (sync_import) on a
 * small book: the first byte is the number of units its header gives,
 * the rest its change set (SQLite's session format). Checks that it returns 0 or -1 and that the dry run leaves
 * the book as it found it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "book/lib.h"
#include "sync/lib.h"
#include "fuzz.h"

static FILE *report;
static char before[65];
static struct sync_family fam;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_hermetic();
	if (sync_family(fuzz_book(), 1, &fam))
		abort();
	fuzz_book_digest(fuzz_book(), before);
	report = fopen("/dev/null", "w");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct book *b = fuzz_book();
	if (size == 0)
		return 0;
	long long units = data[0];
	data++, size--;
	struct sync_header h = {.format = SYNC_FORMAT,
				.schema = book_schema_version(),
				.copy = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
				.name = "fuzz",
				.user = "other",
				.made = "2026-11-24T09:00:00Z",
				.seq_from = 0,
				.seq_to = 100,
				.units = units,
				.bytes = size};
	const char *path = fuzz_path("in.chg");
	FUZZ_CHECK(sync_file_write(path, &h, &fam, data, size) == 0, "cannot write the change file");
	struct sync_import_result r;
	memset(&r, 0, sizeof r);
	int rc = sync_import(b, path, 1, report, &r);
	FUZZ_CHECK(rc == 0 || rc == -1, "sync_import returned %d", rc);
	char after[65];
	fuzz_book_digest(b, after);
	FUZZ_CHECK(!strcmp(before, after), "a dry run changed the book");
	return 0;
}
