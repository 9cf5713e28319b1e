/* config_home.h — where the user's own files live: relancerc, themes,
 * templates, under $XDG_CONFIG_HOME/relance (absolute), else
 * $HOME/.config/relance. */
#ifndef RELANCE_CONFIG_HOME_H
#define RELANCE_CONFIG_HOME_H
#include <stddef.h>

/* The path of `name` in the user's relance directory, in buf. Returns buf. */
const char *config_home_path(const char *name, char *buf, size_t size);

#endif
