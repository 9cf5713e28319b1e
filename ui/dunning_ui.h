/* dunning_ui.h — the workstation's dunning actions (dunning_ui.c). */
#ifndef RELANCE_UI_DUNNING_UI_H
#define RELANCE_UI_DUNNING_UI_H
#include <stddef.h>

#include "app.h"
#include "dunning/lib.h"

/* L: the account's next reminder, shown, then sent if the user says so. */
void dunning_preview(struct app *a, const char *account_no);
/* Q: the EPC QR code for the overdue balance. */
void dunning_qr(struct app *a, const char *account_no);
/* :procedures — the procedures' text file in the editor. */
void dunning_procedures_edit(struct app *a);
/* The open items' dunning cell: "2>3 12-09" (level, next step, its day),
 * "2>3 today", or the level and why there is no next step ("1 disputed"). */
void dunning_item_label(const struct dun_account *acc, const char *invoice_no, char *out, size_t size);

#endif
