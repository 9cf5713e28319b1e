/* app.h — the workstation's state shared by the views: the book, the
 * queue, the stack of open views, the status line; and the small list
 * helper every scrolling pane uses. */
#ifndef RELANCE_UI_APP_H
#define RELANCE_UI_APP_H

#include <time.h>
#include <wchar.h>

#include "actions.h"
#include "book/lib.h"
#include "base/lib.h"
#include "work/lib.h"

struct app;
struct view;

/* A view fills this table (after tig's view_ops). The driver offers every
 * action to key() first; what it does not take, the driver does. */
struct view_ops {
	enum view_id id;
	const char *(*title)(struct app *, struct view *);
	void (*draw)(struct app *, struct view *, int top, int rows); /* screen rows top.. */
	int (*key)(struct app *, struct view *, enum action);         /* 1: handled */
	int (*search)(struct app *, struct view *, const char *needle, int dir); /* 1: found */
	void (*close)(struct view *);
};

struct view {
	const struct view_ops *ops;
	void *data;
};

/* A scrolling list: cursor and first visible line over count lines. */
struct list {
	int cursor, top, count;
};
/* Applies a movement action to l for a pane of `rows` lines; 1 if it was one. */
int list_move(struct list *l, enum action a, int rows);
/* Keeps the cursor visible in a pane of `rows` lines. */
void list_fit(struct list *l, int rows);

#define VIEW_DEPTH 8

struct app {
	struct book *book;
	const char *user;
	day_t today;
	struct queue queue;     /* the one on screen */
	int scope_all;
	struct queue other;     /* the other scope's, kept once read: a toggles at once */
	int other_loaded;
	struct queue_day day;   /* what the queue's scope did today: promises, plans */
	long long day_version;  /* the book's data_version when day was read: others' writes since */
	struct freshness fresh; /* as of when the payments are known (the title) */
	struct view *stack[VIEW_DEPTH];
	int depth;
	char status[256];
	int status_error;
	char search[128];
	int quit;
	int last_key;           /* the key being handled (normalised) */
	int config_errors;
	/* a call under way (account_no empty: none) */
	struct {
		char account_no[80], name[128], number[64];
		struct timespec started;
		char entry[40];      /* the "call started" journal entry */
		char started_at[21]; /* UTC */
	} call;
};

/* get_wch for every key loop (main, prompt, forms): ERR on the timeout,
 * and ERR for good once relance must stop (a signal, or a terminal that
 * went away and answers nothing but errors). */
int app_get_key(wint_t *ch);
/* 1 once relance must stop: every key loop leaves. */
int app_stopping(void);
/* After app_stopping: 1 when relance stops now; 0 when Ctrl-C was
 * answered "go on" (a call under way), the key loop then goes on too. */
int app_must_stop(struct app *a);
/* Ctrl-C is waiting to be answered (and no other signal): a form with
 * something typed asks first; app_interrupt_set(0) puts it aside while it
 * asks, app_interrupt_set(1) brings it back. */
int app_interrupt_pending(void);
void app_interrupt_set(int on);

/* The columns a view's title has in the title bar, beside today and,
 * when they are stale, "payments as of D" (the book's name, and fresh
 * payments' day, give way to the view's title). */
int app_title_room(struct app *a);

/* For make bench (RELANCE_BENCH_LOG): "WHAT MS", the time since t0. */
void app_bench_note(const char *what, const struct timespec *t0);

/* Messages from the engine go to the status line again (after a form). */
void app_restore_messages(struct app *a);
/* The : commands, for the help and the messages; the last has no usage.
 * A row without a name continues the help of the one before. */
struct app_command {
	const char *name, *usage, *help;
};
extern const struct app_command app_commands[];

/* Reads the queue and the account on screen again (what others wrote,
 * or what was just logged). */
void app_refresh(struct app *a);
/* The clock of the timers (the call's, the refresh's): the monotonic
 * clock; headless, the start moved on only by the script's Waits. */
void app_clock(struct timespec *t);
/* Seconds the call under way has lasted. */
long app_call_seconds(const struct app *a);

/* The status line: a message until the next key. */
void app_message(struct app *a, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void app_push(struct app *a, struct view *v);
void app_pop(struct app *a);
struct view *app_top(struct app *a);
/* Draws everything (after a resize, a change of theme...). */
void app_draw(struct app *a);
/* Reads a line on the bottom row; 1 when Enter, 0 when Esc. buf keeps its
 * initial text. */
int app_prompt(struct app *a, const char *label, char *buf, size_t size);
/* What a prompt may offer besides editing (prompt_aid.c): Up and Down
 * walk a history of what was entered (only the lines beginning with what
 * is typed, as vim's command line), Tab completes. */
#define PROMPT_HISTORY 50
struct prompt_history {
	char *lines[PROMPT_HISTORY]; /* oldest first */
	int n;
};
struct prompt_aid {
	struct prompt_history *history;
	/* Tab: completes buf (size bytes) in place; what it could be, when
	 * more than one thing, goes to hint (shown over the prompt) */
	void (*complete)(struct app *, char *buf, size_t size, char *hint, size_t hintsize);
};
/* app_prompt with an aid (NULL: none). */
int app_prompt_aided(struct app *a, const char *label, char *buf, size_t size, const struct prompt_aid *aid);
/* The aids of the : command line, of :goto's prompt (account numbers) and
 * of find's; each keeps its history for the session. */
const struct prompt_aid *prompt_aid_command(void);
const struct prompt_aid *prompt_aid_goto(void);
const struct prompt_aid *prompt_aid_find(void);
/* Adds a line to an aid's history (once: an earlier copy moves to the end). */
void prompt_remember(const struct prompt_aid *aid, const char *line);
/* From *pos, the next line (dir 1) or the one before (-1) beginning with
 * draft; past the newest, *pos is n (the draft itself). 0 when none. */
int prompt_history_step(const struct prompt_history *h, const char *draft, int *pos, int dir);
void prompt_aids_free(void);
/* Asks a yes/no question at the bottom row and takes one key: 1 for y,
 * 0 for any other (nothing is echoed, no Enter is needed). */
int app_confirm(struct app *a, const char *question);
/* Loads the queue (mine or all) with the current sort and filter; the
 * other scope's is forgotten (it is read again when asked for). */
int app_load_queue(struct app *a);
/* After a write to one account: its row of the queue (both scopes) read
 * again, the day's figures, and the account view showing it (if one
 * does); the whole queue when the day moved on. */
int app_account_changed(struct app *a, const char *account_no);
/* Switches between my accounts and everybody's. */
int app_set_scope(struct app *a, int all);
/* Runs a `:` command line. */
void app_command(struct app *a, const char *line);
/* Opens an account over the current view; 0 when there is no such account. */
int app_open_account(struct app *a, const char *account_no);

/* The views. */
struct view *view_queue_new(struct app *a);
struct view *view_account_new(struct app *a, const char *account_no);
struct view *view_entry_new(struct app *a, const char *const *lines, int n, const char *title);
/* Adds text to an entry view: one line per '\n', wrapped when drawn. */
void view_entry_append(struct view *v, const char *text);
struct view *view_help_new(struct app *a, enum view_id from);
/* The accounts of the whole book that text finds (find.h), in a list over
 * the current view (in place of it when it is one already); text NULL or
 * empty: asked first. Nothing opens when nothing is found. */
void view_find_open(struct app *a, const char *text);
/* The dashboard: report NAME (NULL or "": aging) as of today, its chart
 * and table, over the current view (in place of another dashboard); 0
 * when there is no such report or it could not be made (said). */
int view_dashboard_open(struct app *a, const char *name);
/* A queue over the current view showing only the accounts no[] (n of
 * them, sorted by strcmp: a report's accounts behind a row), everybody's
 * and at every date; `what` names them in its header. q goes back and
 * the queue's filter and scope are as they were. */
void view_queue_drill(struct app *a, const char *what, const char *const *no, size_t n);
/* The plan of an account: its active plan, or a new one made from a form. */
struct view *view_plan_new(struct app *a, const char *account_no, int64_t overdue);
/* The bank's credits still to match (:bank, B): candidates, assign, set aside. */
void view_bank_open(struct app *a);
/* The open tasks of an account: changed, moved, marked done. */
struct view *view_tasks_new(struct app *a, const char *account_no);
/* The queue view moves its cursor to the next/previous account and gives
 * its number (NULL at either end). */
const char *view_queue_step(struct app *a, int dir);
/* The account under the queue's cursor; NULL when none. */
const char *view_queue_current(struct app *a);
/* The next action, reason and score of an account, term by term, in a text view. */
void app_explain(struct app *a, const char *account_no);
/* The account shown by an account view, and how to show another there. */
void view_account_show(struct app *a, struct view *v, const char *account_no);
const char *view_account_current(struct view *v);

#endif
