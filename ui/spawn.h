/* spawn.h — running other programs the way mutt does: an argument vector
 * split from a setting (no shell), never a string handed to sh. */
#ifndef RELANCE_UI_SPAWN_H
#define RELANCE_UI_SPAWN_H

/* Runs `command` with `last` appended (when not NULL) and waits; 0 when it
 * exited 0. The caller leaves and restores the screen around it. */
int spawn_wait(const char *command, const char *last);
/* Starts `command`, each word "%n" replaced by `number`, without waiting
 * and with its output thrown away (a softphone, a dialler). 0 when started. */
int spawn_detached(const char *command, const char *number);

#endif
