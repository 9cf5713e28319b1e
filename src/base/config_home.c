/* config_home.c — the user's relance directories (XDG base directories):
 * settings under the config home, data under the data home. */
#include "config_home.h"

#include <stdio.h>
#include <stdlib.h>

const char *config_home_path(const char *name, char *buf, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg == '/')
		snprintf(buf, size, "%s/relance/%s", xdg, name);
	else
		snprintf(buf, size, "%s/.config/relance/%s", home ? home : ".", name);
	return buf;
}

const char *data_home_path(const char *name, char *buf, size_t size)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (xdg && *xdg == '/')
		snprintf(buf, size, "%s/relance/%s", xdg, name);
	else
		snprintf(buf, size, "%s/.local/share/relance/%s", home && *home ? home : ".", name);
	return buf;
}
