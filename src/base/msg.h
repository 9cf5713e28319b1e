/* msg.h — messages to the user on standard error, one format for all:
 * "relance: ..." for errors and "relance: warning: ..." for warnings, or to
 * the workstation's status line while it is on screen. */
#ifndef RELANCE_MSG_H
#define RELANCE_MSG_H

#if defined(__GNUC__)
#define RL_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define RL_PRINTF(a, b)
#endif

void msg_error(const char *fmt, ...) RL_PRINTF(1, 2);
void msg_warn(const char *fmt, ...) RL_PRINTF(1, 2);

/* While a full screen owns the terminal, messages go to sink instead of
 * standard error (which the screen would hide); NULL restores stderr. */
void msg_redirect(void (*sink)(const char *text, int error, void *arg), void *arg);

#endif
