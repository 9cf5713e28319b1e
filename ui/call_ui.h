/* call_ui.h — the call under way in the workstation: the timer on the
 * status line, the lock that keeps its account open until it is logged,
 * ending it from anywhere, Ctrl-C during a call, and the call an earlier
 * session left open. */
#ifndef RELANCE_UI_CALL_UI_H
#define RELANCE_UI_CALL_UI_H
#include <stddef.h>

#include "app.h"

/* 1 while a call runs; then also says, on the status line, that leaving
 * its account must wait until c has logged it. */
int call_holds(struct app *a);
/* The timer as the status line shows it in at most `width` columns:
 * " CALL mm:ss NAME NUMBER ", the time always whole, the name cut first. */
void call_timer_text(const struct app *a, int width, char *out, size_t size);
/* Journals the start of a call to number on the account shown, and runs
 * the timer. 0, or -1 after a message. */
int call_begin(struct app *a, const char *account_no, const char *name, const char *number);
/* The outcome form for the call under way, wherever the collector is;
 * once logged, the call is over and the queue and account move on. */
void call_end(struct app *a);
/* Ctrl-C: returns 1 when the workstation may stop; with a call under
 * way it asks first, and logs the call as interrupted (its real length). */
int call_interrupt(struct app *a);
/* At start: a call this collector left open (the program stopped during
 * it) is taken up again on its account, or closed as interrupted. */
void call_take_up_open(struct app *a);

#endif
