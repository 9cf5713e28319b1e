/* form.c — the form widget: a box over the current screen, one line per
 * field, the message line under it; its own key loop (like the prompt). */
#include "form.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "base/lib.h"
#include "draw.h"
#include "keymap.h"

struct state {
	struct form *f;
	int at;         /* field with the cursor */
	size_t cursor;  /* byte offset in its value */
	char error[256];
	int touched;
};

static size_t prev_char(const char *s, size_t at)
{
	while (at > 0 && ((unsigned char)s[--at] & 0xc0) == 0x80)
		;
	return at;
}

static size_t next_char(const char *s, size_t at)
{
	size_t len = strlen(s);
	if (at < len)
		at++;
	while (at < len && ((unsigned char)s[at] & 0xc0) == 0x80)
		at++;
	return at;
}

static int choice_index(const struct field *fl)
{
	for (int i = 0; fl->choices[i]; i++)
		if (!strcmp(fl->choices[i], fl->value))
			return i;
	return 0;
}

static void draw_form(struct app *a, struct state *s)
{
	app_draw(a);
	struct form *f = s->f;
	int w = COLS > 76 ? 72 : COLS - 4, h = f->n + 4;
	int top = (LINES - h) / 2, left = (COLS - w) / 2;
	for (int y = 0; y < h; y++)
		draw_fill(top + y, left, w, EL_DEFAULT);
	draw_text(top, left, w, f->title, EL_TITLE, 1);
	int lw = 0;
	for (int i = 0; i < f->n; i++)
		if (draw_width(f->fields[i].label) > lw)
			lw = draw_width(f->fields[i].label);
	int cy = top + 1, cx = left;
	for (int i = 0; i < f->n; i++) {
		const struct field *fl = &f->fields[i];
		int y = top + 1 + i, x = left + 1;
		draw_text(y, x, lw, fl->label, EL_LABEL, 0);
		x += lw + 2;
		char shown[600];
		if (fl->kind == FIELD_CHOICE)
			snprintf(shown, sizeof shown, "< %s >", fl->value);
		else
			snprintf(shown, sizeof shown, "%s", fl->value);
		draw_text(y, x, left + w - x - 1, shown, i == s->at ? EL_CURSOR : EL_DEFAULT, 1);
		if (i == s->at) {
			char before[600];
			snprintf(before, sizeof before, "%.*s", (int)s->cursor, fl->value);
			cy = y, cx = x + (fl->kind == FIELD_CHOICE ? 2 : draw_width(before));
		}
	}
	draw_text(top + h - 2, left + 1, w - 2, s->error[0] ? s->error :
		  "Enter: save  Esc: cancel  Tab: next field  Left/Right: choose", s->error[0] ? EL_ERROR : EL_MUTED, 1);
	if (cx >= COLS)
		cx = COLS - 1;
	move(cy, cx);
	refresh();
}

/* The field's own check: 0, or an error in s->error. */
static int check_field(struct state *s, int i)
{
	struct field *fl = &s->f->fields[i];
	size_t n = strlen(fl->value);
	if (!n) {
		if (!fl->required)
			return 0;
		snprintf(s->error, sizeof s->error, "%s: needed", fl->label);
		return -1;
	}
	day_t d;
	int64_t cents;
	enum money_error e;
	switch (fl->kind) {
	case FIELD_DATE:
		if (date_parse(fl->value, n, DATE_AUTO, &d) != 0) {
			snprintf(s->error, sizeof s->error, "%s: %.200s is not a date", fl->label, fl->value);
			return -1;
		}
		date_iso(d, fl->value); /* written back as YYYY-MM-DD */
		break;
	case FIELD_AMOUNT:
		if ((e = money_parse(fl->value, n, MARK_UNKNOWN, &cents)) != MONEY_OK) {
			snprintf(s->error, sizeof s->error, "%s: %.120s %s", fl->label, fl->value, money_error_text(e));
			return -1;
		}
		if (cents <= 0) {
			snprintf(s->error, sizeof s->error, "%s: must be more than zero", fl->label);
			return -1;
		}
		break;
	default:
		break;
	}
	return 0;
}

static struct state *capturing;

static void capture(const char *text, int error, void *arg)
{
	(void)error, (void)arg;
	if (capturing)
		snprintf(capturing->error, sizeof capturing->error, "%s", text);
}

static void insert(struct field *fl, size_t *cursor, wint_t ch)
{
	char enc[MB_LEN_MAX > 8 ? MB_LEN_MAX : 8];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t k = wcrtomb(enc, (wchar_t)ch, &st), len = strlen(fl->value);
	if (k == (size_t)-1 || len + k >= sizeof fl->value)
		return;
	memmove(fl->value + *cursor + k, fl->value + *cursor, len - *cursor + 1);
	memcpy(fl->value + *cursor, enc, k);
	*cursor += k;
}

static int confirm_discard(struct app *a, struct state *s)
{
	snprintf(s->error, sizeof s->error, "Discard what was typed? (y/n)");
	for (;;) {
		draw_form(a, s);
		wint_t ch;
		int r = app_get_key(&ch);
		if (r == ERR && app_stopping())
			return 1;
		if (r == ERR || (r == KEY_CODE_YES && ch == KEY_RESIZE))
			continue;
		if (r == OK && (ch == 'y' || ch == 'Y'))
			return 1;
		s->error[0] = '\0';
		return 0;
	}
}

int form_run(struct app *a, struct form *f, int (*save)(struct app *, struct form *, void *), void *arg)
{
	struct state s = {f, 0, 0, "", 0};
	/* the cursor starts on the first field to fill in */
	for (int i = f->n - 1; i >= 0; i--)
		if (!f->fields[i].value[0] && f->fields[i].required)
			s.at = i;
	s.cursor = strlen(f->fields[s.at].value);
	curs_set(1);
	for (;;) {
		draw_form(a, &s);
		wint_t ch;
		int r = app_get_key(&ch);
		if (r == ERR && app_stopping()) { /* relance is stopping: nothing is saved */
			curs_set(0);
			return 0;
		}
		if (r == ERR)
			continue;
		struct field *fl = &f->fields[s.at];
		int key = (int)ch, fkey = r == KEY_CODE_YES;
		if (fkey && key == KEY_RESIZE)
			continue; /* drawn again with everything typed */
		if (!fkey && key >= 0x20 && key != 0x7f) {
			s.error[0] = '\0';
			if (fl->kind == FIELD_CHOICE) { /* the first letter chooses */
				for (int i = 0; fl->choices[i]; i++)
					if (fl->choices[i][0] == (char)key) {
						snprintf(fl->value, sizeof fl->value, "%s", fl->choices[i]);
						break;
					}
			} else {
				insert(fl, &s.cursor, ch);
			}
			s.touched = 1;
			continue;
		}
		key = key_normalise(key);
		size_t len = strlen(fl->value);
		if (key == 27) {
			if (!s.touched || confirm_discard(a, &s)) {
				curs_set(0);
				return 0;
			}
		} else if (key == '\n') {
			int bad = 0;
			for (int i = 0; i < f->n && !bad; i++)
				if (check_field(&s, i)) {
					s.at = i, bad = 1;
					s.cursor = strlen(f->fields[i].value);
				}
			if (bad)
				continue;
			s.error[0] = '\0';
			capturing = &s;
			msg_redirect(capture, NULL);
			int rc = save(a, f, arg);
			capturing = NULL;
			msg_redirect(NULL, NULL);
			app_restore_messages(a);
			if (rc == 0) {
				curs_set(0);
				return 1;
			}
			if (!s.error[0])
				snprintf(s.error, sizeof s.error, "could not save");
		} else if (key == '\t' || key == KEY_DOWN) {
			s.at = (s.at + 1) % f->n;
			s.cursor = strlen(f->fields[s.at].value);
		} else if (key == KEY_BTAB || key == KEY_UP) {
			s.at = (s.at + f->n - 1) % f->n;
			s.cursor = strlen(f->fields[s.at].value);
		} else if (fl->kind == FIELD_CHOICE && (key == KEY_LEFT || key == KEY_RIGHT)) {
			int i = choice_index(fl), n = 0;
			while (fl->choices[n])
				n++;
			i = (i + (key == KEY_RIGHT ? 1 : n - 1)) % n;
			snprintf(fl->value, sizeof fl->value, "%s", fl->choices[i]);
			s.touched = 1;
		} else if (key == KEY_LEFT || key == 2) {
			s.cursor = prev_char(fl->value, s.cursor);
		} else if (key == KEY_RIGHT || key == 6) {
			s.cursor = next_char(fl->value, s.cursor);
		} else if (key == KEY_HOME || key == 1) {
			s.cursor = 0;
		} else if (key == KEY_END || key == 5) {
			s.cursor = len;
		} else if (key == 21) { /* C-u */
			memmove(fl->value, fl->value + s.cursor, len - s.cursor + 1);
			s.cursor = 0, s.touched = 1;
		} else if (key == KEY_BACKSPACE && s.cursor > 0) {
			size_t p = prev_char(fl->value, s.cursor);
			memmove(fl->value + p, fl->value + s.cursor, len - s.cursor + 1);
			s.cursor = p, s.touched = 1;
		} else if (key == KEY_DC && s.cursor < len) {
			size_t nx = next_char(fl->value, s.cursor);
			memmove(fl->value + s.cursor, fl->value + nx, len - nx + 1);
			s.touched = 1;
		}
	}
}
