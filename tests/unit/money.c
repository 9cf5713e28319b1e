/* money.c — amounts: every spelling the import accepts, and what it refuses. */
#include "base/lib.h"
#include "tap.h"

static long long parse(const char *s, enum decimal_mark m, enum money_error *e)
{
	int64_t c = -999;
	*e = money_parse(s, strlen(s), m, &c);
	return (long long)c;
}

int main(void)
{
	enum money_error e;
	is_int(parse("1234.56", MARK_UNKNOWN, &e), 123456, "1234.56");
	is_int(parse("1234,56", MARK_UNKNOWN, &e), 123456, "1234,56");
	is_int(parse("1.234,56", MARK_UNKNOWN, &e), 123456, "1.234,56");
	is_int(parse("1,234.56", MARK_UNKNOWN, &e), 123456, "1,234.56");
	is_int(parse("-12,50", MARK_UNKNOWN, &e), -1250, "-12,50");
	is_int(parse("12,50-", MARK_COMMA, &e), -1250, "trailing minus");
	is_int(parse("(7.5)", MARK_POINT, &e), -750, "brackets are negative");
	is_int(parse("€ 1 234,56", MARK_COMMA, &e), 123456, "euro sign and space groups");
	is_int(parse("1234", MARK_UNKNOWN, &e), 123400, "whole number");
	is_int(parse("1.234", MARK_COMMA, &e), 123400, "1.234 with comma decimals is 1234");
	is_int(parse("1,234", MARK_POINT, &e), 123400, "1,234 with point decimals is 1234");
	parse("1.234", MARK_UNKNOWN, &e);
	is_int(e, MONEY_AMBIGUOUS, "1.234 without a known mark is ambiguous");
	parse("12.345", MARK_POINT, &e);
	is_int(e, MONEY_DECIMALS, "three decimals refused");
	is_int(parse("12.500", MARK_POINT, &e), 1250, "three decimals ending in zero accepted");
	parse("12a", MARK_POINT, &e);
	is_int(e, MONEY_SYNTAX, "letters refused");
	parse("1,23,456.00", MARK_POINT, &e);
	is_int(e, MONEY_SYNTAX, "bad grouping refused");
	parse("", MARK_POINT, &e);
	is_int(e, MONEY_EMPTY, "empty");
	parse("99999999999999999999", MARK_POINT, &e);
	is_int(e, MONEY_RANGE, "too large");
	is_int(money_mark_evidence("12,50", 5), MARK_COMMA, "12,50 decides comma");
	is_int(money_mark_evidence("1,234,567", 9), MARK_POINT, "repeated comma groups thousands");
	is_int(money_mark_evidence("1.234", 5), MARK_UNKNOWN, "1.234 decides nothing");
	char buf[32];
	money_format(-5, buf, sizeof buf);
	is_str(buf, "-0.05", "format -5 cents");
	money_format_grouped(123456789, buf, sizeof buf);
	is_str(buf, "1,234,567.89", "grouped");
	money_format_grouped(-100000, buf, sizeof buf);
	is_str(buf, "-1,000.00", "grouped negative");
	return done_testing();
}
