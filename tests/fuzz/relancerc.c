/* relancerc.c (fuzz) — feeds any bytes as a relancerc file to its reader
 * (config_file): set, bind, color and theme lines, quotes, long lines.
 * Checks that the effective configuration it leaves (config_dump) reads
 * back without an error into the very same configuration. Inputs that
 * could `source` a file of the machine (a path out of the process's
 * directory: /dev/zero never ends) are left out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/config.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_hermetic();
	return 0;
}

static char first_error[512];

static void count(const char *msg, void *arg)
{
	if (!*(int *)arg)
		snprintf(first_error, sizeof first_error, "%s", msg);
	++*(int *)arg;
}

static char *dumped(size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	FUZZ_CHECK(f != NULL, "open_memstream");
	config_dump(f);
	fclose(f);
	return text;
}

/* 1 when the text, quotes and backslashes aside, names a directory of
 * the machine a source line could reach. */
static int reaches_out(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	size_t n = 0;
	if (!s)
		return 1;
	for (size_t i = 0; i < size; i++)
		if (data[i] != '"' && data[i] != '\'' && data[i] != '\\')
			s[n++] = data[i] ? (char)data[i] : ' ';
	s[n] = '\0';
	int out = strstr(s, "/dev") || strstr(s, "/proc") || strstr(s, "/sys") || strstr(s, "..");
	free(s);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (reaches_out(data, size))
		return 0;
	const char *path = fuzz_path("relancerc"), *again = fuzz_path("dumped");
	fuzz_write(path, data, size);
	int errors = 0;
	config_defaults();
	config_file(path, count, &errors);
	size_t n1, n2;
	char *first = dumped(&n1);
	fuzz_write(again, first, n1);
	config_defaults();
	errors = 0;
	config_file(again, count, &errors);
	FUZZ_CHECK(errors == 0, "the dump reads back with %d errors, the first: %s\n%s", errors, first_error, first);
	char *second = dumped(&n2);
	FUZZ_CHECK(n1 == n2 && !memcmp(first, second, n1), "dumped, read, dumped:\n%s\nthen\n%s", first, second);
	free(first);
	free(second);
	return 0;
}
