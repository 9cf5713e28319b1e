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
	size_t scroll;  /* a text field's first byte shown (0 when it fits) */
	day_t today;    /* what date fields count from */
};

static int is_date(const struct field *fl)
{
	return fl->kind == FIELD_DATE || fl->kind == FIELD_DATE_FUTURE;
}

/* 1 when a printable code point that takes no column starts at s[at] (a
 * combining mark): it belongs to the character before it. */
static int joins(const char *s, size_t len, size_t at)
{
	uint32_t cp;
	size_t k;
	return utf8_safe_at(s, len, at, &k) && utf8_decode(s + at, len - at, &cp) == k &&
	       draw_cp_columns(cp, k) == 0;
}

/* The cursor moves and deletes by whole characters: a combining mark goes
 * with the letter before it, so the cursor is never between them. */
static size_t prev_char(const char *s, size_t at)
{
	size_t len = strlen(s);
	do {
		while (at > 0 && ((unsigned char)s[--at] & 0xc0) == 0x80)
			;
	} while (at > 0 && joins(s, len, at));
	return at;
}

static size_t next_char(const char *s, size_t at)
{
	size_t len = strlen(s);
	do {
		if (at < len)
			at++;
		while (at < len && ((unsigned char)s[at] & 0xc0) == 0x80)
			at++;
	} while (at < len && joins(s, len, at));
	return at;
}

/* Columns s[from..to) takes when drawn. */
static int columns(const char *s, size_t from, size_t to)
{
	char part[sizeof ((struct field *)0)->value];
	snprintf(part, sizeof part, "%.*s", (int)(to - from), s + from);
	return draw_width(part);
}

/* 1 when, showing v from byte `scroll` in `room` columns (the first one a
 * mark when scroll > 0), the character under the cursor is whole on
 * screen and clear of the ellipsis that ends a cut text. */
static int cursor_shows(const char *v, size_t scroll, size_t cursor, int room)
{
	size_t len = strlen(v);
	int mark = scroll > 0;
	int c = mark + columns(v, scroll, cursor);
	int cw = cursor < len ? columns(v, cursor, next_char(v, cursor)) : 1;
	int cut = mark + columns(v, scroll, len) > room;
	return c + (cw > 0 ? cw : 1) <= room - cut;
}

/* Scrolls a text field sideways as little as needed to keep the cursor on
 * screen (like the : prompt): left when it passed the right edge, right
 * when it went before the first character shown or when the text no
 * longer fills the field. */
static size_t scroll_to(const char *v, size_t scroll, size_t cursor, int room)
{
	size_t len = strlen(v);
	if (scroll > cursor)
		scroll = cursor;
	while (scroll > 0) {
		size_t p = prev_char(v, scroll);
		if ((p > 0) + columns(v, p, len) > room || !cursor_shows(v, p, cursor, room))
			break;
		scroll = p;
	}
	while (scroll < cursor && !cursor_shows(v, scroll, cursor, room))
		scroll = next_char(v, scroll);
	uint32_t cp;
	while (scroll < cursor && joins(v, len, scroll)) /* a mark typed there */
		scroll += utf8_decode(v + scroll, len - scroll, &cp);
	return scroll;
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
	/* the form's rows blank across the whole width: the view beneath
	 * would show at their ends as pieces of its words ("ed" of a status) */
	for (int y = 0; y < h; y++)
		draw_fill(top + y, 0, COLS, EL_DEFAULT);
	draw_text(top, left, w, f->title, EL_TITLE, 1);
	int lw = 0;
	for (int i = 0; i < f->n; i++)
		if (draw_width(f->fields[i].label) > lw)
			lw = draw_width(f->fields[i].label);
	int cy = top + 1, cx = left;
	char count[32] = ""; /* a text longer than its field: its length */
	for (int i = 0; i < f->n; i++) {
		const struct field *fl = &f->fields[i];
		int y = top + 1 + i, x = left + 1;
		draw_text(y, x, lw, fl->label, EL_LABEL, 0);
		x += lw + 2;
		int room = left + w - x - 1;
		char shown[600];
		if (fl->kind == FIELD_CHOICE) { /* "no_answer" read as "no answer" */
			snprintf(shown, sizeof shown, "< %s >", fl->value);
			for (char *c = shown; *c; c++)
				if (*c == '_')
					*c = ' ';
		} else
			snprintf(shown, sizeof shown, "%s", fl->value);
		if (i != s->at) {
			draw_text(y, x, room, shown, EL_DEFAULT, 1);
		} else if (fl->kind == FIELD_CHOICE) {
			draw_text(y, x, room, shown, EL_CURSOR, 1);
			cy = y, cx = x + 2;
		} else {
			/* the cursor always on screen: the text before it shifts
			 * left, what is hidden on the left marked like the right */
			s->scroll = scroll_to(fl->value, s->scroll, s->cursor, room);
			int mark = s->scroll > 0 && room > 1;
			if (mark) {
				attrset((attr_t)theme_attr(EL_CURSOR));
				if (draw_is_ascii())
					mvaddch(y, x, '<');
				else
					mvaddwstr(y, x, L"\u2026");
				attrset(A_NORMAL);
			}
			int used = draw_text(y, x + mark, room - mark, fl->value + s->scroll, EL_CURSOR, 1);
			cy = y, cx = x + mark + columns(fl->value, s->scroll, s->cursor);
			day_t d;
			char iso[11], hint[24];
			if (is_date(fl) && date_parse_typed(fl->value, s->today, &d) == 0) {
				static const char days[][4] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
				date_iso(d, iso); /* what it will become, while it is typed */
				snprintf(hint, sizeof hint, "= %s %s", days[date_weekday(d)], iso);
				if (strcmp(iso, fl->value) && mark + used + 2 + draw_width(hint) <= room)
					draw_text(y, x + mark + used + 2, draw_width(hint), hint, EL_MUTED, 0);
			}
			if (draw_width(fl->value) >= room) {
				size_t n = utf8_length(fl->value, strlen(fl->value));
				snprintf(count, sizeof count, "%zu char%s", n, n == 1 ? "" : "s");
			}
		}
	}
	/* the footer: a check's error or the keys, and the length of a long text */
	int fy = top + h - 2, fw = w - 2, cw = count[0] ? draw_width(count) + 2 : 0;
	if (cw > fw)
		cw = 0, count[0] = '\0';
	if (count[0])
		draw_text_right(fy, left + 1 + fw - cw, cw, count, EL_MUTED);
	draw_text(fy, left + 1, fw - cw, s->error[0] ? s->error : count[0] ?
		  "Enter: save  Esc: cancel  Tab: next field" :
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
	char iso[11];
	switch (fl->kind) {
	case FIELD_DATE:
	case FIELD_DATE_FUTURE:
		if (date_parse_typed(fl->value, s->today, &d) != 0) {
			snprintf(s->error, sizeof s->error, "%s: %.120s is not a date (%s)", fl->label, fl->value,
				 date_typed_forms);
			return -1;
		}
		date_iso(d, iso);
		if (fl->kind == FIELD_DATE_FUTURE && d < s->today) { /* kept as typed, to be put right */
			if (strcmp(iso, fl->value))
				snprintf(s->error, sizeof s->error, "%s: %.120s (%s) is in the past", fl->label, fl->value, iso);
			else
				snprintf(s->error, sizeof s->error, "%s: %s is in the past", fl->label, iso);
			return -1;
		}
		memcpy(fl->value, iso, sizeof iso); /* written back as YYYY-MM-DD */
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

/* Leaving a date field shows what it became (YYYY-MM-DD), or why it is
 * none; the cursor moves on either way. */
static void leave_field(struct state *s)
{
	struct field *fl = &s->f->fields[s->at];
	if (is_date(fl) && fl->value[0])
		check_field(s, s->at);
}

static struct state *capturing;

static void capture(const char *text, int error, void *arg)
{
	(void)error, (void)arg;
	if (capturing)
		snprintf(capturing->error, sizeof capturing->error, "%s", text);
}

static int insert(struct field *fl, size_t *cursor, wint_t ch)
{
	char enc[MB_LEN_MAX > 8 ? MB_LEN_MAX : 8];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t k = wcrtomb(enc, (wchar_t)ch, &st), len = strlen(fl->value);
	if (k == (size_t)-1)
		return 0; /* not a character of this locale: left out, as before */
	if (len + k >= sizeof fl->value)
		return -1;
	memmove(fl->value + *cursor + k, fl->value + *cursor, len - *cursor + 1);
	memcpy(fl->value + *cursor, enc, k);
	*cursor += k;
	return 0;
}

static int confirm_discard(struct app *a, struct state *s, const char *question)
{
	snprintf(s->error, sizeof s->error, "%s", question);
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
	return form_run_choosing(a, f, save, NULL, arg);
}

int form_run_choosing(struct app *a, struct form *f, int (*save)(struct app *, struct form *, void *),
		      void (*chosen)(struct form *f, int field, void *arg), void *arg)
{
	struct state s = {f, 0, 0, "", 0, 0, a->today};
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
		if (r == ERR && s.touched && app_interrupt_pending()) { /* Ctrl-C: what was typed is not lost unasked */
			app_interrupt_set(0);
			int quit = confirm_discard(a, &s, "Ctrl-C: quit relance, and lose what was typed here? (y/n)");
			app_interrupt_set(quit);
			if (!quit)
				continue;
		}
		if (r == ERR && app_stopping() && app_must_stop(a)) { /* relance stops: nothing is saved */
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
						if (chosen)
							chosen(f, s.at, arg);
						break;
					}
			} else {
				if (insert(fl, &s.cursor, ch))
					snprintf(s.error, sizeof s.error, "%s: full, no more can be typed", fl->label);
			}
			s.touched = 1;
			continue;
		}
		key = key_normalise(key);
		size_t len = strlen(fl->value);
		if (key == 27) {
			if (!s.touched || confirm_discard(a, &s, "Discard what was typed? (y/n)")) {
				curs_set(0);
				return 0;
			}
		} else if (key == '\n') {
			int bad = 0;
			for (int i = 0; i < f->n && !bad; i++)
				if (check_field(&s, i)) {
					s.at = i, bad = 1, s.scroll = 0;
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
			leave_field(&s);
			s.at = (s.at + 1) % f->n, s.scroll = 0;
			s.cursor = strlen(f->fields[s.at].value);
		} else if (key == KEY_BTAB || key == KEY_UP) {
			leave_field(&s);
			s.at = (s.at + f->n - 1) % f->n, s.scroll = 0;
			s.cursor = strlen(f->fields[s.at].value);
		} else if (fl->kind == FIELD_CHOICE && (key == KEY_LEFT || key == KEY_RIGHT)) {
			int i = choice_index(fl), n = 0;
			while (fl->choices[n])
				n++;
			i = (i + (key == KEY_RIGHT ? 1 : n - 1)) % n;
			snprintf(fl->value, sizeof fl->value, "%s", fl->choices[i]);
			if (chosen)
				chosen(f, s.at, arg);
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
			s.cursor = 0, s.touched = 1, s.error[0] = '\0';
		} else if (key == KEY_BACKSPACE && s.cursor > 0) {
			size_t p = prev_char(fl->value, s.cursor);
			memmove(fl->value + p, fl->value + s.cursor, len - s.cursor + 1);
			s.cursor = p, s.touched = 1, s.error[0] = '\0';
		} else if (key == KEY_DC && s.cursor < len) {
			size_t nx = next_char(fl->value, s.cursor);
			memmove(fl->value + s.cursor, fl->value + nx, len - nx + 1);
			s.touched = 1, s.error[0] = '\0';
		}
	}
}
