/* private_file.c — making files 0600 and directories 0700 (see
 * private_file.h): a temporary beside the file, renamed over it once
 * whole; written in place only what must not be replaced. */
#include "private_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xstr.h"

static int fail(struct private_file *f, const char *verb, const char *name)
{
	snprintf(f->err, sizeof f->err, "cannot %s %s: %s", verb, name, strerror(errno));
	return -1;
}

/* The temporary beside path could not be made: both named. */
static void fail_tmp(struct private_file *f, const char *path, const char *tmp)
{
	snprintf(f->err, sizeof f->err, "cannot write %.500s: cannot create %.500s: %s", path, tmp, strerror(errno));
}

int private_file_open(struct private_file *f, const char *path)
{
	memset(f, 0, sizeof *f);
	f->fp = stdout;
	if (!path || !strcmp(path, "-"))
		return 0;
	struct stat sb;
	if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			errno = EISDIR;
			return fail(f, "write", path);
		}
		/* a link may name no file yet: it is made private too */
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (fd < 0 || !(f->fp = fdopen(fd, "wb"))) {
			fail(f, "write", path);
			if (fd >= 0)
				close(fd);
			f->fp = NULL;
			return -1;
		}
		f->path = xstrdup(path);
		return 0;
	}
	size_t n = strlen(path);
	char *tmp = malloc(n + sizeof ".tmp");
	if (!tmp)
		abort();
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmp", sizeof ".tmp");
	/* a .tmp left by a crash is replaced; never written through a link */
	int fd = -1;
	if ((unlink(tmp) != 0 && errno != ENOENT) ||
	    (fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0) {
		fail_tmp(f, path, tmp);
		free(tmp);
		f->fp = NULL;
		return -1;
	}
	/* 0600 exactly, the umask neither widening nor narrowing it */
	if (fchmod(fd, 0600) != 0 || !(f->fp = fdopen(fd, "wb"))) {
		fail_tmp(f, path, tmp);
		close(fd);
		unlink(tmp);
		free(tmp);
		f->fp = NULL;
		return -1;
	}
	f->path = xstrdup(path);
	f->tmp = tmp;
	return 0;
}

const char *private_file_name(const struct private_file *f)
{
	return f->tmp ? f->tmp : f->path ? f->path : "standard output";
}

int private_file_close(struct private_file *f, int ok)
{
	int rc = ok ? 0 : -1;
	if (!f->fp)
		return -1;
	if (rc == 0 && (fflush(f->fp) != 0 || (f->tmp && fsync(fileno(f->fp)) != 0)))
		rc = fail(f, "write", private_file_name(f));
	if (f->path && fclose(f->fp) != 0 && rc == 0)
		rc = fail(f, "write", private_file_name(f));
	f->fp = NULL;
	if (f->tmp) {
		if (rc == 0 && rename(f->tmp, f->path) != 0)
			rc = fail(f, "write", f->path);
		if (rc)
			unlink(f->tmp);
	}
	free(f->path);
	free(f->tmp);
	f->path = f->tmp = NULL;
	return rc;
}

/* Makes one directory, 0700 whatever the umask; one there already is kept as it is. */
static int make_one(const char *dir)
{
	if (mkdir(dir, 0700) == 0)
		return chmod(dir, 0700);
	if (errno != EEXIST)
		return -1;
	struct stat sb;
	if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

int private_dir(const char *dir)
{
	char *d = xstrdup(dir);
	int rc = 0;
	for (char *p = d + 1; *p && rc == 0; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = '\0';
		rc = make_one(d);
		*p = '/';
	}
	if (rc == 0 && *d)
		rc = make_one(d);
	int e = errno;
	free(d);
	errno = e;
	return rc;
}

int private_parent_dirs(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || slash == path)
		return 0;
	char *d = xstrndup(path, (size_t)(slash - path));
	int rc = private_dir(d), e = errno;
	free(d);
	errno = e;
	return rc;
}
