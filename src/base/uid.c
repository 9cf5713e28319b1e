/* uid.c — ids: UUIDv7 from the clock and the kernel's random source, and
 * UUIDv8 derived from a name. */
#include "uid.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "sha256.h"

static void format(const unsigned char b[16], char out[UID_LEN + 1])
{
	snprintf(out, UID_LEN + 1,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
		 b[12], b[13], b[14], b[15]);
}

void uid_from_name(const char *name, char out[UID_LEN + 1])
{
	struct sha256 s;
	unsigned char d[32];
	sha256_init(&s);
	sha256_update(&s, name, strlen(name));
	sha256_final(&s, d);
	d[6] = (unsigned char)(0x80 | (d[6] & 0x0f)); /* version 8 */
	d[8] = (unsigned char)(0x80 | (d[8] & 0x3f)); /* variant */
	format(d, out);
}

void uid_new(char out[UID_LEN + 1])
{
	unsigned char b[16];
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t ms = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
	size_t got = 0;
	while (got < 10) {
		ssize_t r = getrandom(b + 6 + got, 10 - got, 0);
		if (r > 0)
			got += (size_t)r;
	}
	for (int i = 0; i < 6; i++)
		b[i] = (unsigned char)(ms >> (40 - 8 * i));
	b[6] = (unsigned char)(0x70 | (b[6] & 0x0f)); /* version 7 */
	b[8] = (unsigned char)(0x80 | (b[8] & 0x3f)); /* variant */
	format(b, out);
}

const char *uid_short(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	return n > 8 ? id + n - 8 : id ? id : "";
}

int uid_valid(const char *s)
{
	if (!s || strlen(s) != UID_LEN)
		return 0;
	for (int i = 0; i < UID_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return 0;
		} else if (!strchr("0123456789abcdef", s[i]) || !s[i]) {
			return 0;
		}
	}
	return s[14] == '7' || s[14] == '8';
}
