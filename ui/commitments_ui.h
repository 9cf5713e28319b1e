/* commitments_ui.h — the account screen's block of what was agreed, and
 * the writes made from it (commitments_ui.c). */
#ifndef RELANCE_UI_COMMITMENTS_UI_H
#define RELANCE_UI_COMMITMENTS_UI_H

#include "app.h"
#include "dunning/lib.h"

struct commit_block {
	struct commitments c;
	struct dun_standing d;
	int has_dunning; /* d was read */
};

/* Reads the block of an account; dun: its dunning (NULL when it could not
 * be read). */
void commit_block_load(struct app *a, struct commit_block *k, const char *account_no, const struct dun_account *dun);
void commit_block_free(struct commit_block *k);
/* Draws the block from row top, in at most max lines, the whole width:
 * what fits, each part whole (a text cut ends in an ellipsis), what does
 * not fit marked at the end of the last line. Returns the lines it took
 * (1 at least: "nothing agreed" when that is all). */
int commit_block_draw(struct app *a, const struct commit_block *k, int top, int max);

/* p on an account with an open promise: the promise form filled in, to
 * change its amount or date, or cancel it. Returns 1 when saved. */
int commit_promise_change(struct app *a, const struct commit_block *k, const char *account_no);
/* Lifts the snooze, or releases the dunning hold, once y confirms; says
 * why not when there is none. Returns 1 when the book changed. */
int commit_unsnooze(struct app *a, const struct commit_block *k, const char *account_no);
int commit_release_hold(struct app *a, const struct commit_block *k, const char *account_no);

#endif
