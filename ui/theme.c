/* theme.c — element colours. Colour numbers: -1 default, 0-7 the basic
 * eight, 8-15 their bright forms, up to 255 the xterm palette. */
#include "theme.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/lib.h"

#ifndef RELANCE_THEMES_DIR
#define RELANCE_THEMES_DIR "/usr/local/share/relance/themes"
#endif

struct spec {
	short fg, bg;
	attr_t attrs;
};

static struct spec specs[EL_COUNT];
static attr_t drawn[EL_COUNT];

static const char *const element_names[EL_COUNT] = {
#define ELEMENT_NAME(id, name, help) name,
	ELEMENTS(ELEMENT_NAME)
#undef ELEMENT_NAME
};

static const char *const colour_names[8] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};

static const struct { const char *name; attr_t attr; } attr_names[] = {
	{"normal", A_NORMAL}, {"bold", A_BOLD}, {"dim", A_DIM}, {"underline", A_UNDERLINE},
	{"reverse", A_REVERSE}, {"standout", A_STANDOUT},
};

const char *element_name(enum element e) { return e < EL_COUNT ? element_names[e] : "?"; }

int element_named(const char *name)
{
	for (int e = 0; e < EL_COUNT; e++)
		if (!strcmp(element_names[e], name))
			return e;
	return -1;
}

/* -1 default, 0..255; -2 when not a colour. */
static int colour_parse(const char *s)
{
	if (!strcasecmp(s, "default"))
		return -1;
	for (int i = 0; i < 8; i++) {
		if (!strcasecmp(s, colour_names[i]))
			return i;
		if (!strncasecmp(s, "bright-", 7) && !strcasecmp(s + 7, colour_names[i]))
			return 8 + i;
	}
	if (!strncasecmp(s, "color", 5) && s[5]) {
		char *end;
		long n = strtol(s + 5, &end, 10);
		if (!*end && n >= 0 && n <= 255)
			return (int)n;
	}
	return -2;
}

static void colour_name(int c, char buf[16])
{
	if (c < 0)
		snprintf(buf, 16, "default");
	else if (c < 8)
		snprintf(buf, 16, "%s", colour_names[c]);
	else if (c < 16)
		snprintf(buf, 16, "bright-%s", colour_names[c - 8]);
	else
		snprintf(buf, 16, "color%d", c);
}

const char *theme_set(enum element e, const char *fg, const char *bg, char *const *attrs, int nattrs)
{
	int f = colour_parse(fg), b = colour_parse(bg);
	if (f == -2)
		return "unknown foreground colour";
	if (b == -2)
		return "unknown background colour";
	attr_t a = A_NORMAL;
	for (int i = 0; i < nattrs; i++) {
		size_t k;
		for (k = 0; k < sizeof attr_names / sizeof *attr_names; k++)
			if (!strcasecmp(attrs[i], attr_names[k].name))
				break;
		if (k == sizeof attr_names / sizeof *attr_names)
			return "unknown attribute (normal, bold, dim, underline, reverse, standout)";
		a |= attr_names[k].attr;
	}
	specs[e] = (struct spec){(short)f, (short)b, a};
	return NULL;
}

/* themes/default, compiled in (src/tools/embed.sh) */
extern const char *const relance_default_theme[];

void theme_defaults(void)
{
	/* every element's colour comes from the default theme's color lines */
	const char *p = relance_default_theme[0];
	while (*p) {
		size_t n = strcspn(p, "\n");
		char line[256], *w[8];
		int nw = 0;
		snprintf(line, sizeof line, "%.*s", (int)(n < 255 ? n : 255), p);
		p += n + (p[n] == '\n');
		for (char *t = strtok(line, " \t"); t && nw < 8; t = strtok(NULL, " \t"))
			w[nw++] = t;
		if (nw >= 4 && !strcmp(w[0], "color") && element_named(w[1]) >= 0)
			theme_set((enum element)element_named(w[1]), w[2], w[3], w + 4, nw - 4);
	}
}

/* A colour the terminal can show: bright and palette colours fall back to
 * the nearest of the basic eight on an 8-colour terminal. */
static short fit(short c, attr_t *extra)
{
	if (c < 0 || c < COLORS)
		return c;
	if (c < 16) {
		*extra |= A_BOLD;
		return (short)(c - 8);
	}
	if (c >= 232) /* grey ramp */
		return c < 244 ? COLOR_BLACK : COLOR_WHITE;
	int v = c - 16, r = v / 36, g = (v / 6) % 6, b = v % 6;
	return (short)((r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0));
}

void theme_apply(void)
{
	const char *no_color = getenv("NO_COLOR");
	int colour = has_colors() && !(no_color && *no_color);
	if (colour) {
		start_color();
		use_default_colors();
	}
	for (int e = 0; e < EL_COUNT; e++) {
		attr_t a = specs[e].attrs;
		if (colour && e + 1 < COLOR_PAIRS) {
			attr_t extra = 0;
			short fg = fit(specs[e].fg, &extra), bg = fit(specs[e].bg, &extra);
			init_pair((short)(e + 1), fg, bg);
			a |= COLOR_PAIR(e + 1) | (fg >= 0 ? extra : 0);
		}
		drawn[e] = a;
	}
	bkgdset((chtype)(drawn[EL_DEFAULT] & ~A_CHARTEXT) | ' ');
	/* without colour, the elements that must stand out still do */
	if (!colour) {
		drawn[EL_CURSOR] |= A_REVERSE;
		drawn[EL_TITLE] |= A_REVERSE;
		drawn[EL_STATUS] |= A_REVERSE;
		drawn[EL_ESCAPE] |= A_BOLD;
		drawn[EL_ERROR] |= A_BOLD;
		drawn[EL_SEARCH] |= A_UNDERLINE;
	}
}

unsigned long theme_attr(enum element e) { return e < EL_COUNT ? drawn[e] : A_NORMAL; }

static int readable(const char *path) { return access(path, R_OK) == 0; }

const char *theme_find(const char *name, char *buf, size_t size)
{
	if (!*name || strchr(name, '/'))
		return NULL;
	char rel[300];
	snprintf(rel, sizeof rel, "themes/%s", name);
	config_home_path(rel, buf, size);
	if (readable(buf))
		return buf;
	snprintf(buf, size, "%s/%s", RELANCE_THEMES_DIR, name);
	if (readable(buf))
		return buf;
#ifdef RELANCE_SOURCE_THEMES
	/* not installed: the themes of the tree it was built in */
	snprintf(buf, size, "%s/%s", RELANCE_SOURCE_THEMES, name);
	if (readable(buf))
		return buf;
#endif
	return NULL;
}

void theme_dump(FILE *out)
{
	for (int e = 0; e < EL_COUNT; e++) {
		char fg[16], bg[16];
		colour_name(specs[e].fg, fg);
		colour_name(specs[e].bg, bg);
		fprintf(out, "color %s %s %s", element_names[e], fg, bg);
		for (size_t k = 1; k < sizeof attr_names / sizeof *attr_names; k++)
			if (specs[e].attrs & attr_names[k].attr)
				fprintf(out, " %s", attr_names[k].name);
		fputc('\n', out);
	}
}
