/* template.c — finding a template along the language fallback chain and
 * filling its placeholders in. The built-in templates are data/templates,
 * compiled in by src/tools/embed.sh (relance_templates, with their paths in
 * relance_templates_files). */
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/lib.h"

extern const char *const relance_templates[];
extern const char *const relance_templates_files[];
extern const size_t relance_templates_count;

static const char *const chain[] = {"en", "fr", "nl", "de"};

/* The built-in text of lang/name, or NULL. */
static const char *builtin(const char *lang, const char *name)
{
	char want[96];
	snprintf(want, sizeof want, "data/templates/%s/%s.txt", lang, name);
	for (size_t i = 0; i < relance_templates_count; i++)
		if (!strcmp(relance_templates_files[i], want))
			return relance_templates[i];
	return NULL;
}

/* The user's file for lang/name, or NULL. */
static char *user_file(const char *dir, const char *lang, const char *name, char *where, size_t wherelen)
{
	char path[1200];
	snprintf(path, sizeof path, "%s/%s/%s.txt", dir, lang, name);
	struct sbuf text = {0};
	if (sbuf_read_file(&text, path)) {
		sbuf_free(&text);
		return NULL;
	}
	snprintf(where, wherelen, "%s", path);
	return text.s;
}

static int safe_name(const char *s)
{
	if (!*s || strlen(s) > 32)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

char *template_find(const char *name, const char *lang, char used_lang[3], char *where, size_t wherelen)
{
	if (!safe_name(name))
		return NULL;
	const char *order[5];
	size_t n = 0;
	if (lang && safe_name(lang) && strlen(lang) == 2)
		order[n++] = lang;
	for (size_t i = 0; i < sizeof chain / sizeof chain[0]; i++)
		if (!n || strcmp(order[0], chain[i]))
			order[n++] = chain[i];
	/* one look for the directory, rather than a file a language, when there is none */
	char dir[1024];
	struct stat st;
	config_home_path("templates", dir, sizeof dir);
	int mine = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	for (size_t i = 0; i < n; i++) {
		char *text = mine ? user_file(dir, order[i], name, where, wherelen) : NULL;
		const char *b = text ? NULL : builtin(order[i], name);
		if (text || b) {
			snprintf(used_lang, 3, "%s", order[i]);
			if (b)
				snprintf(where, wherelen, "data/templates/%s/%s.txt", order[i], name);
			return text ? text : xstrdup(b);
		}
	}
	return NULL;
}

int template_exists(const char *name)
{
	char lang[3], where[1100];
	char *t = template_find(name, "en", lang, where, sizeof where);
	free(t);
	return t != NULL;
}

void template_each_builtin(void (*fn)(const char *lang, const char *name, void *arg), void *arg)
{
	for (size_t i = 0; i < relance_templates_count; i++) {
		const char *f = relance_templates_files[i] + strlen("data/templates/");
		char lang[3] = {f[0], f[1], 0}, name[64];
		snprintf(name, sizeof name, "%s", f + 3);
		char *dot = strstr(name, ".txt");
		if (dot)
			*dot = '\0';
		fn(lang, name, arg);
	}
}

static const struct tpl_value *lookup(const struct tpl_value *v, size_t nv, const char *key, size_t n)
{
	for (size_t i = 0; i < nv; i++)
		if (strlen(v[i].key) == n && !strncmp(v[i].key, key, n))
			return &v[i];
	return NULL;
}

/* 1 when a {{?key}} line is kept: the value is there and not a zero amount. */
static int present(const struct tpl_value *t)
{
	if (!t || !t->value || !*t->value)
		return 0;
	if (t->amount) {
		for (const char *p = t->value; *p && *p != ' '; p++)
			if (*p >= '1' && *p <= '9')
				return 1;
		return 0;
	}
	return 1;
}

/* One line (without its '\n') into out, placeholders filled. */
static int render_line(const char *s, size_t n, const struct tpl_value *v, size_t nv, struct sbuf *out,
		       const char *where, int line, char *err, size_t errlen)
{
	if (n >= 5 && !strncmp(s, "{{?", 3)) {
		const char *close = memchr(s, '}', n);
		if (!close || close + 1 >= s + n || close[1] != '}') {
			snprintf(err, errlen, "%s:%d: {{? is not closed", where, line);
			return -1;
		}
		const struct tpl_value *t = lookup(v, nv, s + 3, (size_t)(close - s - 3));
		if (!t) {
			snprintf(err, errlen, "%s:%d: no placeholder {{%.*s}}", where, line, (int)(close - s - 3), s + 3);
			return -1;
		}
		if (!present(t))
			return 1; /* the line goes */
		n -= (size_t)(close + 2 - s);
		s = close + 2;
	}
	for (size_t i = 0; i < n;) {
		if (i + 1 < n && s[i] == '{' && s[i + 1] == '{') {
			const char *close = NULL;
			for (size_t j = i + 2; j + 1 < n; j++)
				if (s[j] == '}' && s[j + 1] == '}') {
					close = s + j;
					break;
				}
			if (!close) {
				snprintf(err, errlen, "%s:%d: {{ is not closed", where, line);
				return -1;
			}
			const struct tpl_value *t = lookup(v, nv, s + i + 2, (size_t)(close - s - i - 2));
			if (!t) {
				snprintf(err, errlen, "%s:%d: no placeholder {{%.*s}}", where, line,
					 (int)(close - s - i - 2), s + i + 2);
				return -1;
			}
			if (t->value)
				sbuf_puts(out, t->value);
			i = (size_t)(close - s) + 2;
		} else { /* the text up to the next "{{", at once */
			size_t j = i + 1;
			while (j < n && !(s[j] == '{' && j + 1 < n && s[j + 1] == '{'))
				j++;
			sbuf_put(out, s + i, j - i);
			i = j;
		}
	}
	return 0;
}

int template_render(const char *text, const char *where, const struct tpl_value *v, size_t nv,
		    struct sbuf *subject, struct sbuf *body, char *err, size_t errlen)
{
	const char *p = text;
	int line = 1;
	if (!strncmp(p, "Subject:", 8)) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		const char *s = p + 8;
		while (*s == ' ')
			s++;
		if (render_line(s, n - (size_t)(s - p), v, nv, subject, where, line, err, errlen) < 0)
			return -1;
		p = end ? end + 1 : p + n;
		line++;
		if (*p == '\n')
			p++, line++;
	}
	sbuf_put(subject, "", 0);
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		size_t before = body->len;
		int rc = render_line(p, n, v, nv, body, where, line, err, errlen);
		if (rc < 0)
			return -1;
		if (rc == 0 && (body->len > before ? body->s[body->len - 1] != '\n' : 1))
			sbuf_put(body, "\n", 1);
		p = end ? end + 1 : p + n;
		line++;
	}
	sbuf_put(body, "", 0);
	return 0;
}
