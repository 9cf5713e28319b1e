/* config_home.h — where the user's own files live: relancerc, themes,
 * templates, under $XDG_CONFIG_HOME/relance (absolute), else
 * $HOME/.config/relance; and where its data lives (data_home_path). */
#ifndef RELANCE_CONFIG_HOME_H
#define RELANCE_CONFIG_HOME_H
#include <stddef.h>

/* The path of `name` in the user's relance directory, in buf. Returns buf. */
const char *config_home_path(const char *name, char *buf, size_t size);
/* The path of `name` among relance's data (the book, letters), under
 * $XDG_DATA_HOME/relance (absolute), else $HOME/.local/share/relance. */
const char *data_home_path(const char *name, char *buf, size_t size);

#endif
