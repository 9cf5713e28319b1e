/* config.h — relancerc: settings, `set`, `bind`, `color`, `source` and
 * `theme` lines, read in layers (built-in, system, user) and live from the
 * command line; errors name FILE:LINE and loading goes on. */
#ifndef RELANCE_UI_CONFIG_H
#define RELANCE_UI_CONFIG_H
#include <stdio.h>

struct settings {
	char theme[64];
	int scope_all;  /* queue-scope: 0 mine, 1 all */
	int queue_sort; /* enum queue_sort */
	int show_done;  /* the day's list keeps the accounts worked today, greyed, at its end */
	int queue_columns[8];   /* optional columns of the queue (enum queue_column), in order */
	int nqueue_columns;
	int ascii;      /* draw with ASCII only */
	char dial_command[256]; /* run when a call starts, %n the number; "" none */
	int refresh_seconds;    /* read the book again after so long idle; 0 never */
	char time_zone[64];     /* the zone times are shown in; "": the TZ variable */
};

extern struct settings settings;

/* Where errors go: stderr before the screen starts, the status bar after. */
typedef void (*config_error_fn)(const char *msg, void *arg);

/* Built-in defaults: settings, the keymap and the colours. */
void config_defaults(void);
/* Reads the system and user files. Returns the number of errors. */
int config_load(config_error_fn err, void *arg);
/* One line as it would appear in a file (where/line name it in errors).
 * Returns 0, or -1 after reporting. */
int config_line(const char *text, const char *where, int line, config_error_fn err, void *arg);
/* Reads a file; returns the number of errors (a missing file is one). */
int config_file(const char *path, config_error_fn err, void *arg);
/* Loads theme NAME: its colour lines over the built-in colours. where and
 * line name the line that asked for it in an error (line 0: none). */
int config_theme(const char *name, const char *where, int line, config_error_fn err, void *arg);
/* Writes the effective configuration as relancerc lines. */
void config_dump(FILE *out);
/* The user's file: $XDG_CONFIG_HOME/relance/relancerc. */
const char *config_user_path(char *buf, size_t size);

#endif
