/* lib.h — the work library. The collectors' work on accounts:
 * calls, promises, payment plans, disputes, tasks and snoozes, and the queue
 * that orders the accounts needing attention.
 * It uses base and book. */
#ifndef RELANCE_WORK_LIB_H
#define RELANCE_WORK_LIB_H

#include "call.h"    /* phone calls and their outcomes */
#include "commitments.h" /* what was agreed on an account, at a glance */
#include "dispute.h" /* disputed invoices */
#include "plan.h"    /* payment plans and their installments */
#include "promise.h" /* promises to pay and the rules that follow them */
#include "queue.h"   /* the collector's to-do list */
#include "task.h"    /* follow-up tasks and snoozes */

#endif
