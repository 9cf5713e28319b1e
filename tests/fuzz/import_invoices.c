/* import_invoices.c (fuzz) — feeds any bytes as a invoices file to the real import
 * (import_file) on a small book: a dry run, then the import in a
 * transaction rolled back after. Checks that the dry run decides as the
 * import does, that results agree with their counts, and that every run
 * leaves the book as it found it (tests/lib/fuzz.c, fuzz_import). */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_hermetic();
	fuzz_book();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import("invoices", data, size);
	return 0;
}
