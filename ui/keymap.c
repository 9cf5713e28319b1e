/* keymap.c — the key table: one action per (view, key). */
#include "keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static unsigned char table[VIEW_COUNT][KEYMAP_KEYS];

static const struct { const char *name; int key; } named_keys[] = {
	{"Enter", '\n'}, {"Esc", 27}, {"Tab", '\t'}, {"S-Tab", KEY_BTAB}, {"Space", ' '},
	{"Backspace", KEY_BACKSPACE}, {"Up", KEY_UP}, {"Down", KEY_DOWN}, {"Left", KEY_LEFT},
	{"Right", KEY_RIGHT}, {"PgUp", KEY_PPAGE}, {"PgDn", KEY_NPAGE}, {"Home", KEY_HOME},
	{"End", KEY_END}, {"Delete", KEY_DC}, {"Insert", KEY_IC},
};

int key_normalise(int key)
{
	if (key == '\r' || key == KEY_ENTER)
		return '\n';
	if (key == 127 || key == 8)
		return KEY_BACKSPACE;
	return key;
}

int key_parse(const char *name)
{
	size_t n = strlen(name);
	if (n == 1)
		return (unsigned char)name[0];
	if (n == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-')
		return name[2] & 0x1f;
	if (n == 2 && name[0] == '^')
		return name[1] & 0x1f;
	for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
		if (!strcasecmp(name, named_keys[i].name))
			return named_keys[i].key;
	if ((name[0] == 'F' || name[0] == 'f') && n <= 3) {
		int f = 0;
		for (size_t i = 1; i < n; i++) {
			if (name[i] < '0' || name[i] > '9')
				return -1;
			f = f * 10 + name[i] - '0';
		}
		if (f >= 1 && f <= 12)
			return KEY_F(f);
	}
	/* what key_label writes for a key without a name */
	if (n > 4 && n <= 7 && !strncasecmp(name, "key-", 4)) {
		int k = 0;
		for (size_t i = 4; i < n; i++) {
			if (name[i] < '0' || name[i] > '9')
				return -1;
			k = k * 10 + name[i] - '0';
		}
		return k < KEYMAP_KEYS ? k : -1;
	}
	return -1;
}

const char *key_label(int key, char buf[16])
{
	for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
		if (named_keys[i].key == key)
			return named_keys[i].name;
	if (key >= KEY_F(1) && key <= KEY_F(12)) {
		snprintf(buf, 16, "F%d", key - KEY_F(0));
		return buf;
	}
	if (key < 32) {
		snprintf(buf, 16, "C-%c", key + 'a' - 1);
		return buf;
	}
	if (key < 127) {
		snprintf(buf, 16, "%c", key);
		return buf;
	}
	snprintf(buf, 16, "key-%d", key);
	return buf;
}

/* In a view's table, "none" must hide the generic binding: it is kept as
 * UNBOUND; 0 means "not bound here, ask the generic table". */
#define UNBOUND 255

void keymap_bind(enum view_id view, int key, enum action a)
{
	if (view < VIEW_COUNT && key >= 0 && key < KEYMAP_KEYS)
		table[view][key] = (unsigned char)(a == ACT_NONE && view != VIEW_GENERIC ? UNBOUND : a);
}

void keymap_defaults(void)
{
	memset(table, 0, sizeof table);
	for (int a = 1; a < ACT_COUNT; a++) {
		char keys[64];
		snprintf(keys, sizeof keys, "%s", action_table[a].keys);
		for (char *k = strtok(keys, " "); k; k = strtok(NULL, " "))
			keymap_bind(action_table[a].view, key_parse(k), (enum action)a);
	}
}

enum action keymap_lookup(enum view_id view, int key)
{
	key = key_normalise(key);
	if (key < 0 || key >= KEYMAP_KEYS)
		return ACT_NONE;
	if (view != VIEW_GENERIC && table[view][key])
		return table[view][key] == UNBOUND ? ACT_NONE : (enum action)table[view][key];
	return (enum action)table[VIEW_GENERIC][key];
}

void keymap_keys_of(enum view_id view, enum action a, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (int k = 0; k < KEYMAP_KEYS; k++) {
		/* what the key really does there: a generic binding counts
		 * unless the view's own hides it */
		if (keymap_lookup(view, k) != a || key_normalise(k) != k)
			continue;
		char buf[16];
		int w = snprintf(out + o, size - o, "%s%s", o ? ", " : "", key_label(k, buf));
		if (w < 0 || o + (size_t)w >= size)
			break;
		o += (size_t)w;
	}
}

void keymap_each(void (*fn)(enum view_id, int key, enum action, void *), void *arg)
{
	for (int v = 0; v < VIEW_COUNT; v++)
		for (int k = 0; k < KEYMAP_KEYS; k++)
			if (table[v][k])
				fn((enum view_id)v, k, table[v][k] == UNBOUND ? ACT_NONE : (enum action)table[v][k], arg);
}
