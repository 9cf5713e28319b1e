/* template.c (fuzz) — feeds any bytes as a message template to
 * template_render, with the values a reminder fills in (a multi-line
 * invoice table, empty values, zero and non-zero amounts). Checks that an
 * error names the template and its line, and that a template without
 * placeholders renders as itself: the subject line's text, and the body
 * line for line. */
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "dunning/template.h" /* not in its lib.h: the messages' own */
#include "fuzz.h"

static const struct tpl_value values[] = {
	{"account", "A1", 0},
	{"contact", "Jeanne Dupont", 0},
	{"total", "1,234.56 EUR", 1},
	{"interest", "0.00 EUR", 1},
	{"invoices", "  I1  2026-10-01  100.00\n  I2  2026-09-01  150.00\n", 0},
	{"pay_by", "2026-12-08", 0},
	{"company_iban", "BE68 5390 0754 7034", 0},
	{"company_bic", "", 0},
	{"reference", "+++090/9337/55493+++", 0},
	{"pay_link", NULL, 0},
	{"collector", "amartin", 0},
	{"company", "Relance SA", 0},
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_hermetic();
	return 0;
}

/* What a template without placeholders renders as. */
static void renders_as_itself(const char *text, const struct sbuf *subject, const struct sbuf *body)
{
	const char *p = text;
	if (!strncmp(p, "Subject:", 8)) {
		const char *s = p + 8, *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		while (*s == ' ' && s < p + n)
			s++;
		size_t sn = n - (size_t)(s - p);
		FUZZ_CHECK(strlen(subject->s) == sn && !memcmp(subject->s, s, sn), "subject %s", subject->s);
		p = end ? end + 1 : p + n;
		if (*p == '\n')
			p++;
	}
	size_t n = strlen(p);
	int nl = n && p[n - 1] != '\n';
	FUZZ_CHECK(strlen(body->s) == n + (size_t)nl && !memcmp(body->s, p, n), "body %s", body->s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	struct sbuf subject = {0}, body = {0};
	char err[256] = "";
	int rc = template_render(text, "fuzz.txt", values, sizeof values / sizeof *values, &subject, &body, err,
				 sizeof err);
	FUZZ_CHECK(rc == 0 || rc == -1, "render returned %d", rc);
	if (rc < 0)
		FUZZ_CHECK(!strncmp(err, "fuzz.txt:", 9), "the error names no line: %s", err);
	else if (!strstr(text, "{{"))
		renders_as_itself(text, &subject, &body);
	sbuf_free(&subject);
	sbuf_free(&body);
	free(text);
	return 0;
}
