/* template.h — message templates: found in the user's directory
 * ($XDG_CONFIG_HOME/relance/templates/LANG/NAME.txt) or among the built-in
 * ones (data/templates, compiled in), in the debtor's language or along
 * the fallback chain; and filled in ({{name}}, {{?name}} lines, the
 * {{invoices}} table line). */
#ifndef RELANCE_TEMPLATE_H
#define RELANCE_TEMPLATE_H
#include <stddef.h>

#include "base/lib.h"

struct tpl_value {
	const char *key, *value;
	int amount;   /* a money value: {{?key}} drops the line when it is zero */
};

/* The text of template `name` for language `lang`: tried in lang, then en,
 * fr, nl, de; in each, the user's file before the built-in one. Returns a
 * malloc'd copy (used_lang and where say which), or NULL when none. */
char *template_find(const char *name, const char *lang, char used_lang[3], char *where, size_t wherelen);
/* 1 when some language has template `name`. */
int template_exists(const char *name);
/* The names of the built-in templates of a language, for listings: calls
 * fn for each. */
void template_each_builtin(void (*fn)(const char *lang, const char *name, void *arg), void *arg);

/* Fills text in: a first line "Subject: ..." goes to subject (without the
 * prefix), the rest (after one empty line) to body. Returns 0, or -1 with
 * err naming where:LINE and the unknown placeholder. */
int template_render(const char *text, const char *where, const struct tpl_value *v, size_t nv,
		    struct sbuf *subject, struct sbuf *body, char *err, size_t errlen);

#endif
