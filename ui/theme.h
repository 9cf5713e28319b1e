/* theme.h — the colour of every element of the screen: parsing `color`
 * lines, falling back from 256 to 8 colours to attributes only, NO_COLOR,
 * and finding and loading theme files. */
#ifndef RELANCE_UI_THEME_H
#define RELANCE_UI_THEME_H
#include <stdio.h>

#define ELEMENTS(E) \
	E(DEFAULT, "default", "plain text") \
	E(TITLE, "title", "the top line") \
	E(STATUS, "status", "the status bar") \
	E(HEADER, "header", "column headings") \
	E(CURSOR, "cursor", "the selected line") \
	E(CURSOR_INACTIVE, "cursor-inactive", "the selected line of an inactive pane") \
	E(PANE_TITLE, "pane-title", "pane titles") \
	E(LABEL, "label", "field names") \
	E(AMOUNT, "amount", "money") \
	E(OVERDUE, "overdue", "overdue amounts") \
	E(MUTED, "muted", "secondary text") \
	E(FLAG_BROKEN, "flag-broken", "the broken-promise flag") \
	E(FLAG_MISSED, "flag-missed", "the missed-installment flag") \
	E(FLAG_DISPUTE, "flag-dispute", "the dispute flag") \
	E(FLAG_FOLLOWUP, "flag-followup", "the follow-up flag") \
	E(DUE, "due", "an action due today or earlier") \
	E(BAR, "bar", "aging bars") \
	E(SEARCH, "search", "a search match") \
	E(ERROR, "error", "error messages") \
	E(ESCAPE, "escape", "control characters from the data, shown escaped") \
	E(DISPUTED, "disputed", "disputed items") \
	E(WARNING, "warning", "what needs care: payments older than stale-days, in the title")

enum element {
#define ELEMENT_ENUM(id, name, help) EL_##id,
	ELEMENTS(ELEMENT_ENUM)
#undef ELEMENT_ENUM
	EL_COUNT
};

const char *element_name(enum element e);
int element_named(const char *name); /* -1 when unknown */

/* Sets an element from `color` arguments (fg, bg, attributes...). Returns
 * NULL, or an error message. */
const char *theme_set(enum element e, const char *fg, const char *bg, char *const *attrs, int nattrs);
/* The built-in colours (before any file). */
void theme_defaults(void);
/* Makes the colours current on the terminal (after initscr, and after each
 * change); honours NO_COLOR and the terminal's number of colours. */
void theme_apply(void);
/* The curses attribute to draw an element with. */
unsigned long theme_attr(enum element e);
/* The path of theme NAME (user's first, then the installed ones, then the
 * ones beside the program); NULL when there is none. */
const char *theme_find(const char *name, char *buf, size_t size);
/* Writes the color lines of the current theme. */
void theme_dump(FILE *out);

#endif
