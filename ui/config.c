/* config.c — the relancerc reader. A line is words separated by blanks;
 * "double quotes" keep blanks; # starts a comment outside quotes. */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "queue_columns.h"
#include "dunning/lib.h"
#include "base/lib.h"
#include "keymap.h"
#include "work/lib.h"
#include "theme.h"

#ifndef RELANCE_CONFIG_DIR
#define RELANCE_CONFIG_DIR "/usr/local/share/relance"
#endif

struct settings settings;

#define MAX_WORDS 16

#define MAX_DEPTH 8
static int depth; /* of source nesting */
/* The line that sourced the file being opened, for its error. */
static const char *from_where;
static int from_line;

static void report(config_error_fn err, void *arg, const char *where, int line, const char *fmt, ...)
{
	char msg[512], text[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (line > 0)
		snprintf(msg, sizeof msg, "%s:%d: %s", where, line, text);
	else
		snprintf(msg, sizeof msg, "%s: %s", where, text);
	err(msg, arg);
}

/* Splits text into words in buf; returns the count, or -1 for an open quote. */
static int split(const char *text, char *buf, size_t size, char *words[MAX_WORDS])
{
	int n = 0;
	size_t o = 0;
	const char *p = text;
	while (*p) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p || *p == '#')
			break;
		if (n == MAX_WORDS || o + 1 >= size)
			break;
		words[n++] = buf + o;
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				if (o + 1 < size)
					buf[o++] = *p;
			if (*p != '"')
				return -1;
			p++;
		} else {
			while (*p && !isspace((unsigned char)*p) && o + 1 < size)
				buf[o++] = *p++;
		}
		buf[o++] = '\0';
	}
	return n;
}

static int yes_no(const char *v)
{
	if (!strcasecmp(v, "yes") || !strcasecmp(v, "on") || !strcasecmp(v, "true") || !strcmp(v, "1"))
		return 1;
	if (!strcasecmp(v, "no") || !strcasecmp(v, "off") || !strcasecmp(v, "false") || !strcmp(v, "0"))
		return 0;
	return -1;
}

/* The words after "=": "phone, last" quoted or not (commas or blanks
 * between; "" or none: no optional column). */
static int set_queue_columns(char *const *words, int nwords, const char *where, int line, config_error_fn err,
			     void *arg)
{
	int cols[QC_COUNT], n = 0;
	for (int k = 0; k < nwords; k++) {
		char buf[256];
		snprintf(buf, sizeof buf, "%s", words[k]);
		for (char *w = strtok(buf, ", "); w; w = strtok(NULL, ", ")) {
			int c = queue_column_named(w);
			if (!strcmp(w, "none") && n == 0)
				continue;
			if (c < 0) {
				report(err, arg, where, line, "queue-columns: no column %s (say " QC_NAMES ", or none)", w);
				return -1;
			}
			for (int i = 0; i < n; i++)
				if (cols[i] == c) {
					report(err, arg, where, line, "queue-columns: %s twice", w);
					return -1;
				}
			cols[n++] = c;
		}
	}
	memcpy(settings.queue_columns, cols, (size_t)n * sizeof *cols);
	settings.nqueue_columns = n;
	return 0;
}

static int do_set(char **w, int n, const char *where, int line, config_error_fn err, void *arg)
{
	if (n > 4 && !strcmp(w[1], "queue-columns") && !strcmp(w[2], "=")) /* a list, unquoted */
		return set_queue_columns(w + 3, n - 3, where, line, err, arg);
	if (n == 4 && !strcmp(w[2], "="))
		w[2] = w[3], n = 3;
	if (n != 3) {
		report(err, arg, where, line, "write: set NAME = VALUE");
		return -1;
	}
	const char *name = w[1], *v = w[2];
	if (!strcmp(name, "theme"))
		return config_theme(v, where, line, err, arg) ? -1 : 0;
	if (!strcmp(name, "queue-scope")) {
		if (strcmp(v, "mine") && strcmp(v, "all")) {
			report(err, arg, where, line, "queue-scope: say mine or all");
			return -1;
		}
		settings.scope_all = !strcmp(v, "all");
		return 0;
	}
	if (!strcmp(name, "queue-sort")) {
		int s = queue_sort_named(v);
		if (s < 0) {
			report(err, arg, where, line, "queue-sort: say default, overdue, days, name or next");
			return -1;
		}
		settings.queue_sort = s;
		return 0;
	}
	if (!strcmp(name, "queue-columns"))
		return set_queue_columns(&w[2], 1, where, line, err, arg);
	if (!strcmp(name, "show-done")) {
		int b = yes_no(v);
		if (b < 0) {
			report(err, arg, where, line, "show-done: say yes or no");
			return -1;
		}
		settings.show_done = b;
		return 0;
	}
	if (!strcmp(name, "ascii")) {
		int b = yes_no(v);
		if (b < 0) {
			report(err, arg, where, line, "ascii: say yes or no");
			return -1;
		}
		settings.ascii = b;
		return 0;
	}
	if (!strcmp(name, "dial-command")) {
		snprintf(settings.dial_command, sizeof settings.dial_command, "%s", v);
		return 0;
	}
	if (!strcmp(name, "refresh-seconds")) {
		char *end;
		long secs = strtol(v, &end, 10);
		if (*end || secs < 0 || secs > 86400) {
			report(err, arg, where, line, "refresh-seconds: a number of seconds (0: never)");
			return -1;
		}
		settings.refresh_seconds = (int)secs;
		return 0;
	}
	if (!strcmp(name, "time-zone")) {
		if (*v && (strlen(v) >= sizeof settings.time_zone || !time_zone_known(v))) {
			report(err, arg, where, line, "time-zone: %s is no zone of the tz database (say Europe/Brussels, "
			       "UTC, or \"\" for the TZ variable)", v);
			return -1;
		}
		snprintf(settings.time_zone, sizeof settings.time_zone, "%s", v);
		return 0;
	}
	char why[256];
	int rc = company_set(name, v, why, sizeof why);
	if (rc < 0)
		report(err, arg, where, line, "%s", why);
	if (rc <= 0)
		return rc;
	report(err, arg, where, line, "no setting %s (theme, queue-scope, queue-sort, queue-columns, show-done, ascii, dial-command, "
	       "refresh-seconds, time-zone, company-*, sendmail, sms-command, letters-dir, payment-link, "
	       "payment-reference, email-pdf, postage, stale-days: see relancerc(5))", name);
	return -1;
}

static int do_bind(char **w, int n, const char *where, int line, config_error_fn err, void *arg)
{
	if (n != 4) {
		report(err, arg, where, line, "write: bind VIEW KEY ACTION");
		return -1;
	}
	int view = view_named(w[1]), key = key_parse(w[2]);
	enum action a = action_named(w[3]);
	if (view < 0) {
		report(err, arg, where, line, "no view %s (generic, queue, account, entry, help, plan, find)", w[1]);
		return -1;
	}
	if (key < 0 || key >= KEYMAP_KEYS) {
		report(err, arg, where, line, "no key named %s", w[2]);
		return -1;
	}
	if ((int)a < 0) {
		report(err, arg, where, line, "no action %s (see relance config)", w[3]);
		return -1;
	}
	if (a != ACT_NONE && action_table[a].view != VIEW_GENERIC && (int)action_table[a].view != view) {
		report(err, arg, where, line, "%s is an action of the %s view", w[3],
		       view_name(action_table[a].view));
		return -1;
	}
	keymap_bind((enum view_id)view, key, a);
	return 0;
}

static int do_color(char **w, int n, const char *where, int line, config_error_fn err, void *arg)
{
	if (n < 4) {
		report(err, arg, where, line, "write: color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE...]");
		return -1;
	}
	int e = element_named(w[1]);
	if (e < 0) {
		report(err, arg, where, line, "no element %s (see relancerc(5))", w[1]);
		return -1;
	}
	const char *msg = theme_set((enum element)e, w[2], w[3], w + 4, n - 4);
	if (msg) {
		report(err, arg, where, line, "%s", msg);
		return -1;
	}
	return 0;
}

/* A path relative to the directory of the file being read; ~ is $HOME. */
static void resolve(const char *path, const char *from, char *out, size_t size)
{
	const char *home = getenv("HOME");
	if (path[0] == '~' && path[1] == '/')
		snprintf(out, size, "%s%s", home ? home : "", path + 1);
	else if (path[0] == '/' || !strchr(from, '/'))
		snprintf(out, size, "%s", path);
	else
		snprintf(out, size, "%.*s/%s", (int)(strrchr(from, '/') - from), from, path);
}

int config_line(const char *text, const char *where, int line, config_error_fn err, void *arg)
{
	char buf[4200], *w[MAX_WORDS];
	int n = split(text, buf, sizeof buf, w);
	if (n < 0) {
		report(err, arg, where, line, "a quote is not closed");
		return -1;
	}
	if (n == 0)
		return 0;
	if (!strcmp(w[0], "set"))
		return do_set(w, n, where, line, err, arg);
	if (!strcmp(w[0], "bind"))
		return do_bind(w, n, where, line, err, arg);
	if (!strcmp(w[0], "color"))
		return do_color(w, n, where, line, err, arg);
	if (!strcmp(w[0], "theme") && n == 2)
		return config_theme(w[1], where, line, err, arg) ? -1 : 0;
	if (!strcmp(w[0], "source") && n == 2) {
		char path[1024];
		resolve(w[1], where, path, sizeof path);
		from_where = where, from_line = line;
		int errors = config_file(path, err, arg);
		from_where = NULL, from_line = 0;
		return errors ? -1 : 0;
	}
	report(err, arg, where, line, "unknown command %s (set, bind, color, theme, source)", w[0]);
	return -1;
}

int config_file(const char *path, config_error_fn err, void *arg)
{
	/* the files being read, to refuse a loop of source lines at once */
	static char reading[MAX_DEPTH][PATH_MAX];
	char real[PATH_MAX];
	const char *where = from_where ? from_where : path;
	int line_of_source = from_line;
	if (!realpath(path, real)) {
		report(err, arg, where, line_of_source, "cannot read %s", path);
		return 1;
	}
	for (int i = 0; i < depth; i++)
		if (!strcmp(reading[i], real)) {
			report(err, arg, where, line_of_source, "%s is being read already (a source loop)", path);
			return 1;
		}
	if (depth >= MAX_DEPTH) {
		report(err, arg, where, line_of_source, "files source each other too deep");
		return 1;
	}
	FILE *fp = fopen(path, "r");
	if (!fp) {
		report(err, arg, where, line_of_source, "cannot read %s", path);
		return 1;
	}
	snprintf(reading[depth++], PATH_MAX, "%s", real);
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	int n = 0, errors = 0;
	while ((got = getline(&line, &cap, fp)) >= 0) {
		n++;
		line[strcspn(line, "\r\n")] = '\0';
		if (got > 4096) {
			report(err, arg, path, n, "the line is longer than 4096 characters");
			errors++;
		} else if (config_line(line, path, n, err, arg)) {
			errors++;
		}
	}
	free(line);
	depth--;
	fclose(fp);
	return errors;
}

int config_theme(const char *name, const char *where, int line, config_error_fn err, void *arg)
{
	char path[1024];
	if (!theme_find(name, path, sizeof path)) {
		report(err, arg, where, line, "theme %s: no such theme (default, light, dark, high-contrast, "
		       "mono, or a file in ~/.config/relance/themes)", name);
		return 1;
	}
	theme_defaults();
	snprintf(settings.theme, sizeof settings.theme, "%s", name);
	return config_file(path, err, arg);
}

void config_defaults(void)
{
	memset(&settings, 0, sizeof settings);
	snprintf(settings.theme, sizeof settings.theme, "default");
	settings.refresh_seconds = 30;
	company_defaults();
	keymap_defaults();
	theme_defaults();
}

const char *config_user_path(char *buf, size_t size)
{
	return config_home_path("relancerc", buf, size);
}

int config_load(config_error_fn err, void *arg)
{
	char path[1024];
	int errors = 0;
	snprintf(path, sizeof path, "%s/relancerc", RELANCE_CONFIG_DIR);
	FILE *fp = fopen(path, "r");
	if (fp) {
		fclose(fp);
		errors += config_file(path, err, arg);
	}
	config_user_path(path, sizeof path);
	if ((fp = fopen(path, "r")) != NULL) {
		fclose(fp);
		errors += config_file(path, err, arg);
	}
	return errors;
}

static void dump_binding(enum view_id v, int key, enum action a, void *arg)
{
	char buf[16];
	/* # is quoted: bare, it would begin a comment */
	fprintf(arg, key == '#' ? "bind %s \"%s\" %s\n" : "bind %s %s %s\n", view_name(v), key_label(key, buf),
		action_table[a].name);
}

void config_dump(FILE *out)
{
	fprintf(out, "# relance configuration (relancerc(5))\n");
	fprintf(out, "set theme = %s\n", settings.theme);
	fprintf(out, "set queue-scope = %s\n", settings.scope_all ? "all" : "mine");
	fprintf(out, "set queue-sort = %s\n", queue_sort_name((enum queue_sort)settings.queue_sort));
	fprintf(out, "set queue-columns = \"");
	for (int i = 0; i < settings.nqueue_columns; i++)
		fprintf(out, "%s%s", i ? ", " : "", queue_column_name(settings.queue_columns[i]));
	fprintf(out, "\"\n");
	fprintf(out, "set show-done = %s\n", settings.show_done ? "yes" : "no");
	fprintf(out, "set ascii = %s\n", settings.ascii ? "yes" : "no");
	fprintf(out, "set dial-command = ");
	config_value_dump(out, settings.dial_command);
	fprintf(out, "\nset refresh-seconds = %d\n", settings.refresh_seconds);
	fprintf(out, "set time-zone = ");
	config_value_dump(out, settings.time_zone);
	fputc('\n', out);
	company_dump(out);
	keymap_each(dump_binding, out);
	theme_dump(out);
}
