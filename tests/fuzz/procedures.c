/* procedures.c (fuzz) — feeds any bytes as a procedures file to
 * `procedures import` (procedures_import) on a small book: a dry run,
 * then the import in a transaction rolled back after. Checks that both
 * decide alike, and that a file taken exports (procedures_export) to a
 * text that imports again and exports the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "book/lib.h"
#include "dunning/lib.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_hermetic();
	fuzz_book();
	return 0;
}

/* The book's procedures as their text file (malloc'd). */
static char *exported(struct book *b, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	FUZZ_CHECK(f != NULL, "open_memstream");
	FUZZ_CHECK(procedures_export(b->db, f) == 0, "cannot export the procedures taken");
	fclose(f);
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct book *b = fuzz_book();
	const char *path = fuzz_path("procedures.txt"), *again = fuzz_path("again.txt");
	fuzz_write(path, data, size);
	int np, ns, np2, ns2;
	int dry = procedures_import(b->db, path, 1, &np, &ns);
	FUZZ_CHECK(db_exec(b->db, "BEGIN IMMEDIATE") == 0, "cannot begin");
	int rc = procedures_import(b->db, path, 0, &np2, &ns2);
	FUZZ_CHECK(rc == dry && np == np2 && ns == ns2, "dry run %d (%d, %d), import %d (%d, %d)", dry, np, ns, rc,
		   np2, ns2);
	if (rc == 0) {
		size_t n1, n2;
		char *first = exported(b, &n1);
		fuzz_write(again, first, n1);
		FUZZ_CHECK(procedures_import(b->db, again, 0, &np2, &ns2) == 0, "the export does not import:\n%s",
			   first);
		char *second = exported(b, &n2);
		FUZZ_CHECK(n1 == n2 && !memcmp(first, second, n1), "exported, imported, exported:\n%s\nthen\n%s", first,
			   second);
		free(first);
		free(second);
	}
	db_rollback(b->db);
	return 0;
}
