/* payref.c — payment references: Belgian OGM/VCS in the +++ and ***
 * forms, slashes-only and plain 12-digit spellings; the check is base
 * mod 97, and 97 when that is 0 (bases 0, 97, 194, 9700000000); wrong
 * check digits and wrong digit counts are BAD_OGM; ISO 11649 RF
 * references (RF18 5390 0754 7034 and others, in any case and grouping)
 * valid and invalid; free text; and payref_ogm_make / payref_ogm_format /
 * payref_rf_make round trips. */
#include "base/lib.h"
#include "tap.h"

#include <stdio.h>

static enum payref_kind parse(const char *s, char out[128])
{
	memset(out, 'Z', 128);
	out[127] = '\0';
	return payref_parse(s, strlen(s), out, 128);
}

static void test_ogm(void)
{
	char out[128];
	static const struct { const char *in, *digits, *what; } good[] = {
		{"+++090/9337/55493+++", "090933755493", "+++ form"},
		{"***090/9337/55493***", "090933755493", "*** form"},
		{"090933755493", "090933755493", "plain 12 digits"},
		{"090/9337/55493", "090933755493", "slashes without the +++"},
		{"  +++090/9337/55493+++\t", "090933755493", "blanks around are trimmed"},
		{"+++ 090 / 9337 / 55493 +++", "090933755493", "blanks inside"},
		{"+++090-9337-55493+++", "090933755493", "dashes instead of slashes"},
		{"+++123/4567/89002+++", "123456789002", "123/4567/89002"},
		{"+++000/0000/01010+++", "000000001010", "base 10: check 10"},
		{"+++000/0000/00101+++", "000000000101", "base 1: check 01"},
		/* base mod 97 == 0: the check is 97, never 00 */
		{"+++000/0000/00097+++", "000000000097", "base 0: check 97"},
		{"+++000/0000/09797+++", "000000009797", "base 97: check 97"},
		{"+++000/0000/19497+++", "000000019497", "base 194: check 97"},
		{"+++970/0000/00097+++", "970000000097", "base 9700000000: check 97"},
		{"000000009797", "000000009797", "base 97, plain"},
		{"+++999/9999/99948+++", "999999999948", "base 9999999999: check 48"},
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		is_int(parse(good[i].in, out), PAYREF_OGM, "OGM: %s", good[i].what);
		is_str(out, good[i].digits, "OGM stored as 12 digits: %s", good[i].what);
	}

	static const struct { const char *in, *what; } bad[] = {
		{"+++090/9337/55494+++", "last check digit off by one"},
		{"+++090/9337/55593+++", "a base digit changed"},
		{"***123/4567/89003***", "*** form with a wrong check"},
		{"+++000/0000/09700+++", "base 97 with check 00"},
		{"+++000/0000/00000+++", "base 0 with check 00"},
		{"+++000/0000/19400+++", "base 194 with check 00"},
		{"090/9337/55494", "slashes only, wrong check"},
		{"+++090/9337/5549+++", "11 digits in +++ form"},
		{"+++090/9337/554930+++", "13 digits in +++ form"},
		{"***12/3456/78901***", "10 digits in *** form"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		is_int(parse(bad[i].in, out), PAYREF_BAD_OGM, "BAD_OGM: %s", bad[i].what);
		is_str(out, bad[i].in, "BAD_OGM keeps the text as given: %s", bad[i].what);
	}
	is_int(parse("  +++090/9337/55494+++  ", out), PAYREF_BAD_OGM, "BAD_OGM with blanks around");
	is_str(out, "+++090/9337/55494+++", "BAD_OGM text is trimmed");

	/* a plain 12-digit number whose check does not match is just a number */
	is_int(parse("123456789003", out), PAYREF_FREE, "plain 12 digits with a wrong check are free text");
	is_str(out, "123456789003", "free text kept");
	is_int(parse("000000009700", out), PAYREF_FREE, "plain base 97 with check 00 is free text");
	is_int(parse("12345678900", out), PAYREF_FREE, "plain 11 digits are free text");
}

static void test_rf(void)
{
	char out[128];
	static const struct { const char *in, *want, *what; } good[] = {
		{"RF18539007547034", "RF18539007547034", "ISO 11649 example"},
		{"RF18 5390 0754 7034", "RF18539007547034", "example in groups of four"},
		{"rf18539007547034", "RF18539007547034", "lower case"},
		{"Rf18 5390-0754.7034", "RF18539007547034", "mixed case and separators"},
		{"  RF18539007547034  ", "RF18539007547034", "blanks around"},
		{"RF741", "RF741", "one-digit reference"},
		{"RF25A", "RF25A", "one-letter reference"},
		{"RF47ABC123", "RF47ABC123", "letters and digits"},
		{"rf47abc123", "RF47ABC123", "letters in lower case"},
		{"RF10 INV2026001", "RF10INV2026001", "invoice-style reference"},
		{"RF40123456789012345678901", "RF40123456789012345678901", "21-character reference"},
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		is_int(parse(good[i].in, out), PAYREF_RF, "RF: %s", good[i].what);
		is_str(out, good[i].want, "RF stored upper case without blanks: %s", good[i].what);
	}
	static const struct { const char *in, *what; } bad[] = {
		{"RF19539007547034", "check digits 19 instead of 18"},
		{"RF18539007547035", "last reference digit changed"},
		{"RF18 5390 0754 7043", "two digits swapped"},
		{"RF75 1", "wrong check on a one-digit reference"},
		{"RF47ABC124", "letters, wrong check"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		is_int(parse(bad[i].in, out), PAYREF_BAD_RF, "BAD_RF: %s", bad[i].what);
		is_str(out, bad[i].in, "BAD_RF keeps the text as given: %s", bad[i].what);
	}
	is_int(parse("RF18", out), PAYREF_FREE, "RF with check digits and no reference is free text");
	is_int(parse("RF401234567890123456789012", out), PAYREF_FREE, "RF with a 22-character reference is free text");
	is_int(parse("RFAB1234", out), PAYREF_FREE, "RF without check digits is free text");
	is_int(parse("REF123456", out), PAYREF_FREE, "REF... is free text");
	/* a NUL is no letter nor digit: what follows it is checked too (the
	 * empty reference RF04 once passed, found by make fuzz) */
	static const char nul[] = "rf04\0=\xe7\xe7\xe7\xe7\0\0\xcf";
	is_int(payref_parse(nul, sizeof nul - 1, out, 128), PAYREF_BAD_RF, "RF04 then a NUL and bytes is no RF reference");
	static const char nul2[] = "RF18539007547034\0";
	is_int(payref_parse(nul2, sizeof nul2 - 1, out, 128), PAYREF_BAD_RF, "a valid RF reference then a NUL is not valid");
}

static void test_free_and_empty(void)
{
	char out[128];
	is_int(parse("", out), PAYREF_NONE, "empty is NONE");
	is_str(out, "", "empty: out is empty");
	is_int(parse(" \t ", out), PAYREF_NONE, "blanks only is NONE");
	is_str(out, "", "blanks only: out is empty");
	is_int(parse("Invoice 2026-001", out), PAYREF_FREE, "free text");
	is_str(out, "Invoice 2026-001", "free text kept as given");
	is_int(parse("  Facture F-12  ", out), PAYREF_FREE, "free text with blanks around");
	is_str(out, "Facture F-12", "free text trimmed");
	is_int(parse("12/03/2026", out), PAYREF_FREE, "a date is free text");
	static const char long_text[] =
		"Payment for invoices 2026-001, 2026-002, 2026-003 and 2026-004, thank you very much";
	is_int(parse(long_text, out), PAYREF_FREE, "a long text is free text");
	is_str(out, long_text, "a long text is kept whole");
	is_int(payref_parse("+++090/9337/55493+++", 6, out, 128), PAYREF_FREE, "only n bytes are read");
	is_str(out, "+++090", "only n bytes are kept");
}

static void test_make_and_format(void)
{
	char d[13], f[21], out[128];
	payref_ogm_make(909337554ull, d);
	is_str(d, "090933755493", "ogm_make 909337554");
	payref_ogm_make(1234567890ull, d);
	is_str(d, "123456789002", "ogm_make 1234567890");
	payref_ogm_make(0, d);
	is_str(d, "000000000097", "ogm_make 0: check 97");
	payref_ogm_make(97, d);
	is_str(d, "000000009797", "ogm_make 97: check 97");
	payref_ogm_make(194, d);
	is_str(d, "000000019497", "ogm_make 194: check 97");
	payref_ogm_make(9700000000ull, d);
	is_str(d, "970000000097", "ogm_make 9700000000: check 97");
	payref_ogm_make(96, d);
	is_str(d, "000000009696", "ogm_make 96: check 96");
	payref_ogm_make(98, d);
	is_str(d, "000000009801", "ogm_make 98: check 01");
	payref_ogm_make(9999999999ull, d);
	is_str(d, "999999999948", "ogm_make 9999999999");
	payref_ogm_make(12345678901ull, d);
	is_str(d, "234567890169", "ogm_make keeps the last 10 digits of a longer number");

	payref_ogm_format("090933755493", f);
	is_str(f, "+++090/9337/55493+++", "ogm_format 090933755493");
	payref_ogm_format("000000009797", f);
	is_str(f, "+++000/0000/09797+++", "ogm_format 000000009797");

	/* make -> format -> parse gives the same 12 digits back */
	int bad = 0;
	for (unsigned long long b = 0; b < 3000; b++) {
		unsigned long long base = b < 1500 ? b : (b - 1500) * 6666661ull;
		unsigned check = (unsigned)(base % 97) ? (unsigned)(base % 97) : 97;
		char want[13];
		snprintf(want, sizeof want, "%010llu%02u", base % 10000000000ull, check);
		payref_ogm_make(base, d);
		payref_ogm_format(d, f);
		if (strcmp(d, want) != 0 || payref_parse(f, strlen(f), out, sizeof out) != PAYREF_OGM ||
		    strcmp(out, want) != 0)
			bad++;
	}
	is_int(bad, 0, "3000 bases: ogm_make -> ogm_format -> parse round trip");

	char rf[64];
	static const struct { const char *ref, *want; } makes[] = {
		{"539007547034", "RF18539007547034"},
		{"1", "RF741"},
		{"A", "RF25A"},
		{"ABC123", "RF47ABC123"},
		{"abc123", "RF47ABC123"},
		{"INV2026001", "RF10INV2026001"},
		{"123456789012345678901", "RF40123456789012345678901"},
	};
	for (size_t i = 0; i < sizeof makes / sizeof *makes; i++) {
		memset(rf, 'Z', sizeof rf);
		is_int(payref_rf_make(makes[i].ref, rf, sizeof rf), 0, "rf_make \"%s\"", makes[i].ref);
		is_str(rf, makes[i].want, "rf_make \"%s\"", makes[i].ref);
		is_int(payref_parse(rf, strlen(rf), out, sizeof out), PAYREF_RF, "rf_make \"%s\" parses as RF", makes[i].ref);
		is_str(out, makes[i].want, "rf_make \"%s\" parses back to the same text", makes[i].ref);
	}
	is_int(payref_rf_make("", rf, sizeof rf), -1, "rf_make refuses an empty reference");
	is_int(payref_rf_make("1234567890123456789012", rf, sizeof rf), -1, "rf_make refuses 22 characters");
	is_int(payref_rf_make("AB-12", rf, sizeof rf), -1, "rf_make refuses a dash");
	is_int(payref_rf_make("AB 12", rf, sizeof rf), -1, "rf_make refuses a blank");
	is_int(payref_rf_make("\xc3\xa9t\xc3\xa9", rf, sizeof rf), -1, "rf_make refuses non-ASCII letters");

	/* every reference 1..2000: make -> parse is RF and the same text */
	bad = 0;
	for (int i = 1; i <= 2000; i++) {
		char ref[16];
		snprintf(ref, sizeof ref, "INV%d", i);
		if (payref_rf_make(ref, rf, sizeof rf) != 0 ||
		    payref_parse(rf, strlen(rf), out, sizeof out) != PAYREF_RF || strcmp(out, rf) != 0 ||
		    rf[2] < '0' || rf[2] > '9' || strcmp(rf + 4, ref) != 0)
			bad++;
		/* and changing the check digits makes it BAD_RF */
		rf[3] = rf[3] == '9' ? '0' : (char)(rf[3] + 1);
		if (payref_parse(rf, strlen(rf), out, sizeof out) != PAYREF_BAD_RF)
			bad++;
	}
	is_int(bad, 0, "2000 references: rf_make -> parse round trip, a changed check digit is BAD_RF");
}

/* The forms people write (groups of four, RF with slashes) read as the
 * reference; payref_check says what is wrong with the others. */
static void test_written_forms_and_check(void)
{
	char out[128], why[160];
	static const struct { const char *in, *want; enum payref_kind kind; } forms[] = {
		{"0108 0681 7183", "010806817183", PAYREF_OGM},
		{"010/8068/17183", "010806817183", PAYREF_OGM},
		{"+++010/8068/17183+++", "010806817183", PAYREF_OGM},
		{"***010/8068/17183***", "010806817183", PAYREF_OGM},
		{"RF18/5390/0754/7034", "RF18539007547034", PAYREF_RF},
		{"rf18 5390 0754 7034", "RF18539007547034", PAYREF_RF},
	};
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		is_int(parse(forms[i].in, out), forms[i].kind, "parse reads %s", forms[i].in);
		is_str(out, forms[i].want, "stored form of %s", forms[i].in);
		memset(why, 'Z', sizeof why);
		is_int(payref_check(forms[i].in, strlen(forms[i].in), out, sizeof out, why, sizeof why),
		       forms[i].kind, "check: %s is valid", forms[i].in);
		is_str(why, "", "check: nothing wrong with %s", forms[i].in);
	}
	is_int(parse("0108 0681 7184", out), PAYREF_FREE, "groups of four with a wrong check stay free text for imports");
	is_int(parse("010-806-817-183", out), PAYREF_FREE, "digits split by dashes alone are no OGM (a phone number)");

	static const struct { const char *in; enum payref_kind kind; const char *why; } wrong[] = {
		{"+++010/8068/1718+++", PAYREF_BAD_OGM, "too short: 11 digits, 12 expected"},
		{"1", PAYREF_BAD_OGM, "too short: 1 digit, 12 expected"},
		{"+++010/8068/171830+++", PAYREF_BAD_OGM, "too long: 13 digits, 12 expected"},
		{"+++010/80a8/17183+++", PAYREF_BAD_OGM, "character 10 ('a') is not a digit"},
		{"0108\x01" "0681 7183", PAYREF_BAD_OGM, "character 5 ('\\x01') is not a digit"},
		{"123456789003", PAYREF_BAD_OGM, "its check digits are wrong: 03, expected 02"},
		{"+++090/9337/55494+++", PAYREF_BAD_OGM, "its check digits are wrong: 94, expected 93"},
		{"+++000/0000/00000+++", PAYREF_BAD_OGM, "its check digits are wrong: 00, expected 97"},
		{"RF19 5390 0754 7034", PAYREF_BAD_RF, "its check digits are wrong: 19, expected 18"},
		{"rf19/5390/0754/7034", PAYREF_BAD_RF, "its check digits are wrong: 19, expected 18"},
		{"RF18", PAYREF_BAD_RF, "too short: nothing after RF18, 1 to 21 letters and digits expected"},
		{"RF401234567890123456789012", PAYREF_BAD_RF, "too long: 22 characters after RF40, at most 21"},
		{"RF18 53\xc3\xa9" "0", PAYREF_BAD_RF, "character 8 ('\xc3\xa9') is not a letter or a digit"},
		{"RFAB1234", PAYREF_BAD_RF, "RF must be followed by two check digits"},
		{"Invoice 2026-001", PAYREF_FREE, "not a structured communication nor an RF reference"},
	};
	for (size_t i = 0; i < sizeof wrong / sizeof *wrong; i++) {
		is_int(payref_check(wrong[i].in, strlen(wrong[i].in), out, sizeof out, why, sizeof why), wrong[i].kind,
		       "check: kind of %s", wrong[i].in);
		is_str(why, wrong[i].why, "check: what is wrong with %s", wrong[i].in);
	}
}

int main(void)
{
	test_ogm();
	test_rf();
	test_free_and_empty();
	test_make_and_format();
	test_written_forms_and_check();
	return done_testing();
}
