/* strset.c — hash set of byte strings: a compact slot array (hash and
 * entry index, 8 bytes a slot) over an append-only entry array, so that
 * a million keys cost 16 MiB of slots and inserts touch little memory. */
#include "strset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct strset_slot {
	uint32_t hash;
	uint32_t entry; /* index + 1; 0: empty */
};

struct strset_entry {
	const char *key;
	size_t len;
	long value;
};

#define ARENA_CHUNK (1u << 20)

static uint32_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	return (uint32_t)(h ^ (h >> 32));
}

void strset_init(struct strset *s) { memset(s, 0, sizeof *s); }

void strset_free(struct strset *s)
{
	for (size_t i = 0; i < s->narenas; i++)
		free(s->arenas[i]);
	free(s->arenas);
	free(s->slots);
	free(s->entries);
	memset(s, 0, sizeof *s);
}

static const char *arena_copy(struct strset *s, const char *key, size_t n)
{
	if (!s->narenas || s->arena_used + n > s->arena_cap) {
		size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
		char **na = realloc(s->arenas, (s->narenas + 1) * sizeof *na);
		if (!na)
			return NULL;
		s->arenas = na;
		if (!(s->arenas[s->narenas] = malloc(cap)))
			return NULL;
		s->narenas++;
		s->arena_used = 0;
		s->arena_cap = cap;
	}
	char *dst = s->arenas[s->narenas - 1] + s->arena_used;
	if (n)
		memcpy(dst, key, n);
	s->arena_used += n;
	return dst;
}

static struct strset_slot *find(const struct strset *s, const char *key, size_t n, uint32_t h)
{
	size_t mask = s->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct strset_slot *sl = &s->slots[i];
		if (!sl->entry)
			return sl;
		if (sl->hash == h) {
			const struct strset_entry *e = &s->entries[sl->entry - 1];
			if (e->len == n && memcmp(e->key, key, n) == 0)
				return sl;
		}
	}
}

static int rehash(struct strset *s, size_t ncap)
{
	struct strset_slot *ns = calloc(ncap, sizeof *ns);
	if (!ns)
		return -1;
	free(s->slots);
	s->slots = ns;
	s->cap = ncap;
	for (size_t e = 0; e < s->count; e++) {
		uint32_t h = hash_bytes(s->entries[e].key, s->entries[e].len);
		size_t i = h & (ncap - 1);
		while (ns[i].entry)
			i = (i + 1) & (ncap - 1);
		ns[i] = (struct strset_slot){h, (uint32_t)(e + 1)};
	}
	return 0;
}

int strset_reserve(struct strset *s, size_t n)
{
	size_t cap = 1024;
	while (cap < n * 2)
		cap *= 2;
	if (cap > s->cap && rehash(s, cap))
		return -1;
	if (n > s->entries_cap) {
		struct strset_entry *ne = realloc(s->entries, n * sizeof *ne);
		if (!ne)
			return -1;
		s->entries = ne;
		s->entries_cap = n;
	}
	return 0;
}

static int add(struct strset *s, const char *key, size_t n, long v, long *oldv, int borrow)
{
	if ((s->count + 1) * 2 > s->cap && rehash(s, s->cap ? s->cap * 2 : 1024))
		return -1;
	if (s->count >= UINT32_MAX - 1)
		return -1;
	uint32_t h = hash_bytes(key, n);
	struct strset_slot *sl = find(s, key, n, h);
	if (sl->entry) {
		if (oldv)
			*oldv = s->entries[sl->entry - 1].value;
		return 0;
	}
	if (s->count == s->entries_cap) {
		size_t ncap = s->entries_cap ? s->entries_cap * 2 : 256;
		struct strset_entry *ne = realloc(s->entries, ncap * sizeof *ne);
		if (!ne)
			return -1;
		s->entries = ne;
		s->entries_cap = ncap;
	}
	const char *k = borrow ? key : arena_copy(s, key, n);
	if (!k)
		return -1;
	s->entries[s->count] = (struct strset_entry){k, n, v};
	*sl = (struct strset_slot){h, (uint32_t)(s->count + 1)};
	s->count++;
	return 1;
}

int strset_add(struct strset *s, const char *key, size_t n, long v, long *oldv)
{
	return add(s, key, n, v, oldv, 0);
}

int strset_add_ref(struct strset *s, const char *key, size_t n, long v, long *oldv)
{
	return add(s, key, n, v, oldv, 1);
}

int strset_has(const struct strset *s, const char *key, size_t n, long *v)
{
	if (!s->cap)
		return 0;
	struct strset_slot *sl = find(s, key, n, hash_bytes(key, n));
	if (!sl->entry)
		return 0;
	if (v)
		*v = s->entries[sl->entry - 1].value;
	return 1;
}

int strset_entry_at(const struct strset *s, size_t i, const char **key, size_t *n)
{
	if (i >= s->count)
		return 0;
	*key = s->entries[i].key;
	*n = s->entries[i].len;
	return 1;
}
