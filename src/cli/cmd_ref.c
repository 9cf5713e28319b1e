/* cmd_ref.c — `relance ref ogm|rf|check`: structured payment references
 * from the command line (payref.c does the arithmetic). No book needed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "base/lib.h"

static int usage(void)
{
	msg_error("ref: usage: relance ref ogm NUMBER | ref rf REFERENCE | ref check REFERENCE");
	return 2;
}

static int make_ogm(const char *number)
{
	size_t n = strlen(number);
	if (n == 0 || n > 10 || strspn(number, "0123456789") != n) {
		msg_error("ref ogm: %s: give a number of 1 to 10 digits", number);
		return 2;
	}
	char digits[13], shown[21];
	payref_ogm_make(strtoull(number, NULL, 10), digits);
	payref_ogm_format(digits, shown);
	printf("%s\n", shown);
	return 0;
}

static int make_rf(const char *ref)
{
	char out[64];
	if (payref_rf_make(ref, out, sizeof out)) {
		msg_error("ref rf: %s: give 1 to 21 letters and digits", ref);
		return 2;
	}
	printf("%s\n", out);
	return 0;
}

/* Valid: exit 0 and the reference as it is written. Not: exit 1 and
 * what is wrong with it, precisely (its length, a character, the check
 * digits and what they should be). */
static int check(const char *ref)
{
	char out[64], shown[21], why[160];
	switch (payref_check(ref, strlen(ref), out, sizeof out, why, sizeof why)) {
	case PAYREF_OGM:
		payref_ogm_format(out, shown);
		printf("valid structured communication %s\n", shown);
		return 0;
	case PAYREF_RF:
		printf("valid RF creditor reference %s\n", out);
		return 0;
	case PAYREF_BAD_OGM:
		printf("invalid structured communication: %s\n", why);
		return 1;
	case PAYREF_BAD_RF:
		printf("invalid RF creditor reference: %s\n", why);
		return 1;
	default:
		printf("not a structured reference\n");
		return 1;
	}
}

int cmd_ref(const struct cli_globals *g, int argc, char **argv)
{
	(void)g;
	if (argc != 3)
		return usage();
	int rc;
	if (!strcmp(argv[1], "ogm"))
		rc = make_ogm(argv[2]);
	else if (!strcmp(argv[1], "rf"))
		rc = make_rf(argv[2]);
	else if (!strcmp(argv[1], "check"))
		rc = check(argv[2]);
	else
		return usage();
	/* a script reading the reference must learn that it never came */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		msg_error("ref: cannot write standard output: %s", strerror(errno));
		return 1;
	}
	return rc;
}
