/* app.c — the workstation's driver: start-up (book, configuration,
 * terminal, signals), the one event loop (keys, resize, a timeout for
 * signals), the view stack, the title and status lines, the prompt and
 * the `:` commands. It never switches on the type of a view. Headless
 * (relance ui --keys), the keys come from a script and the terminal is a
 * virtual one: everything else is the same code. */
#include "app.h"
#include "lib.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "dunning/lib.h"
#include "call_ui.h"
#include "dunning_ui.h"
#include "config.h"
#include "draw.h"
#include "keymap.h"
#include "keys_script.h"
#include "base/lib.h"
#include "work/lib.h"
#include "theme.h"

#define MIN_COLS 80
#define MIN_LINES 24
#define MIN_QUEUE_COLS 60
#define MIN_QUEUE_LINES 16

static volatile sig_atomic_t stop_signal, interrupted;

/* Headless: the script (NULL on a terminal), and once it has run out
 * every key loop leaves as when the terminal goes away. Time stands
 * still but for the script's Waits: the call timer and the refresh see
 * only those; the messages' time of day starts at RELANCE_CLOCK's. */
static struct keys_script *script;
static int script_done;
static long script_waited;
static struct timespec script_t0;
static long script_day_seconds;
static void script_dump(void);

/* Ctrl-C is a question for the main loop (a call may be under way); the
 * other signals stop the workstation. */
static void on_stop(int sig)
{
	if (sig == SIGINT)
		interrupted = 1;
	else
		stop_signal = sig;
}

int app_stopping(void) { return stop_signal != 0 || interrupted != 0 || script_done; }

int app_must_stop(struct app *a)
{
	if (stop_signal || script_done)
		return 1;
	if (!interrupted)
		return 0;
	interrupted = 0;
	if (!call_interrupt(a))
		return 0; /* a call goes on: so does what was being typed */
	a->quit = 1;
	return 1;
}

int app_interrupt_pending(void) { return interrupted && !stop_signal; }

void app_interrupt_set(int on) { interrupted = on != 0; }

/* A key already typed, without waiting; ERR when there is none. */
static int pending_key(wint_t *ch)
{
	timeout(0);
	int r = get_wch(ch);
	timeout(500);
	return r;
}

void app_clock(struct timespec *t)
{
	if (!script) {
		clock_gettime(CLOCK_MONOTONIC, t);
		return;
	}
	*t = script_t0;
	t->tv_sec += script_waited;
}

/* The next key of the script, as get_wch would give it; like get_wch,
 * it first brings what was drawn to the (virtual) screen. */
static int script_key(wint_t *ch)
{
	if (interrupted || script_done)
		return ERR;
	refresh();
	switch (keys_script_next(script, ch)) {
	case KEYS_CHAR:
		return OK;
	case KEYS_FUNCTION:
		return KEY_CODE_YES;
	case KEYS_WAIT: /* the timeout, after that long */
		script_waited += (long)*ch;
		return ERR;
	case KEYS_END:
		break;
	}
	script_dump(); /* the screen as it waits for the next key */
	script_done = 1;
	return ERR;
}

int app_get_key(wint_t *ch)
{
	static int quick_errors;
	if (stop_signal)
		return ERR;
	if (script)
		return script_key(ch);
	if (interrupted) /* what was typed before Ctrl-C comes first (noqiflush kept it) */
		return pending_key(ch);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int r = get_wch(ch);
	if (r == ERR && interrupted)
		r = pending_key(ch);
	if (r != ERR) {
		quick_errors = 0;
		return r;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* the timeout makes ERR wait; a terminal that is gone answers at once */
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	if (ms < 20 && ++quick_errors >= 50)
		stop_signal = SIGHUP;
	else if (ms >= 20)
		quick_errors = 0;
	return ERR;
}

/* A crash must not leave the terminal in raw mode: restore it, then die
 * of the same signal. */
static void on_crash(int sig)
{
	endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = (int)SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);
}

/* ---- timing, for make bench --------------------------------------------- */

static FILE *bench_log;
static struct timespec started;

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

void app_bench_note(const char *what, const struct timespec *t0)
{
	if (bench_log) {
		fprintf(bench_log, "%s %.3f\n", what, ms_since(t0));
		fflush(bench_log);
	}
}

/* ---- status, views ------------------------------------------------------ */

/* The last messages, whole, for :messages (the status line may cut them). */
#define MESSAGES_KEPT 50
static struct {
	char at[9], text[512];
	int error;
} kept[MESSAGES_KEPT];
static int nkept, next_kept;

void app_message(struct app *a, int error, const char *fmt, ...)
{
	char text[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	snprintf(a->status, sizeof a->status, "%.*s", (int)sizeof a->status - 1, text);
	a->status_error = error;
	int prev = (next_kept + MESSAGES_KEPT - 1) % MESSAGES_KEPT;
	if (!text[0] || (nkept && !strcmp(kept[prev].text, text)))
		return;
	if (script) {
		unsigned t = (unsigned)((script_day_seconds + script_waited) % 86400);
		snprintf(kept[next_kept].at, sizeof kept[next_kept].at, "%02u:%02u:%02u", t / 3600 % 24, t / 60 % 60, t % 60);
	} else {
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		strftime(kept[next_kept].at, sizeof kept[next_kept].at, "%H:%M:%S", &tm);
	}
	memcpy(kept[next_kept].text, text, sizeof text);
	kept[next_kept].error = error;
	next_kept = (next_kept + 1) % MESSAGES_KEPT;
	if (nkept < MESSAGES_KEPT)
		nkept++;
}

/* The kept messages, newest first, in a text view. */
static void show_messages(struct app *a)
{
	if (!nkept) {
		app_message(a, 0, "no messages yet");
		return;
	}
	static char lines[MESSAGES_KEPT][540];
	const char *shown[MESSAGES_KEPT];
	for (int i = 0; i < nkept; i++) {
		int k = (next_kept + MESSAGES_KEPT - 1 - i) % MESSAGES_KEPT;
		snprintf(lines[i], sizeof lines[i], "%s %s%s", kept[k].at, kept[k].error ? "! " : "", kept[k].text);
		shown[i] = lines[i];
	}
	app_push(a, view_entry_new(a, shown, nkept, "messages"));
}

void app_push(struct app *a, struct view *v)
{
	if (!v)
		return;
	if (a->depth == VIEW_DEPTH) {
		app_message(a, 1, "too many screens open: press q");
		v->ops->close(v);
		return;
	}
	a->stack[a->depth++] = v;
}

void app_pop(struct app *a)
{
	if (a->depth == 0)
		return;
	struct view *v = a->stack[--a->depth];
	v->ops->close(v);
	if (a->depth == 0)
		a->quit = 1;
}

struct view *app_top(struct app *a) { return a->depth ? a->stack[a->depth - 1] : NULL; }

#define TITLE_LEFT " relance: "

/* The title's right end, by the parts that fit: the book's file name
 * (read-only, when it is), "payments as of D" and today. The name gives
 * way first to the view's title (the day's tally matters more than a
 * name the collector knows), then fresh payments' day. Stale payments
 * never give way (app_title_room keeps their room): narrower, their day
 * is written MM-DD (in today's year), then today gives way to them. */
enum { TITLE_BOOK = 1, TITLE_PAYMENTS = 2, TITLE_SHORT = 4, TITLE_NO_DAY = 8 };

struct title_right {
	char book[80];     /* "m.db  " or "read-only  " */
	char payments[64]; /* "payments as of 2026-11-24" (two blanks after it) */
	char day[12];      /* "2026-11-24 " */
	int stale;
};

static void title_right(struct app *a, int parts, struct title_right *r)
{
	const char *base = strrchr(a->book->path, '/');
	char day[11];
	r->stale = freshness_stale(&a->fresh, company.stale_days);
	if (parts & TITLE_BOOK)
		snprintf(r->book, sizeof r->book, "%.60s%s  ", base ? base + 1 : a->book->path,
			 a->book->readonly ? " (read-only)" : "");
	else
		snprintf(r->book, sizeof r->book, "%s", a->book->readonly ? "read-only  " : "");
	r->payments[0] = '\0';
	if ((parts & TITLE_PAYMENTS) || r->stale) {
		int y, ty, m, d;
		civil_from_days(a->today, &ty, &m, &d);
		civil_from_days(a->fresh.as_of, &y, &m, &d);
		date_iso(a->fresh.as_of, day);
		if (!a->fresh.known)
			snprintf(r->payments, sizeof r->payments, "no payments imported yet");
		else
			snprintf(r->payments, sizeof r->payments, "payments as of %s",
				 (parts & TITLE_SHORT) && y == ty ? day + 5 : day);
	}
	r->day[0] = '\0';
	if (!(parts & TITLE_NO_DAY)) {
		date_iso(a->today, day);
		snprintf(r->day, sizeof r->day, "%s", day);
	}
}

static int title_right_width(const struct title_right *r)
{
	int w = draw_width(r->book) + draw_width(r->payments) + draw_width(r->day);
	return w + (r->payments[0] && r->day[0] ? 2 : 0) + 1; /* a blank at the end */
}

int app_title_room(struct app *a)
{
	struct title_right r;
	title_right(a, 0, &r);
	return COLS - title_right_width(&r) - 1 - (int)strlen(TITLE_LEFT);
}

static void draw_title(struct app *a)
{
	struct view *v = app_top(a);
	char left[512];
	struct title_right r;
	snprintf(left, sizeof left, TITLE_LEFT "%s", v ? v->ops->title(a, v) : "");
	/* the first that fits (fresh: the third, today alone, always does
	 * beside the view's title; stale: the last is the least) */
	static const int tries[] = {TITLE_BOOK | TITLE_PAYMENTS, TITLE_PAYMENTS, 0, TITLE_SHORT,
				    TITLE_NO_DAY, TITLE_SHORT | TITLE_NO_DAY};
	for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
		title_right(a, tries[i], &r);
		if (draw_width(left) + 1 + title_right_width(&r) <= COLS)
			break;
	}
	draw_fill(0, 0, COLS, EL_TITLE);
	int x = COLS - title_right_width(&r);
	draw_text(0, 0, x - 1, left, EL_TITLE, 0);
	x += draw_text(0, x, draw_width(r.book), r.book, EL_TITLE, 0);
	if (r.payments[0]) /* the warning colour on the words, not the blanks around them */
		x += draw_text(0, x, draw_width(r.payments), r.payments, r.stale ? EL_WARNING : EL_TITLE, 0) + 2;
	draw_text(0, x, draw_width(r.day), r.day, EL_TITLE, 0);
}

static void draw_status(struct app *a)
{
	int y = LINES - 1;
	draw_fill(y, 0, COLS, a->status_error ? EL_ERROR : EL_STATUS);
	if (a->call.account_no[0]) { /* the call timer, at the right */
		char timer[256];
		call_timer_text(a, COLS / 2, timer, sizeof timer);
		int w = draw_width(timer);
		draw_text(y, COLS - w, w, timer, EL_DUE, 0);
		draw_text(y, 1, COLS - w - 2, a->status[0] ? a->status : "c: end the call", a->status_error ? EL_ERROR : EL_STATUS, 0);
		return;
	}
	if (a->status[0]) {
		draw_text(y, 1, COLS - 2, a->status, a->status_error ? EL_ERROR : EL_STATUS, 0);
		return;
	}
	char hint[160];
	snprintf(hint, sizeof hint, "?:help  ::command  /:search  q:back%s", a->config_errors ?
		 "  (errors in relancerc: relance config shows them)" : "");
	draw_text(y, 1, COLS - 2, hint, EL_STATUS, 0);
}

void app_draw(struct app *a)
{
	erase();
	/* the queue works down to 60x16 (narrower columns); the others need 80x24 */
	struct view *top = app_top(a);
	int queue = top && top->ops->id == VIEW_QUEUE;
	int min_cols = queue ? MIN_QUEUE_COLS : MIN_COLS, min_lines = queue ? MIN_QUEUE_LINES : MIN_LINES;
	if (COLS < min_cols || LINES < min_lines) {
		char msg[96];
		snprintf(msg, sizeof msg, "terminal too small (%s needs %dx%d, have %dx%d)",
			 queue ? "the queue" : "this screen", min_cols, min_lines, COLS, LINES);
		int w = (int)strlen(msg);
		draw_text(LINES / 2, COLS > w ? (COLS - w) / 2 : 0, COLS, msg, EL_ERROR, 0);
		refresh();
		return;
	}
	draw_title(a);
	struct view *v = app_top(a);
	if (v)
		v->ops->draw(a, v, 1, LINES - 2);
	draw_status(a);
	refresh();
}

/* ---- the prompt ---------------------------------------------------------- */

/* Byte offset of the character before/after `at` in s. */
static size_t prev_char(const char *s, size_t at)
{
	while (at > 0 && ((unsigned char)s[--at] & 0xc0) == 0x80)
		;
	return at;
}

static size_t next_char(const char *s, size_t len, size_t at)
{
	if (at < len)
		at++;
	while (at < len && ((unsigned char)s[at] & 0xc0) == 0x80)
		at++;
	return at;
}

/* Inserts a typed character at byte offset *at of buf (UTF-8). */
static void insert_char(char *buf, size_t size, size_t *len, size_t *at, wint_t ch)
{
	char enc[MB_LEN_MAX > 8 ? MB_LEN_MAX : 8];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(enc, (wchar_t)ch, &st);
	if (n == (size_t)-1 || *len + n >= size)
		return;
	memmove(buf + *at + n, buf + *at, *len - *at + 1);
	memcpy(buf + *at, enc, n);
	*len += n, *at += n;
}

int app_confirm(struct app *a, const char *question)
{
	for (;;) {
		int y = LINES - 1;
		draw_fill(y, 0, COLS, EL_DEFAULT);
		draw_text(y, 0, COLS, question, EL_DEFAULT, 0);
		refresh();
		wint_t ch;
		int r = app_get_key(&ch);
		if (r == ERR && app_stopping())
			return 0;
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			app_draw(a);
			continue;
		}
		return r == OK && (ch == 'y' || ch == 'Y');
	}
}

int app_prompt(struct app *a, const char *label, char *buf, size_t size)
{
	return app_prompt_aided(a, label, buf, size, NULL);
}

int app_prompt_aided(struct app *a, const char *label, char *buf, size_t size, const struct prompt_aid *aid)
{
	size_t len = strlen(buf), at = len;
	char draft[512] = "", hint[512] = "";
	int pos = -1; /* the history line shown (-1: none; n: the draft) */
	curs_set(1);
	for (;;) {
		if (app_stopping()) {
			curs_set(0);
			return 0;
		}
		int y = LINES - 1, lw = draw_width(label);
		if (*hint) /* what Tab could complete, over the prompt */
			draw_text(y - 1, 0, COLS, hint, EL_STATUS, 1);
		draw_fill(y, 0, COLS, EL_DEFAULT);
		draw_text(y, 0, COLS, label, EL_DEFAULT, 0);
		/* keep the cursor on screen: show the end of a long line */
		char before[512];
		snprintf(before, sizeof before, "%.*s", (int)at, buf);
		int bw = draw_width(before), room = COLS - lw - 1, skip = 0;
		const char *shown = buf;
		while (bw - skip > room && *shown) {
			size_t nx = next_char(shown, strlen(shown), 0);
			char one[8];
			snprintf(one, sizeof one, "%.*s", (int)nx, shown);
			skip += draw_width(one);
			shown += nx;
		}
		draw_text(y, lw, room, shown, EL_DEFAULT, 0);
		move(y, lw + bw - skip);
		refresh();
		wint_t ch;
		int r = app_get_key(&ch);
		if (r == ERR)
			continue;
		/* a typed character (r == OK), even one whose code is that of a
		 * function key (U+0100..U+01FF), is text unless it is a control
		 * character; function keys come with KEY_CODE_YES */
		int fkey = r == KEY_CODE_YES;
		int key = (int)ch;
		if (fkey && key == KEY_RESIZE) {
			app_draw(a); /* what was typed stays in buf */
			continue;
		}
		if (!fkey && key >= 0x20 && key != 0x7f) {
			if (*hint) {
				hint[0] = '\0';
				app_draw(a);
			}
			insert_char(buf, size, &len, &at, ch);
			pos = -1;
			continue;
		}
		key = key_normalise(key);
		if (*hint) { /* the line under it shows again */
			hint[0] = '\0';
			app_draw(a);
		}
		if (key == 27 || key == 7 /* C-g */) {
			curs_set(0);
			return 0;
		}
		if (key == '\n') {
			curs_set(0);
			return 1;
		}
		if (aid && aid->complete && key == '\t') {
			aid->complete(a, buf, size, hint, sizeof hint);
			len = at = strlen(buf);
			pos = -1;
			continue;
		}
		if (aid && aid->history && (key == KEY_UP || key == KEY_DOWN)) {
			if (pos < 0) {
				snprintf(draft, sizeof draft, "%s", buf);
				pos = aid->history->n;
			}
			if (prompt_history_step(aid->history, draft, &pos, key == KEY_UP ? -1 : 1)) {
				snprintf(buf, size, "%s", pos < aid->history->n ? aid->history->lines[pos] : draft);
				len = at = strlen(buf);
			}
			continue;
		}
		pos = -1; /* an edit: Up walks from what is typed now */
		if (key == KEY_BACKSPACE) {
			if (at > 0) {
				size_t p = prev_char(buf, at);
				memmove(buf + p, buf + at, len - at + 1);
				len -= at - p, at = p;
			}
		} else if (key == KEY_DC || key == 4 /* C-d */) {
			if (at < len) {
				size_t nx = next_char(buf, len, at);
				memmove(buf + at, buf + nx, len - nx + 1);
				len -= nx - at;
			}
		} else if (key == KEY_LEFT || key == 2 /* C-b */) {
			at = prev_char(buf, at);
		} else if (key == KEY_RIGHT || key == 6 /* C-f */) {
			at = next_char(buf, len, at);
		} else if (key == KEY_HOME || key == 1 /* C-a */) {
			at = 0;
		} else if (key == KEY_END || key == 5 /* C-e */) {
			at = len;
		} else if (key == 21 /* C-u */) {
			memmove(buf, buf + at, len - at + 1);
			len -= at, at = 0;
		} else if (key == 11 /* C-k */) {
			buf[at] = '\0', len = at;
		}
	}
}

/* ---- queue and commands --------------------------------------------------- */

static char filter_collector[65], filter_segment[65];

/* Reads the queue on screen again, keeping its filter and order. */
/* The day's figures of the queue's scope, and the book's version they were
 * read at (PRAGMA data_version moves with other connections' commits). */
static void day_load(struct app *a)
{
	queue_day_load(a->book->db, a->today, a->scope_all ? NULL : a->user, &a->day);
	a->day_version = book_data_version(a->book->db);
}

static int load_current(struct app *a)
{
	a->today = today(); /* a session left open overnight moves on */
	/* the rules, on every open: what time alone changed since */
	promise_evaluate_lapsed(a->book, a->today);
	plan_evaluate_lapsed(a->book, a->today);
	struct queue_filter keep = a->queue.filter;
	enum queue_sort sort = a->queue.sort;
	queue_free(&a->queue);
	if (queue_load(&a->queue, a->book->db, a->today, a->scope_all ? NULL : a->user)) {
		app_message(a, 1, "cannot read the queue: %s", book_errmsg(a->book));
		return -1;
	}
	/* queue_load ordered it with no filter and the default sort: again
	 * only when the view had others */
	if (memcmp(&keep, &a->queue.filter, sizeof keep) || sort != a->queue.sort) {
		a->queue.filter = keep;
		a->queue.sort = sort;
		queue_apply(&a->queue);
	}
	day_load(a);
	/* an import or a statement since: the title says so */
	if (book_freshness(a->book->db, a->today, company.stale_days, &a->fresh))
		a->fresh.known = 0, a->fresh.stale = 1;
	return 0;
}

int app_load_queue(struct app *a)
{
	queue_free(&a->other); /* stale now: read again when toggled to */
	a->other_loaded = 0;
	return load_current(a);
}

int app_account_changed(struct app *a, const char *account_no)
{
	char no[80];
	snprintf(no, sizeof no, "%s", account_no); /* it may be a row's, freed on the way */
	int rc = 0;
	if (a->today != today()) { /* the day moved on: read it all */
		rc = app_load_queue(a);
	} else if (queue_reload_account(&a->queue, a->book->db, no) ||
		   (a->other_loaded && queue_reload_account(&a->other, a->book->db, no))) {
		app_message(a, 1, "cannot read the queue: %s", book_errmsg(a->book));
		rc = -1;
	} else if (queue_day_touched(a->book->db, a->today, no) ||
		   book_data_version(a->book->db) != a->day_version) {
		/* a promise or a plan of today's made, changed or cancelled, or
		 * another workstation wrote since: the day's figures again (a
		 * note or a call of this one leaves them) */
		day_load(a);
	}
	for (int i = 0; i < a->depth; i++) /* one account view at a time: app_open_account */
		if (a->stack[i]->ops->id == VIEW_ACCOUNT && !strcmp(view_account_current(a->stack[i]), no))
			view_account_show(a, a->stack[i], no);
	return rc;
}

int app_set_scope(struct app *a, int all)
{
	if (all == a->scope_all)
		return 0;
	struct queue_filter f = a->queue.filter;
	enum queue_sort sort = a->queue.sort;
	struct queue t = a->queue;
	a->queue = a->other;
	a->other = t;
	a->scope_all = all;
	a->queue.filter = f;
	a->queue.sort = sort;
	if (!a->other_loaded) {
		a->other_loaded = 1; /* the one just left */
		return load_current(a);
	}
	queue_apply(&a->queue);
	return 0;
}

int app_open_account(struct app *a, const char *account_no)
{
	struct view *v = view_account_new(a, account_no);
	if (!v)
		return 0;
	/* one account view at a time: show it there if one is open */
	for (int i = a->depth - 1; i >= 0; i--) {
		if (a->stack[i]->ops->id == VIEW_ACCOUNT) {
			v->ops->close(v);
			while (a->depth - 1 > i)
				app_pop(a);
			view_account_show(a, a->stack[i], account_no);
			return 1;
		}
	}
	app_push(a, v);
	return 1;
}

static void config_error_to_status(const char *msg, void *arg)
{
	app_message(arg, 1, "%s", msg);
}

static int parse_filter(struct app *a, char *args)
{
	struct queue_filter f = {.bucket = -1, .all_dates = a->queue.filter.all_dates,
				 .show_done = a->queue.filter.show_done};
	for (char *w = strtok(args, " "); w; w = strtok(NULL, " ")) {
		char *eq = strchr(w, '=');
		if (!eq) {
			app_message(a, 1, "filter: write NAME=VALUE (collector, segment, bucket, flag, min)");
			return -1;
		}
		*eq++ = '\0';
		if (!strcmp(w, "collector")) {
			snprintf(filter_collector, sizeof filter_collector, "%s", eq);
			f.collector = filter_collector;
		} else if (!strcmp(w, "segment")) {
			snprintf(filter_segment, sizeof filter_segment, "%s", eq);
			f.segment = filter_segment;
		} else if (!strcmp(w, "bucket")) {
			static const char *const names[] = {"1-30", "31-60", "61-90", "90+"};
			f.bucket = -2;
			for (int i = 0; i < 4; i++)
				if (!strcmp(eq, names[i]))
					f.bucket = i;
			if (f.bucket == -2) {
				app_message(a, 1, "filter: bucket is 1-30, 31-60, 61-90 or 90+");
				return -1;
			}
		} else if (!strcmp(w, "flag")) {
			unsigned fl = queue_flag_named(eq);
			if (!fl) {
				app_message(a, 1, "filter: flag is B, M, D or F");
				return -1;
			}
			f.flags |= fl;
		} else if (!strcmp(w, "min")) {
			int64_t cents;
			if (money_parse(eq, strlen(eq), MARK_UNKNOWN, &cents) != MONEY_OK) {
				app_message(a, 1, "filter: min is an amount");
				return -1;
			}
			f.min_overdue = cents;
		} else {
			app_message(a, 1, "filter: no filter %s (collector, segment, bucket, flag, min)", w);
			return -1;
		}
	}
	a->queue.filter = f;
	queue_apply(&a->queue);
	return 0;
}

const struct app_command app_commands[] = {
	{"goto", ":goto ACCOUNT", "open an account by its number (Tab completes it;"},
	{NULL, "", "alone, a prompt where Up and Down recall the last ones)"},
	{"find", ":find TEXT", "find any account of the book, as F"},
	{"filter", ":filter WORDS", "collector=LOGIN segment=NAME bucket=1-30|31-60|61-90|90+"},
	{NULL, "", "flag=B|M|D|F min=AMOUNT; :filter alone clears them"},
	{"sort", ":sort ORDER", "default, overdue, days, name or next"},
	{"all", ":all", "every collector's accounts"},
	{"mine", ":mine", "my accounts"},
	{"theme", ":theme NAME", "default, light, dark, high-contrast, mono"},
	{"set", ":set NAME = VALUE", "a setting of relancerc(5), at once"},
	{"bind", ":bind VIEW KEY ACTION", "a key, at once"},
	{"color", ":color ELEMENT FG BG", "a colour, at once"},
	{"source", ":source FILE", "read a relancerc file"},
	{"reload", ":reload", "read the book again"},
	{"messages", ":messages", "the last 50 messages, whole, newest first"},
	{"procedures", ":procedures", "edit the dunning procedures in the editor"},
	{"bank", ":bank", "the bank's credits no rule matched: assign them (as B)"},
	{"report", ":report NAME", "the dashboard of a report: aging, dso, cei, promises,"},
	{NULL, "", "collectors, dunning or forecast (as D, aging)"},
	{"help", ":help", "this help"},
	{"quit", ":q, :quit", "quit"},
	{NULL, NULL, NULL},
};

/* The settings the workstation holds in its state take effect at once. */
static void apply_settings(struct app *a)
{
	theme_apply();
	draw_init(settings.ascii);
	if (a->queue.sort != (enum queue_sort)settings.queue_sort) {
		a->queue.sort = (enum queue_sort)settings.queue_sort;
		queue_apply(&a->queue);
	}
	if (a->scope_all != settings.scope_all)
		app_set_scope(a, settings.scope_all);
	if (a->queue.filter.show_done != settings.show_done) {
		a->queue.filter.show_done = settings.show_done;
		queue_apply(&a->queue);
	}
}

void app_command(struct app *a, const char *line)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", line);
	char *cmd = buf;
	while (*cmd == ' ')
		cmd++;
	char *args = cmd + strcspn(cmd, " ");
	if (*args)
		*args++ = '\0';
	while (*args == ' ')
		args++;
	if (!*cmd)
		return;
	if (!strcmp(cmd, "q") || !strcmp(cmd, "quit")) {
		if (!call_holds(a))
			a->quit = 1;
	} else if (!strcmp(cmd, "goto")) {
		char no[128] = "";
		if (!*args && (!app_prompt_aided(a, "goto: ", no, sizeof no, prompt_aid_goto()) || !*no))
			return;
		if (!*args)
			args = no;
		if (strcmp(args, a->call.account_no) && call_holds(a))
			;
		else if (!app_open_account(a, args))
			app_message(a, 1, "no account %s", args);
		else
			prompt_remember(prompt_aid_goto(), args);
	} else if (!strcmp(cmd, "find")) {
		view_find_open(a, args);
	} else if (!strcmp(cmd, "filter")) {
		parse_filter(a, args);
	} else if (!strcmp(cmd, "sort")) {
		int s = queue_sort_named(args);
		if (s < 0) {
			app_message(a, 1, "sort: default, overdue, days, name or next");
		} else {
			a->queue.sort = (enum queue_sort)s;
			queue_apply(&a->queue);
		}
	} else if (!strcmp(cmd, "all") || !strcmp(cmd, "mine")) {
		app_set_scope(a, !strcmp(cmd, "all"));
	} else if (!strcmp(cmd, "report")) {
		view_dashboard_open(a, args);
	} else if (!strcmp(cmd, "bank")) {
		view_bank_open(a);
	} else if (!strcmp(cmd, "theme")) {
		if (config_theme(args, ":theme", 0, config_error_to_status, a) == 0) {
			theme_apply();
			app_message(a, 0, "theme %s", args);
		}
	} else if (!strcmp(cmd, "set") || !strcmp(cmd, "bind") || !strcmp(cmd, "color") ||
		   !strcmp(cmd, "source")) {
		char full[600];
		snprintf(full, sizeof full, "%s %s", cmd, args);
		/* the settings start from what is on screen (a and s change it) */
		settings.scope_all = a->scope_all;
		settings.queue_sort = (int)a->queue.sort;
		if (config_line(full, ":", 0, config_error_to_status, a) == 0) {
			apply_settings(a);
			app_message(a, 0, "%s", full);
		}
	} else if (!strcmp(cmd, "help")) {
		app_push(a, view_help_new(a, app_top(a)->ops->id));
	} else if (!strcmp(cmd, "messages")) {
		show_messages(a);
	} else if (!strcmp(cmd, "reload")) {
		app_load_queue(a);
	} else if (!strcmp(cmd, "procedures")) {
		dunning_procedures_edit(a);
	} else {
		char names[256] = "";
		size_t o = 0;
		for (size_t i = 0; app_commands[i].usage; i++)
			if (app_commands[i].name && o < sizeof names)
				o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", o ? ", " : "",
						      app_commands[i].name);
		app_message(a, 1, "no command %s (%s)", cmd, names);
	}
}

/* ---- the generic actions ----------------------------------------------------- */

static void search(struct app *a, int dir, int ask)
{
	struct view *v = app_top(a);
	if (!v->ops->search) {
		app_message(a, 1, "nothing to search here");
		return;
	}
	if (ask) {
		char buf[128] = "";
		if (!app_prompt(a, "/", buf, sizeof buf) || !*buf)
			return;
		snprintf(a->search, sizeof a->search, "%s", buf);
	}
	if (!a->search[0]) {
		app_message(a, 1, "no search yet: press /");
		return;
	}
	if (!v->ops->search(a, v, a->search, dir))
		app_message(a, 1, "not found: %s", a->search);
}

/* The actions that write to the book, refused at once on a read-only
 * one (before any form opens) rather than failing when saved. */
static int action_writes(enum action act)
{
	switch (act) {
	case ACT_CALL: case ACT_PROMISE: case ACT_NOTE: case ACT_LONG_NOTE: case ACT_DISPUTE:
	case ACT_RESOLVE: case ACT_TASK: case ACT_TASK_DONE: case ACT_SNOOZE: case ACT_UNSNOOZE:
	case ACT_RELEASE_HOLD: case ACT_DUNNING_NEXT: case ACT_PLAN_EDIT: case ACT_PLAN_SAVE:
	case ACT_PLAN_CANCEL: case ACT_PLAN_ADD_ROW: case ACT_PLAN_DELETE_ROW: case ACT_PLAN_SPREAD:
	case ACT_TASK_EDIT: case ACT_TASK_MOVE: case ACT_TASK_MARK_DONE: case ACT_BANK_ASSIGN:
	case ACT_BANK_IGNORE:
		return 1;
	default:
		return 0;
	}
}

static void generic(struct app *a, enum action act)
{
	switch (act) {
	case ACT_HELP:
		app_push(a, view_help_new(a, app_top(a)->ops->id));
		break;
	case ACT_COMMAND: {
		char buf[256] = "";
		if (app_prompt_aided(a, ":", buf, sizeof buf, prompt_aid_command()) && *buf) {
			prompt_remember(prompt_aid_command(), buf);
			app_command(a, buf);
		}
		break;
	}
	case ACT_FIND:
		view_find_open(a, NULL);
		break;
	case ACT_SEARCH: search(a, 1, 1); break;
	case ACT_SEARCH_NEXT: search(a, 1, 0); break;
	case ACT_SEARCH_PREV: search(a, -1, 0); break;
	case ACT_BACK:
		if ((app_top(a)->ops->id == VIEW_ACCOUNT || a->depth == 1) && call_holds(a))
			;
		else if (a->depth == 1 && a->last_key == 27)
			app_message(a, 0, "Esc never quits: q does");
		else
			app_pop(a);
		break;
	case ACT_QUIT:
		if (!call_holds(a))
			a->quit = 1;
		break;
	case ACT_CALL:
		if (a->call.account_no[0])
			call_end(a);
		else
			app_message(a, 1, "calls start from an account: Enter opens one, then c");
		break;
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	case ACT_MESSAGES: show_messages(a); break;
	case ACT_EXPLAIN: {
		struct view *v = app_top(a);
		const char *no = v->ops->id == VIEW_ACCOUNT ? view_account_current(v)
				 : v->ops->id == VIEW_QUEUE ? view_queue_current(a) : NULL;
		if (no)
			app_explain(a, no);
		else
			app_message(a, 1, "e explains an account: from the queue or an account");
		break;
	}
	case ACT_RELOAD:
		if (app_load_queue(a) == 0)
			app_message(a, 0, "read the book again");
		break;
	default:
		break;
	}
}

/* After refresh_seconds without a key, what others wrote shows: the queue
 * and the account on screen are read again. */
void app_refresh(struct app *a)
{
	app_load_queue(a);
	struct view *v = app_top(a);
	if (v && v->ops->id == VIEW_ACCOUNT) {
		char no[80];
		snprintf(no, sizeof no, "%s", view_account_current(v));
		view_account_show(a, v, no);
	}
}

/* Seconds on the workstation's clock since t0. */
static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	app_clock(&t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void run(struct app *a)
{
	int first = 1;
	struct timespec last_key;
	app_clock(&last_key);
	while (!a->quit && !stop_signal && !script_done && a->depth) {
		if (interrupted) {
			if (app_must_stop(a))
				break;
			continue;
		}
		app_draw(a);
		if (first && bench_log) {
			fprintf(bench_log, "first-screen %.3f\n", ms_since(&started));
			fflush(bench_log);
		}
		first = 0;
		wint_t ch;
		int r = app_get_key(&ch);
		if (r == ERR) { /* the timeout: look at the signals, and the clock */
			if (settings.refresh_seconds > 0 && seconds_since(&last_key) >= settings.refresh_seconds) {
				app_refresh(a);
				app_clock(&last_key);
			}
			continue;
		}
		struct timespec t0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		app_clock(&last_key);
		int key = (int)ch;
		if (r == KEY_CODE_YES && key == KEY_RESIZE)
			continue;
		/* characters beyond Latin-1 cannot be bound (and must not be
		 * taken for the function keys that share their codes) */
		if (r == OK && key >= 256) {
			app_message(a, 1, "that key is not bound (? for help)");
			continue;
		}
		a->status[0] = '\0';
		a->last_key = key_normalise(key);
		struct view *v = app_top(a);
		enum action act = keymap_lookup(v->ops->id, key);
		if (a->book->readonly && action_writes(act)) {
			app_message(a, 1, "%s is read-only (%s): nothing was changed", a->book->path,
				    a->book->readonly_why);
		} else if (act == ACT_NONE) {
			char name[16];
			app_message(a, 1, "%s is not bound here (? for help)", key_label(key_normalise(key), name));
		} else if (!v->ops->key(a, v, act)) {
			generic(a, act);
		}
		if (bench_log && a->depth) {
			app_draw(a);
			fprintf(bench_log, "key %s %.3f\n", action_table[act].name, ms_since(&t0));
			fflush(bench_log);
		}
	}
}

static void message_to_status(const char *text, int error, void *arg)
{
	app_message(arg, error, "%s", text);
}

void app_restore_messages(struct app *a)
{
	msg_redirect(message_to_status, a);
}

long app_call_seconds(const struct app *a)
{
	struct timespec now;
	app_clock(&now);
	return (long)(now.tv_sec - a->call.started.tv_sec);
}

static void config_error_to_stderr(const char *msg, void *arg)
{
	(void)arg;
	fprintf(stderr, "relance: %s\n", msg);
}

static void config_quiet(const char *msg, void *arg)
{
	(void)msg;
	(void)arg;
}

/* Built-in settings, the default theme file if there is one, then the
 * system and user files. Returns the number of errors. */
static int load_configuration(void)
{
	config_defaults();
	config_theme("default", "", 0, config_quiet, NULL);
	return config_load(config_error_to_stderr, NULL);
}

int ui_config_load(void)
{
	return load_configuration();
}

void ui_config_print(FILE *out, int defaults)
{
	if (defaults)
		config_defaults();
	config_dump(out);
}

/* ---- headless: the virtual terminal and the screen as text ------------------- */

static FILE *dump_to, *null_out, *null_in;
static SCREEN *virtual_screen;

/* The screen as the terminal shows it (curscr: what was last sent to
 * it), one line per row, without the spaces that end a row. */
static void script_dump(void)
{
	if (!dump_to)
		return;
	int oy, ox;
	getyx(curscr, oy, ox);
	size_t n = (size_t)COLS * CCHARW_MAX + 1;
	wchar_t *row = calloc(n, sizeof *row);
	char *out = calloc(n, MB_LEN_MAX);
	for (int y = 0; row && out && y < LINES; y++) {
		if (mvwinnwstr(curscr, y, 0, row, (int)n - 1) == ERR)
			row[0] = L'\0';
		size_t o = 0;
		mbstate_t st;
		memset(&st, 0, sizeof st);
		for (const wchar_t *w = row; *w; w++) {
			size_t k = wcrtomb(out + o, *w, &st);
			if (k != (size_t)-1)
				o += k;
		}
		while (o && out[o - 1] == ' ')
			o--;
		fprintf(dump_to, "%.*s\n", (int)o, out);
	}
	free(row);
	free(out);
	wmove(curscr, oy, ox);
	if (dump_to != stdout)
		fclose(dump_to);
	else
		fflush(stdout);
	dump_to = NULL;
}

/* The script read, its dump opened: 0, or the exit status after saying why. */
static int script_open(const struct ui_script *h)
{
	script = keys_script_load(h->keys);
	if (!script)
		return 2;
	dump_to = h->dump ? fopen(h->dump, "w") : stdout;
	if (!dump_to) {
		fprintf(stderr, "relance: %s: %s\n", h->dump, strerror(errno));
		keys_script_free(script);
		script = NULL;
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &script_t0);
	script_day_seconds = (long)now_local_minutes() * 60;
	return 0;
}

/* A terminal of h's size that writes to /dev/null: ncurses draws and
 * updates as for a real one. Typeahead is not looked for (/dev/null
 * always has some, and ncurses would put updates off for it). */
static int script_terminal(const struct ui_script *h)
{
	null_out = fopen("/dev/null", "w");
	null_in = fopen("/dev/null", "r");
	virtual_screen = null_out && null_in ? newterm("xterm-256color", null_out, null_in) : NULL;
	if (!virtual_screen) {
		fprintf(stderr, "relance: cannot set up a virtual terminal (xterm-256color)\n");
		return -1;
	}
	resize_term(h->lines, h->cols);
	typeahead(-1);
	return 0;
}

static void script_close(void)
{
	if (virtual_screen)
		delscreen(virtual_screen);
	virtual_screen = NULL;
	if (null_out)
		fclose(null_out);
	if (null_in)
		fclose(null_in);
	null_out = null_in = NULL;
	if (dump_to && dump_to != stdout)
		fclose(dump_to);
	dump_to = NULL;
	keys_script_free(script);
	script = NULL;
}

int ui_workstation(const char *db, const char *user, int all, const struct ui_script *headless)
{
	clock_gettime(CLOCK_MONOTONIC, &started);
	if (headless) {
		int bad = script_open(headless);
		if (bad)
			return bad;
	}
	const char *log = getenv("RELANCE_BENCH_LOG");
	if (log && *log)
	{
		int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
		bench_log = fd >= 0 ? fdopen(fd, "a") : NULL;
	}

	struct app a;
	memset(&a, 0, sizeof a);
	a.config_errors = load_configuration();
	struct book b;
	/* a book that cannot be written is shown, and says so (title_right) */
	int rc = book_open_at(&b, db, BOOK_READ);
	if (rc || (headless && script_terminal(headless))) {
		if (!rc)
			book_close(&b);
		script_close();
		return 1;
	}
	a.book = &b;
	a.user = user;
	a.today = today();
	a.scope_all = all >= 0 ? all : settings.scope_all;
	a.queue.sort = (enum queue_sort)settings.queue_sort;
	a.queue.filter.bucket = -1;
	a.queue.filter.show_done = settings.show_done;

	install_signals();
	msg_redirect(message_to_status, &a);
	if (!headless)
		initscr();
	cbreak();
	noecho();
	noqiflush(); /* Ctrl-C keeps what was typed before it: the terminal must not drop it */
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	timeout(500);
	theme_apply();
	draw_init(settings.ascii);

	struct timespec tq;
	clock_gettime(CLOCK_MONOTONIC, &tq);
	int loaded = app_load_queue(&a);
	if (bench_log)
		fprintf(bench_log, "queue-load %.3f (%zu accounts) at %.3f\n", ms_since(&tq), a.queue.nview,
			ms_since(&started));
	if (loaded != 0) {
		/* nothing to show: leave the screen and say why */
		endwin();
		script_close();
		msg_redirect(NULL, NULL);
		fprintf(stderr, "relance: %s\n", a.status[0] ? a.status : "cannot read the queue");
		queue_free(&a.queue);
		book_close(&b);
		if (bench_log)
			fclose(bench_log);
		return 1;
	}
	app_push(&a, view_queue_new(&a));
	call_take_up_open(&a);
	if (a.config_errors)
		app_message(&a, 1, "%d error%s in the configuration (relance config shows them)",
			    a.config_errors, a.config_errors == 1 ? "" : "s");
	else if (b.readonly)
		app_message(&a, 0, "read-only (%s): you can look, not change", b.readonly_why);
	run(&a);
	script_dump(); /* when the workstation quit before the script ran out */
	while (a.depth)
		app_pop(&a);
	endwin();
	script_close();
	msg_redirect(NULL, NULL);
	queue_free(&a.queue);
	queue_free(&a.other);
	prompt_aids_free();
	book_close(&b);
	if (bench_log)
		fclose(bench_log);
	/* The terminal is gone (hung up, or it stopped answering): everything
	 * is closed, so leave at once. A leak checker's stop-the-world at exit
	 * (make check SANITIZE=1) was seen to spin for ever in that state. */
	if (stop_signal == SIGHUP) {
		fflush(NULL);
		_exit(128 + SIGHUP);
	}
	if (stop_signal && stop_signal != SIGINT)
		return 128 + stop_signal;
	return 0;
}
