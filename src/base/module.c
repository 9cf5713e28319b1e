/* module.c — finds and opens relance-media.so (and relance-xml.so, the
 * camt reader's libxml2) once, on the first call for one of its functions. Looked for beside the program (the build's
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

/* the modules opened so far, by file name */
static struct {
	const char *file;
	void *handle;
} opened[4];
static char why[PATH_MAX * 3 + 256];

/* Opens DIR/FILE and checks that it was built with this
 * program's ABI; appends to why the reason it could not. */
static void *open_in(const char *dir, const char *file)
{
	char path[PATH_MAX];
	size_t w = strlen(why);
	if (snprintf(path, sizeof path, "%s/%s", dir, file) >= (int)sizeof path)
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

static void *module_open(const char *file)
{
	size_t i = 0;
	while (i < sizeof opened / sizeof *opened && opened[i].file && strcmp(opened[i].file, file))
		i++;
	if (i < sizeof opened / sizeof *opened && opened[i].file)
		return opened[i].handle;
	void *handle = NULL;
	why[0] = '\0';
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash) {
			*slash = '\0';
			handle = open_in(self[0] ? self : "/", file);
			char installed[PATH_MAX + 16];
			if (!handle && snprintf(installed, sizeof installed, "%s/../lib/relance", self) < (int)sizeof installed)
				handle = open_in(installed, file);
		}
	}
	if (!handle)
		handle = open_in(RELANCE_LIBDIR, file);
	if (handle && i < sizeof opened / sizeof *opened)
		opened[i].file = file, opened[i].handle = handle;
	return handle;
}

void *module_symbol_in(const char *file, const char *what, const char *name, char *err, size_t errlen)
{
	void *h = module_open(file);
	void *fn = h ? dlsym(h, name) : NULL;
	if (!h)
		snprintf(err, errlen, "%s need %s: %s", what, file, why);
	else if (!fn)
		snprintf(err, errlen, "%s has no %s: %s", file, name, dlerror());
	return fn;
}

void *module_symbol(const char *name, char *err, size_t errlen)
{
	return module_symbol_in("relance-media.so", "letters, charts and e-mail", name, err, errlen);
}
