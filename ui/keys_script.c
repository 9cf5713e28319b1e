/* keys_script.c — the key script of the headless workstation: read and
 * checked whole at start (a bad token is refused with FILE:LINE before the
 * book opens), then given out one key at a time. The names are those of
 * relancerc's `bind` (keymap.c), so a script and a binding read alike.
 *
 * The format, one token after another, any number on a line:
 *   j  G  /  é          a character is itself
 *   Enter Esc Tab S-Tab Space Backspace Up Down Left Right PgUp PgDn Home
 *   End Delete Insert F1..F12 C-x ^X   named keys, as relancerc writes them
 *   "a note"            a string: its characters typed one by one
 *                       (\" and \\ inside it; it ends on its line)
 *   Wait N              N seconds pass without a key (0..86400)
 *   # ...               a comment, to the end of the line ("#" types #)
 * It never reads the terminal, and never touches the book. */
#include "keys_script.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"

struct token {
	enum keys_step kind;
	wint_t key;     /* a key, or a wait's seconds */
	wchar_t *text;  /* a string (kind KEYS_CHAR, text != NULL) */
	size_t len;
};

struct keys_script {
	struct token *tok;
	size_t n, cap;
	size_t at, pos;  /* the token being given out, and where in its string */
	int begun, ended;
	int token;       /* the number keys_script_token gave last */
};

static int add(struct keys_script *s, struct token t)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct token *p = realloc(s->tok, cap * sizeof *p);
		if (!p)
			return -1;
		s->tok = p, s->cap = cap;
	}
	s->tok[s->n++] = t;
	return 0;
}

void keys_script_free(struct keys_script *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->tok[i].text);
	free(s->tok);
	free(s);
}

/* The one character of word (UTF-8), or -1 when it is more than one. */
static long one_char(const char *word, size_t len)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	size_t k = mbrtowc(&wc, word, len, &st);
	return k == len && wc ? (long)wc : -1;
}

/* A string token from p (just after its opening quote) to its closing
 * quote on the same line; *end is set after it. NULL with *why set when
 * it is not one. */
static wchar_t *string_token(const char *p, const char **end, size_t *len, const char **why)
{
	size_t cap = strlen(p) + 1, n = 0;
	wchar_t *out = malloc(cap * sizeof *out);
	mbstate_t st;
	memset(&st, 0, sizeof st);
	if (!out) {
		*why = "out of memory";
		return NULL;
	}
	for (;;) {
		if (*p == '\0' || *p == '\n') {
			*why = "a string must end with \" on its line";
			break;
		}
		if (*p == '"') {
			if (!n) {
				*why = "an empty string types nothing";
				break;
			}
			*end = p + 1, *len = n;
			return out;
		}
		if (*p == '\\') {
			if (p[1] != '"' && p[1] != '\\') {
				*why = "in a string, \\ comes before \" or \\ only";
				break;
			}
			out[n++] = (wchar_t)p[1];
			p += 2;
			continue;
		}
		wchar_t wc;
		size_t k = mbrtowc(&wc, p, strcspn(p, "\n"), &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			*why = "not a character of this locale (LANG) in a string";
			break;
		}
		if (wc < 0x20 || wc == 0x7f) {
			*why = "a control character in a string (write its key's name outside it)";
			break;
		}
		out[n++] = wc;
		p += k;
	}
	free(out);
	return NULL;
}

/* Says what is wrong, as FILE:LINE: WHY: TOKEN. */
static void refuse(const char *path, int line, const char *word, size_t wlen, const char *why)
{
	fprintf(stderr, "relance: %s:%d: %s: %.*s\n", path, line, why, (int)(wlen > 60 ? 60 : wlen), word);
}

/* One line of the script into s; 0, or -1 after saying why. */
static int read_line(struct keys_script *s, const char *path, int line, const char *p)
{
	const char *bad = NULL;
	size_t badlen = 0;
	const char *why = NULL;
	while (*p) {
		p += strspn(p, " \t\r");
		if (!*p || *p == '#')
			return 0;
		if (*p == '"') {
			struct token t = {KEYS_CHAR, 0, NULL, 0};
			const char *end = NULL;
			t.text = string_token(p + 1, &end, &t.len, &why);
			if (!t.text) {
				bad = p, badlen = strcspn(p, "\r\n");
				break;
			}
			if (add(s, t)) {
				free(t.text);
				why = "out of memory", bad = p, badlen = 1;
				break;
			}
			p = end;
			if (*p && !strchr(" \t\r", *p)) {
				why = "a string is followed by a space or the end of the line";
				bad = p, badlen = strcspn(p, " \t\r");
				break;
			}
			continue;
		}
		size_t len = strcspn(p, " \t\r");
		char word[64];
		if (len >= sizeof word) {
			why = "no key has so long a name", bad = p, badlen = len;
			break;
		}
		memcpy(word, p, len);
		word[len] = '\0';
		struct token t = {KEYS_CHAR, 0, NULL, 0};
		if (!strcmp(word, "Wait")) {
			const char *q = p + len;
			q += strspn(q, " \t\r");
			size_t nl = strcspn(q, " \t\r#");
			char *e;
			errno = 0;
			long sec = nl ? strtol(q, &e, 10) : -1;
			if (!nl || e != q + nl || errno || sec < 0 || sec > 86400 || *q == '+' || *q == '-') {
				why = "Wait takes a number of seconds (0 to 86400)", bad = p, badlen = (size_t)(q + nl - p);
				break;
			}
			t.kind = KEYS_WAIT, t.key = (wint_t)sec;
			len = (size_t)(q + nl - p);
		} else {
			int key = key_parse(word);
			long wc = key < 0 ? one_char(word, len) : key;
			if (wc < 0) {
				why = "no such key (a character, Enter, Esc, Tab, Up, PgDn, C-x..., \"text\", Wait N)";
				bad = p, badlen = len;
				break;
			}
			/* what get_wch would say: characters below 256 and any typed
			 * character are OK; the named keys above are function keys */
			t.kind = key >= 256 ? KEYS_FUNCTION : KEYS_CHAR;
			t.key = (wint_t)wc;
		}
		if (add(s, t)) {
			why = "out of memory", bad = p, badlen = len;
			break;
		}
		p += len;
	}
	if (!why)
		return 0;
	refuse(path, line, bad, badlen, why);
	return -1;
}

struct keys_script *keys_script_load(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "relance: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	struct keys_script *s = calloc(1, sizeof *s);
	char *line = NULL;
	size_t cap = 0;
	int no = 0, bad = !s;
	ssize_t got;
	while (!bad && (got = getline(&line, &cap, f)) >= 0) {
		no++;
		size_t l = (size_t)got;
		if (l && line[l - 1] == '\n')
			line[--l] = '\0';
		if (l != strlen(line)) {
			refuse(path, no, "", 0, "a NUL byte");
			bad = 1;
		} else if (read_line(s, path, no, line)) {
			bad = 1;
		}
	}
	if (!bad && ferror(f)) {
		fprintf(stderr, "relance: %s: %s\n", path, strerror(errno));
		bad = 1;
	}
	free(line);
	fclose(f);
	if (bad) {
		keys_script_free(s);
		return NULL;
	}
	return s;
}

__attribute__((noinline)) int keys_script_token(struct keys_script *s)
{
	s->token = s->at < s->n ? (int)s->at + 1 : 0; /* a store: never optimised away */
	return s->token;
}

enum keys_step keys_script_next(struct keys_script *s, wint_t *ch)
{
	if (s->at >= s->n) {
		if (!s->ended)
			s->ended = 1, keys_script_token(s);
		return KEYS_END;
	}
	struct token *t = &s->tok[s->at];
	if (!s->begun)
		s->begun = 1, keys_script_token(s);
	if (t->text) {
		*ch = (wint_t)t->text[s->pos++];
		if (s->pos == t->len)
			s->at++, s->pos = 0, s->begun = 0;
		return KEYS_CHAR;
	}
	*ch = t->key;
	s->at++, s->begun = 0;
	return t->kind;
}
