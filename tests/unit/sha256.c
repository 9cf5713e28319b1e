/* sha256.c — SHA-256 against the FIPS 180-4 examples ("abc", the 448-bit
 * message, a million 'a' fed in odd pieces), the empty string, lengths
 * around the 55/56/64-byte padding edges fed whole and byte by byte; and
 * uid_from_name: same name, same id; other name, other id; version 8;
 * HMAC-SHA256 against RFC 4231's test cases 1, 2 and 6 (a key longer than
 * a block), fed whole and in parts. */
#include "base/lib.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

static void hex(const unsigned char d[32], char out[65])
{
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

int main(void)
{
	char h[65];
	sha256_hex("abc", 3, h);
	is_str(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "abc");
	sha256_hex("", 0, h);
	is_str(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty");
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256_hex(m, strlen(m), h);
	is_str(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", "448-bit message");

	struct sha256 s;
	unsigned char d[32];
	static char a[1000];
	memset(a, 'a', sizeof a);
	sha256_init(&s);
	for (size_t done = 0, k = 1; done < 1000000; k = k % 97 + 1) {
		size_t n = 1000000 - done < k ? 1000000 - done : k;
		sha256_update(&s, a, n);
		done += n;
	}
	sha256_final(&s, d);
	hex(d, h);
	is_str(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "a million 'a', fed in pieces of 1 to 97 bytes");

	unsigned char k1[20], k6[131];
	memset(k1, 0x0b, sizeof k1);
	memset(k6, 0xaa, sizeof k6);
	hmac_sha256_hex(k1, sizeof k1, "Hi There", 8, h);
	is_str(h, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", "HMAC: RFC 4231 case 1");
	hmac_sha256_hex((const unsigned char *)"Jefe", 4, "what do ya want for nothing?", 28, h);
	is_str(h, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "HMAC: RFC 4231 case 2");
	const char *t6 = "Test Using Larger Than Block-Size Key - Hash Key First";
	struct hmac_sha256 mac;
	hmac_sha256_init(&mac, k6, sizeof k6);
	for (size_t i = 0; i < strlen(t6); i += 7)
		hmac_sha256_update(&mac, t6 + i, strlen(t6) - i < 7 ? strlen(t6) - i : 7);
	hmac_sha256_final_hex(&mac, h);
	is_str(h, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54", "HMAC: RFC 4231 case 6, a long key, fed in parts");

	/* every length around the padding edges: whole and byte by byte agree */
	int same = 1;
	for (size_t n = 50; n <= 130; n++) {
		char whole[65], bytes[65];
		sha256_hex(a, n, whole);
		sha256_init(&s);
		for (size_t i = 0; i < n; i++)
			sha256_update(&s, a + i, 1);
		sha256_final(&s, d);
		hex(d, bytes);
		same &= !strcmp(whole, bytes);
	}
	ok(same, "lengths 50 to 130: whole and byte by byte give the same digest");
	sha256_hex(a, 64, h);
	is_str(h, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb", "64 bytes: a block and a padding block");

	char u1[UID_LEN + 1], u2[UID_LEN + 1], u3[UID_LEN + 1];
	uid_from_name("promise 1 broken", u1);
	uid_from_name("promise 1 broken", u2);
	uid_from_name("promise 1 kept", u3);
	is_str(u1, u2, "the same name gives the same id");
	is_int(strlen(u1), UID_LEN, "36 characters");
	ok(strcmp(u1, u3) != 0, "another name another id");
	ok(uid_valid(u1) && u1[14] == '8' && strchr("89ab", u1[19]), "a valid version 8 id: %s", u1);
	uid_new(u3);
	ok(uid_valid(u3) && u3[14] == '7', "uid_new still makes version 7: %s", u3);
	return done_testing();
}
