/* strset.c — the string set: add/has, a repeated key reports the value it
 * was first added with (and keeps it), keys are byte strings (prefixes,
 * embedded NULs, the empty key), keys are copied by strset_add and
 * borrowed by strset_add_ref, insertion-order iteration with
 * strset_entry_at, 100,000 keys through several rehashes and arena chunks,
 * strset_reserve, and free/re-init. */
#include "base/lib.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>

#define S(lit) (lit), (sizeof(lit) - 1)

static void test_basic(void)
{
	struct strset s;
	long v = -1, old = -1;
	strset_init(&s);
	is_int(s.count, 0, "a new set is empty");
	is_int(strset_has(&s, S("F-1"), &v), 0, "has on an empty set");
	const char *k = NULL;
	size_t n = 0;
	is_int(strset_entry_at(&s, 0, &k, &n), 0, "entry_at 0 on an empty set");

	is_int(strset_add(&s, S("F-1"), 10, &old), 1, "add F-1");
	is_int(old, -1, "a new key leaves old alone");
	is_int(strset_add(&s, S("F-2"), 20, NULL), 1, "add F-2 without old");
	is_int(strset_add(&s, S("F-10"), 100, &old), 1, "add F-10");
	is_int(s.count, 3, "three keys");

	v = -1;
	is_int(strset_has(&s, S("F-1"), &v), 1, "has F-1");
	is_int(v, 10, "F-1 has value 10");
	is_int(strset_has(&s, S("F-2"), &v), 1, "has F-2");
	is_int(v, 20, "F-2 has value 20");
	is_int(strset_has(&s, S("F-10"), NULL), 1, "has F-10 without v");
	v = -1;
	is_int(strset_has(&s, S("F-3"), &v), 0, "has F-3: no");
	is_int(v, -1, "a missing key leaves v alone");
	is_int(strset_has(&s, S("f-1"), NULL), 0, "keys are case-sensitive");
	is_int(strset_has(&s, S("F-1 "), NULL), 0, "a trailing blank makes another key");
	is_int(strset_has(&s, "F-10", 3, NULL), 1, "has reads only n bytes (F-1)");

	old = -1;
	is_int(strset_add(&s, S("F-2"), 99, &old), 0, "adding F-2 again returns 0");
	is_int(old, 20, "and reports its first value 20");
	is_int(strset_add(&s, S("F-2"), 77, NULL), 0, "again without old");
	is_int(strset_has(&s, S("F-2"), &v), 1, "F-2 still there");
	is_int(v, 20, "the first value is kept");
	is_int(s.count, 3, "duplicates do not count");

	/* negative and large values */
	is_int(strset_add(&s, S("neg"), -5, NULL), 1, "add with a negative value");
	is_int(strset_add(&s, S("big"), 2147483647L, NULL), 1, "add with a large value");
	strset_has(&s, S("neg"), &v);
	is_int(v, -5, "negative value kept");
	strset_has(&s, S("big"), &v);
	is_int(v, 2147483647L, "large value kept");
	strset_free(&s);
	is_int(s.count, 0, "free empties the set");
	is_int(strset_has(&s, S("F-1"), NULL), 0, "after free, nothing is there");
	is_int(strset_add(&s, S("again"), 1, NULL), 1, "a freed set can be used again");
	is_int(strset_has(&s, S("again"), &v), 1, "and finds its key");
	strset_free(&s);
	strset_free(&s);
	ok(1, "free twice is harmless");
}

static void test_bytes(void)
{
	struct strset s;
	long v = -1, old = -1;
	strset_init(&s);
	is_int(strset_has(&s, "", 0, NULL), 0, "the empty key is not in an empty set");
	is_int(strset_add(&s, "", 0, 7, NULL), 1, "add the empty key");
	is_int(strset_has(&s, "", 0, &v), 1, "has the empty key");
	is_int(v, 7, "the empty key's value");
	is_int(strset_add(&s, "", 0, 8, &old), 0, "the empty key again is a duplicate");
	is_int(old, 7, "the empty key's first value");
	is_int(strset_has(&s, "x", 1, NULL), 0, "x is not the empty key");

	is_int(strset_add(&s, "a\0b", 3, 1, NULL), 1, "a key with a NUL inside");
	is_int(strset_add(&s, "a", 1, 2, NULL), 1, "its prefix is another key");
	is_int(strset_add(&s, "a\0c", 3, 3, NULL), 1, "same prefix, other byte after the NUL");
	is_int(strset_has(&s, "a\0b", 3, &v), 1, "has a\\0b");
	is_int(v, 1, "a\\0b value");
	is_int(strset_has(&s, "a", 1, &v), 1, "has a");
	is_int(v, 2, "a value");
	is_int(strset_has(&s, "a\0", 2, NULL), 0, "a\\0 is not there");
	is_int(strset_add(&s, S("Soci\xc3\xa9t\xc3\xa9"), 4, NULL), 1, "a UTF-8 key");
	is_int(strset_has(&s, S("Soci\xc3\xa9t\xc3\xa9"), &v), 1, "has the UTF-8 key");
	is_int(strset_has(&s, S("Societe"), NULL), 0, "no folding: Societe is another key");
	is_int(s.count, 5, "five keys");
	strset_free(&s);
}

static void test_copy_and_ref(void)
{
	struct strset s;
	char buf[16], ref[16];
	const char *k;
	size_t n;
	long v;
	strset_init(&s);

	memcpy(buf, "CUST-001", 8);
	is_int(strset_add(&s, buf, 8, 1, NULL), 1, "add copies CUST-001");
	memcpy(buf, "XXXX-XXX", 8);
	is_int(strset_has(&s, S("CUST-001"), &v), 1, "the copy survives the caller's buffer changing");
	is_int(strset_has(&s, S("XXXX-XXX"), NULL), 0, "the new buffer content is not a key");
	strset_entry_at(&s, 0, &k, &n);
	ok(k != buf, "strset_add keeps its own copy");

	memcpy(ref, "REF-42", 6);
	is_int(strset_add_ref(&s, ref, 6, 42, NULL), 1, "add_ref REF-42");
	is_int(strset_entry_at(&s, 1, &k, &n), 1, "entry 1 exists");
	ok(k == ref, "add_ref keeps the caller's pointer");
	is_int(n, 6, "add_ref length");
	is_int(strset_has(&s, S("REF-42"), &v), 1, "has REF-42");
	is_int(v, 42, "REF-42 value");
	long old = -1;
	is_int(strset_add_ref(&s, S("REF-42"), 43, &old), 0, "add_ref of a present key is a duplicate");
	is_int(old, 42, "add_ref duplicate gives the first value");
	is_int(strset_add(&s, S("REF-42"), 44, &old), 0, "add of a key added by add_ref is a duplicate");
	is_int(strset_add_ref(&s, S("CUST-001"), 45, &old), 0, "add_ref of a key added by add is a duplicate");
	is_int(old, 1, "... with the value given to add");
	is_int(strset_add_ref(&s, "", 0, 5, NULL), 1, "add_ref of the empty key");
	is_int(strset_has(&s, "", 0, &v), 1, "has the borrowed empty key");
	is_int(v, 5, "borrowed empty key value");
	strset_free(&s);
}

static void test_many(void)
{
	enum { N = 100000 };
	struct strset s;
	char key[32];
	long v, old;
	int bad_add = 0, bad_has = 0, bad_dup = 0, bad_miss = 0, bad_iter = 0;
	strset_init(&s);
	for (int i = 0; i < N; i++) {
		int len = snprintf(key, sizeof key, "customer-%08d", i);
		if (strset_add(&s, key, (size_t)len, (long)i * 3, NULL) != 1)
			bad_add++;
	}
	is_int(bad_add, 0, "100,000 distinct keys are all added");
	is_int(s.count, N, "count is 100,000");
	ok(s.cap >= 2 * (size_t)N, "the slot array grew to at least twice the keys (%zu)", s.cap);
	ok(s.narenas >= 2, "the 1.7 MB of keys took more than one arena chunk (%zu)", s.narenas);
	for (int i = 0; i < N; i++) {
		int len = snprintf(key, sizeof key, "customer-%08d", i);
		v = -1;
		if (strset_has(&s, key, (size_t)len, &v) != 1 || v != (long)i * 3)
			bad_has++;
	}
	is_int(bad_has, 0, "all 100,000 keys found with their values after rehashing");
	for (int i = 0; i < N; i += 7) {
		int len = snprintf(key, sizeof key, "customer-%08d", i);
		old = -1;
		if (strset_add(&s, key, (size_t)len, -1, &old) != 0 || old != (long)i * 3)
			bad_dup++;
	}
	is_int(bad_dup, 0, "every 7th key added again is a duplicate with its old value");
	is_int(s.count, N, "duplicates left the count at 100,000");
	for (int i = N; i < N + 1000; i++) {
		int len = snprintf(key, sizeof key, "customer-%08d", i);
		if (strset_has(&s, key, (size_t)len, NULL) != 0)
			bad_miss++;
	}
	is_int(bad_miss, 0, "1000 keys never added are not found");
	is_int(strset_has(&s, S("customer-0000000"), NULL), 0, "a prefix of a key is not found");
	for (size_t i = 0; i < (size_t)N; i++) {
		const char *k;
		size_t n;
		char want[32];
		int len = snprintf(want, sizeof want, "customer-%08zu", i);
		if (strset_entry_at(&s, i, &k, &n) != 1 || n != (size_t)len || memcmp(k, want, n) != 0)
			bad_iter++;
	}
	is_int(bad_iter, 0, "entry_at walks the 100,000 keys in insertion order");
	const char *k;
	size_t n;
	char got[32] = "";
	if (strset_entry_at(&s, 12345, &k, &n) && n < sizeof got)
		memcpy(got, k, n), got[n] = '\0';
	is_str(got, "customer-00012345", "entry 12345");
	if (strset_entry_at(&s, N - 1, &k, &n) && n < sizeof got)
		memcpy(got, k, n), got[n] = '\0';
	is_str(got, "customer-00099999", "the last entry");
	is_int(strset_entry_at(&s, N, &k, &n), 0, "entry_at count is past the end");
	strset_free(&s);
}

static void test_reserve(void)
{
	struct strset s;
	long v;
	strset_init(&s);
	is_int(strset_reserve(&s, 5000), 0, "reserve 5000");
	ok(s.cap >= 10000, "reserve makes room for 5000 keys at half load (%zu slots)", s.cap);
	size_t cap = s.cap;
	int bad = 0;
	for (int i = 0; i < 5000; i++) {
		char key[16];
		int len = snprintf(key, sizeof key, "k%d", i);
		if (strset_add(&s, key, (size_t)len, i, NULL) != 1)
			bad++;
	}
	is_int(bad, 0, "5000 keys added after reserve");
	is_int(s.cap, cap, "no rehash was needed");
	is_int(strset_has(&s, S("k4999"), &v), 1, "k4999 found");
	is_int(v, 4999, "k4999 value");
	/* reserving on a filled set keeps every key */
	is_int(strset_reserve(&s, 100000), 0, "reserve 100000 on a filled set");
	bad = 0;
	for (int i = 0; i < 5000; i++) {
		char key[16];
		int len = snprintf(key, sizeof key, "k%d", i);
		if (strset_has(&s, key, (size_t)len, &v) != 1 || v != i)
			bad++;
	}
	is_int(bad, 0, "all keys still found after a reserve rehash");
	const char *k;
	size_t n;
	ok(strset_entry_at(&s, 0, &k, &n) && n == 2 && memcmp(k, "k0", 2) == 0, "order kept after reserve");
	is_int(strset_reserve(&s, 10), 0, "reserving less than present is harmless");
	is_int(strset_has(&s, S("k1234"), &v), 1, "k1234 still found");
	strset_free(&s);
}

int main(void)
{
	test_basic();
	test_bytes();
	test_copy_and_ref();
	test_many();
	test_reserve();
	return done_testing();
}
