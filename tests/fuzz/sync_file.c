/* sync_file.c (fuzz) — feeds any bytes as a change file to its reader
 * (sync_file_read). The input is the file without its last line: the
 * target adds the right "hmac-sha256 ..." line (a family's key made up
 * here), so that the header, the change set's length and its structure
 * are what is tried, not the signature alone. Checks
 * that a file read gives a change set of the length its header says, and
 * that writing it again (sync_file_write) reads back the same header and
 * change set. */
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "book/lib.h"
#include "sync/lib.h"
#include "fuzz.h"

static const struct sync_family fam = {"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c", {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7}};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_hermetic();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *file = malloc(size + 96);
	if (!file)
		return 0;
	memcpy(file, data, size);
	char hex[65];
	hmac_sha256_hex(fam.key, sizeof fam.key, data, size, hex);
	size_t n = size + (size_t)sprintf(file + size, "hmac-sha256 %s\n", hex);
	const char *path = fuzz_path("in.chg"), *again = fuzz_path("again.chg");
	fuzz_write(path, file, n);
	free(file);

	struct sync_header h, h2;
	void *cs = NULL, *cs2 = NULL;
	size_t len = 0, len2 = 0;
	if (sync_file_read(path, book_schema_version(), &fam, &h, &cs, &len) != 0)
		return 0;
	FUZZ_CHECK(len == h.bytes && len < size, "change set of %zu bytes, header says %zu, file %zu", len, h.bytes,
		   size);
	FUZZ_CHECK(h.schema >= 1 && h.schema <= book_schema_version(), "schema %d", h.schema);
	FUZZ_CHECK(!strcmp(h.family, fam.id) && h.signature_checked, "a file of family %s read", h.family);
	FUZZ_CHECK(sync_file_write(again, &h, &fam, cs, len) == 0, "cannot write back what was read");
	FUZZ_CHECK(sync_file_read(again, book_schema_version(), &fam, &h2, &cs2, &len2) == 0,
		   "what was written back does not read");
	FUZZ_CHECK(len2 == len && !memcmp(cs, cs2, len), "the change set changed: %zu bytes then %zu", len, len2);
	FUZZ_CHECK(h2.schema == h.schema && !strcmp(h2.copy, h.copy) && !strcmp(h2.made, h.made) &&
			   h2.seq_from == h.seq_from && h2.seq_to == h.seq_to && h2.units == h.units,
		   "the header changed (copy %s, made %s)", h.copy, h.made);
	free(cs);
	free(cs2);
	return 0;
}
