/* private_file.h — files and directories only their owner can read:
 * everything relance writes names debtors. A file it makes is mode 0600
 * and a directory 0700, whatever the umask (set after making, never left
 * to it). */
#ifndef RELANCE_PRIVATE_FILE_H
#define RELANCE_PRIVATE_FILE_H
#include <stdio.h>

/* A file being written. A regular file (or one still to make) is written
 * as PATH.tmp and renamed over PATH once whole, so that it is whole or
 * not there; "-" is standard output; a symbolic link, device or pipe
 * (/dev/stdout, a fifo) is written through as it is, never replaced (a
 * link naming no file yet makes it, 0600). */
struct private_file {
	FILE *fp;
	char *path;         /* NULL: standard output */
	char *tmp;          /* PATH.tmp; NULL: written in place */
	char err[1200];     /* after a failure: "cannot write FILE: why" */
};

/* Opens f for path: 0, or -1 with f->err said. */
int private_file_open(struct private_file *f, const char *path);
/* Ends f: when ok, flushed to disk, closed and renamed into place;
 * otherwise (or on any failure) PATH.tmp is removed and PATH left as it
 * was. 0, or -1 with f->err said (when ok). */
int private_file_close(struct private_file *f, int ok);
/* The name of f in messages. */
const char *private_file_name(const struct private_file *f);

/* mkdir -p dir, each directory it makes mode 0700: 0, or -1 with errno. */
int private_dir(const char *dir);
/* The same for the directories path lies in. */
int private_parent_dirs(const char *path);

#endif
