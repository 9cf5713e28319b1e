/* actions.h — every action of the workstation, listed once: its name (the
 * word `bind` and :help use), the views it belongs to, its default keys and
 * what it does. The enum, the names relancerc accepts, the default keymap
 * and the help screen all come from this one table. */
#ifndef RELANCE_UI_ACTIONS_H
#define RELANCE_UI_ACTIONS_H

enum view_id { VIEW_GENERIC, VIEW_QUEUE, VIEW_ACCOUNT, VIEW_ENTRY, VIEW_HELP, VIEW_PLAN, VIEW_FIND, VIEW_TASKS, VIEW_DASHBOARD, VIEW_BANK, VIEW_COUNT };

/* ACTION(id, name, view, "default keys, space-separated", help) */
#define ACTIONS(ACTION) \
	ACTION(MOVE_DOWN, "move-down", VIEW_GENERIC, "j Down", "next line") \
	ACTION(MOVE_UP, "move-up", VIEW_GENERIC, "k Up", "previous line") \
	ACTION(MOVE_FIRST, "move-first", VIEW_GENERIC, "g Home", "first line") \
	ACTION(MOVE_LAST, "move-last", VIEW_GENERIC, "G End", "last line") \
	ACTION(PAGE_DOWN, "page-down", VIEW_GENERIC, "PgDn C-f Space", "next page") \
	ACTION(PAGE_UP, "page-up", VIEW_GENERIC, "PgUp C-b", "previous page") \
	ACTION(HALF_DOWN, "half-page-down", VIEW_GENERIC, "C-d", "half a page down") \
	ACTION(HALF_UP, "half-page-up", VIEW_GENERIC, "C-u", "half a page up") \
	ACTION(SEARCH, "search", VIEW_GENERIC, "/", "search forward") \
	ACTION(SEARCH_NEXT, "search-next", VIEW_GENERIC, "n", "next match") \
	ACTION(SEARCH_PREV, "search-prev", VIEW_GENERIC, "N", "previous match") \
	ACTION(HELP, "help", VIEW_GENERIC, "? F1", "this help") \
	ACTION(COMMAND, "command", VIEW_GENERIC, ":", "command line") \
	ACTION(BACK, "back", VIEW_GENERIC, "q Esc", "back to the previous screen (quits from the queue)") \
	ACTION(QUIT, "quit", VIEW_GENERIC, "Q", "quit relance") \
	ACTION(REDRAW, "redraw", VIEW_GENERIC, "C-l", "redraw the screen") \
	ACTION(RELOAD, "reload", VIEW_GENERIC, "R", "read the book again") \
	ACTION(MESSAGES, "messages", VIEW_GENERIC, "M", "the last 50 messages, whole") \
	ACTION(EXPLAIN, "explain", VIEW_GENERIC, "e", "why the account is where it is: next action, reason, score term by term") \
	ACTION(FIND, "find", VIEW_GENERIC, "F", "find any account of the book by number, name, phone, e-mail, VAT, invoice... (as :find)") \
	ACTION(OPEN, "open", VIEW_QUEUE, "Enter", "open the account") \
	ACTION(TOGGLE_ALL, "toggle-all", VIEW_QUEUE, "a", "my accounts / every collector's") \
	ACTION(SORT, "sort", VIEW_QUEUE, "s", "next sort order") \
	ACTION(FILTER, "filter", VIEW_QUEUE, "f", "filter the queue (as :filter)") \
	ACTION(TOGGLE_DATES, "toggle-dates", VIEW_QUEUE, "d", "today's list / every account, whatever the date of its next action") \
	ACTION(CLEAR_FILTER, "clear-filter", VIEW_QUEUE, "Backspace", "remove every filter") \
	ACTION(DASHBOARD, "dashboard", VIEW_QUEUE, "D", "the dashboard: aging as a bar chart (:report NAME for the others)") \
	ACTION(BANK, "bank", VIEW_QUEUE, "B", "the bank's credits no rule matched (as :bank)") \
	ACTION(NEXT_PANE, "next-pane", VIEW_ACCOUNT, "Tab", "next pane") \
	ACTION(PREV_PANE, "prev-pane", VIEW_ACCOUNT, "S-Tab", "previous pane") \
	ACTION(NEXT_ACCOUNT, "next-account", VIEW_ACCOUNT, "]", "next account of the queue") \
	ACTION(PREV_ACCOUNT, "prev-account", VIEW_ACCOUNT, "[", "previous account of the queue") \
	ACTION(OPEN_ENTRY, "open-entry", VIEW_ACCOUNT, "Enter", "show the history entry whole") \
	ACTION(HISTORY_FILTER, "history-filter", VIEW_ACCOUNT, "f", "history: show one type only") \
	ACTION(CALL, "call", VIEW_GENERIC, "c", "start a call on an account (timer below); again, anywhere: log it") \
	ACTION(PROMISE, "promise", VIEW_ACCOUNT, "p", "record a promise to pay; with one open: change or cancel it") \
	ACTION(NOTE, "note", VIEW_ACCOUNT, "a", "add a one-line note") \
	ACTION(LONG_NOTE, "long-note", VIEW_ACCOUNT, "A", "write a long note in $VISUAL or $EDITOR") \
	ACTION(DISPUTE, "dispute", VIEW_ACCOUNT, "d", "dispute the selected invoice") \
	ACTION(RESOLVE, "resolve", VIEW_ACCOUNT, "D", "resolve the selected invoice's dispute") \
	ACTION(TASK, "task", VIEW_ACCOUNT, "t", "add a follow-up task") \
	ACTION(TASK_DONE, "task-done", VIEW_ACCOUNT, "x", "mark one of the account's open tasks done") \
	ACTION(SNOOZE, "snooze", VIEW_ACCOUNT, "s", "put the account out of the queue until a date") \
	ACTION(UNSNOOZE, "unsnooze", VIEW_ACCOUNT, "u", "lift the snooze: the account is back in the queue today") \
	ACTION(TASKS, "tasks", VIEW_ACCOUNT, "T", "the account's open tasks: change, move or mark them done") \
	ACTION(RELEASE_HOLD, "release-hold", VIEW_ACCOUNT, "H", "let the account held out of dunning back in") \
	ACTION(PLAN, "plan", VIEW_ACCOUNT, "P", "the payment plan: open it, or make one") \
	ACTION(DUNNING_NEXT, "dunning-next", VIEW_ACCOUNT, "L", "preview the next reminder; send it on confirmation (which says so when payments are stale)") \
	ACTION(QR_CODE, "qr-code", VIEW_ACCOUNT, "Q", "the EPC QR code paying the overdue balance") \
	ACTION(PLAN_EDIT, "plan-edit", VIEW_PLAN, "Enter", "change the installment's date and amount") \
	ACTION(PLAN_SAVE, "plan-save", VIEW_PLAN, "w", "save the plan (its remainder must be zero)") \
	ACTION(PLAN_CANCEL, "plan-cancel", VIEW_PLAN, "C", "cancel the active plan") \
	ACTION(PLAN_ADD_ROW, "plan-add-row", VIEW_PLAN, "a", "add an installment after the last") \
	ACTION(PLAN_DELETE_ROW, "plan-delete-row", VIEW_PLAN, "d", "delete the installment (its amount goes to the remainder)") \
	ACTION(PLAN_SPREAD, "plan-spread", VIEW_PLAN, "=", "spread the remainder over the rows not paid (odd cent on the last)") \
	ACTION(FIND_OPEN, "find-open", VIEW_FIND, "Enter", "open the account found") \
	ACTION(TASK_EDIT, "task-edit", VIEW_TASKS, "Enter", "change the task's date and text") \
	ACTION(TASK_MOVE, "task-move", VIEW_TASKS, "m", "move the task to another day") \
	ACTION(TASK_MARK_DONE, "task-mark-done", VIEW_TASKS, "x", "mark the task done") \
	ACTION(DRILL_DOWN, "drill-down", VIEW_DASHBOARD, "Enter", "the queue of the bar's accounts") \
	ACTION(BANK_CANDIDATES, "bank-candidates", VIEW_BANK, "Enter", "the credit's candidates; on a candidate: assign the credit to it") \
	ACTION(BANK_ASSIGN, "bank-assign", VIEW_BANK, "a", "assign the credit to an account you name, and the invoices it pays") \
	ACTION(BANK_IGNORE, "bank-ignore", VIEW_BANK, "x", "the credit is not a customer's payment: set it aside")

enum action {
	ACT_NONE,
#define ACTION_ENUM(id, name, view, keys, help) ACT_##id,
	ACTIONS(ACTION_ENUM)
#undef ACTION_ENUM
	ACT_COUNT
};

struct action_info {
	const char *name;
	enum view_id view;
	const char *keys;
	const char *help;
};

/* Indexed by enum action; [ACT_NONE] is {"none", ...}. */
extern const struct action_info action_table[ACT_COUNT];
enum action action_named(const char *name);
const char *view_name(enum view_id v);
int view_named(const char *name); /* -1 when unknown */

#endif
