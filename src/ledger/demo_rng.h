/* demo_rng.h — the demo's generator (splitmix64), shared by the demo book
 * (demo.c) and its bank files (demo_bank.c): the same seed, the same book
 * and the same files. */
#ifndef RELANCE_DEMO_RNG_H
#define RELANCE_DEMO_RNG_H
#include <stdint.h>

static inline uint64_t demo_draw(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

#endif
