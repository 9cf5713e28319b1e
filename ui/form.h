/* form.h — the one form widget every write uses: single-line fields with
 * readline-style editing, choice fields, checks in place, Enter saves,
 * Esc cancels (asking first when something was typed). A resize redraws
 * it with what was typed. Nothing is written unless save() succeeds, and
 * save() writes in one transaction. */
#ifndef RELANCE_UI_FORM_H
#define RELANCE_UI_FORM_H
#include <stddef.h>

struct app;

/* A date field reads every form of date_parse_typed ("fri", "+3", "15/12")
 * counted from the app's today, and becomes YYYY-MM-DD on leaving it and
 * on saving; FIELD_DATE_FUTURE (a follow-up, a task, a promise, a plan's
 * date, a snooze) refuses a day before today. */
enum field_kind { FIELD_TEXT, FIELD_DATE, FIELD_DATE_FUTURE, FIELD_AMOUNT, FIELD_CHOICE };

struct field {
	const char *label;
	enum field_kind kind;
	int required;
	const char *const *choices; /* FIELD_CHOICE: NULL-terminated */
	char value[512];            /* what is typed (UTF-8); a choice: its word */
};

struct form {
	const char *title;
	struct field *fields;
	int n;
};

/* Shows the form until it is saved or cancelled. save() gets the form
 * once every field passed its own checks; it returns 0 when it wrote, or
 * not 0 with the reason put by the engine's messages (shown in the form,
 * which stays open). Returns 1 when saved, 0 when cancelled. */
int form_run(struct app *a, struct form *f, int (*save)(struct app *, struct form *, void *), void *arg);
/* The same, calling chosen (with arg) when a choice field changed: the
 * form follows it in its other fields (a call's outcome, its day to call
 * again). */
int form_run_choosing(struct app *a, struct form *f, int (*save)(struct app *, struct form *, void *),
		      void (*chosen)(struct form *f, int field, void *arg), void *arg);

#endif
