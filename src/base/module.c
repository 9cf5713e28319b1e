/* module.c — finds and opens relance-media.so once, on the first call
 * for one of its functions. Looked for beside the program (the build's
 * folder: build/release/relance runs with build/release/relance-media.so),
 * then in ../lib/relance from the program's folder (an installed tree,
 * wherever its PREFIX put it or it was moved to), then in the folder
 * `make install` was built for (RELANCE_LIBDIR). */
#include "module.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef RELANCE_LIBDIR
#define RELANCE_LIBDIR "/usr/local/lib/relance"
#endif
#define MODULE_FILE "relance-media.so"

static void *handle;
static char why[PATH_MAX * 2 + 256];

/* Opens DIR/relance-media.so and checks that it was built with this
 * program's ABI; appends to why the reason it could not. */
static void *open_in(const char *dir)
{
	char path[PATH_MAX];
	size_t w = strlen(why);
	if (snprintf(path, sizeof path, "%s/%s", dir, MODULE_FILE) >= (int)sizeof path)
		return NULL;
	if (access(path, F_OK) != 0) {
		snprintf(why + w, sizeof why - w, "%s%s: not there", w ? "; " : "", path);
		return NULL;
	}
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		snprintf(why + w, sizeof why - w, "%s%s", w ? "; " : "", dlerror());
		return NULL;
	}
	const int *abi = dlsym(h, "relance_media_abi");
	if (!abi || *abi != RELANCE_MEDIA_ABI) {
		snprintf(why + w, sizeof why - w, "%s%s: built for another relance (version %d, not %d)",
			 w ? "; " : "", path, abi ? *abi : 0, RELANCE_MEDIA_ABI);
		dlclose(h);
		return NULL;
	}
	return h;
}

static void *module_open(void)
{
	if (handle)
		return handle;
	why[0] = '\0';
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash) {
			*slash = '\0';
			handle = open_in(self[0] ? self : "/");
			char installed[PATH_MAX + 16];
			if (!handle && snprintf(installed, sizeof installed, "%s/../lib/relance", self) < (int)sizeof installed)
				handle = open_in(installed);
		}
	}
	if (!handle)
		handle = open_in(RELANCE_LIBDIR);
	return handle;
}

void *module_symbol(const char *name, char *err, size_t errlen)
{
	void *h = module_open();
	void *fn = h ? dlsym(h, name) : NULL;
	if (!h)
		snprintf(err, errlen, "letters, charts and e-mail need %s: %s", MODULE_FILE, why);
	else if (!fn)
		snprintf(err, errlen, "%s has no %s: %s", MODULE_FILE, name, dlerror());
	return fn;
}
