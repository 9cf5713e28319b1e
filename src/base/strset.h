/* strset.h — a set of strings with one integer each (open addressing).
 * Used by imports to find keys repeated within a file and to know which
 * keys a file listed. Keys are copied into the set's own arena, except
 * with strset_add_ref, whose caller keeps the key alive as long as the set. */
#ifndef RELANCE_STRSET_H
#define RELANCE_STRSET_H
#include <stddef.h>

struct strset_slot;
struct strset_entry;
struct strset {
	struct strset_slot *slots;
	size_t cap, count;
	struct strset_entry *entries;
	size_t entries_cap;
	char **arenas;
	size_t narenas, arena_used, arena_cap;
};

void strset_init(struct strset *s);
void strset_free(struct strset *s);
/* Makes room for n keys at once. */
int strset_reserve(struct strset *s, size_t n);
/* Adds key with value v. Returns 1 when added, 0 when the key was there
 * already (then *old, if given, gets its value), -1 when out of memory. */
int strset_add(struct strset *s, const char *key, size_t n, long v, long *old);
/* The same without copying the key. */
int strset_add_ref(struct strset *s, const char *key, size_t n, long v, long *old);
/* 1 when present (and *v gets its value, if given). */
int strset_has(const struct strset *s, const char *key, size_t n, long *v);
/* Iteration in insertion order: 1 while i < count. */
int strset_entry_at(const struct strset *s, size_t i, const char **key, size_t *n);

#endif
