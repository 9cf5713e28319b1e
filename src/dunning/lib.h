/* lib.h — the dunning library. Reminders that a lawyer would sign:
 * procedures and their steps, messages in the debtor's language, interest and
 * fees, templates, the creditor's details, EPC QR codes, e-mail (MIME) and PDF letters.
 * It uses base, book and work (an agency step is a task). */
#ifndef RELANCE_DUNNING_LIB_H
#define RELANCE_DUNNING_LIB_H

#include "company.h"   /* the creditor's details, the dunning settings */
#include "dunning.h"   /* where each invoice stands, the messages due, sending them */
#include "interest.h"  /* late-payment interest and compensation */
#include "pending.h"   /* reminders on their way, and those a killed run left */
#include "procedure.h" /* procedures and their steps */
#include "qr.h"        /* QR codes as half blocks or PNG */
#include "standing.h"  /* an account's dunning at a glance, its own settings */
#include "waive.h"     /* waiving interest and compensation, journaled */

#endif
