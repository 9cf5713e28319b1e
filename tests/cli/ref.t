#!/bin/sh
# ref.t — structured payment references from the command line: the
# Belgian structured communication of a number (check = number mod 97, 97
# when that is 0), the ISO 11649 RF reference of a base, and checking any
# usual spelling of either (exit 0 valid, 1 not; 2 for bad usage).
. "$(dirname "$0")/../lib/tap.sh"

is "$("$R" ref ogm 909337554)" "+++090/9337/55493+++" "ref ogm: the number, padded to 10 digits, and its check"
is "$("$R" ref ogm 0)" "+++000/0000/00097+++" "mod 97 of 0 is written 97"
is "$("$R" ref ogm 97)" "+++000/0000/09797+++" "so is that of 97"
is "$("$R" ref ogm 9999999999)" "+++999/9999/99948+++" "the largest number (9999999999 mod 97 = 48)"
out=$("$R" ref ogm 12345678901 2>&1)
is "$?" 2 "11 digits: a usage error"
like "$out" "ref ogm: 12345678901: give a number of 1 to 10 digits" "that says so"
fails "letters are not a number" "$R" ref ogm 12a

is "$("$R" ref rf 539007547034)" "RF18539007547034" "ref rf: the ISO 11649 example"
is "$("$R" ref rf abc)" "$("$R" ref rf ABC)" "letters in any case"
fails "more than 21 characters" "$R" ref rf 1234567890123456789012
fails "characters other than letters and digits" "$R" ref rf "AB-12"

for r in "+++090/9337/55493+++" "***090/9337/55493***" "090/9337/55493" "090933755493"; do
	out=$("$R" ref check "$r")
	is "$?" 0 "ref check $r: valid"
	is "$out" "valid structured communication +++090/9337/55493+++" "shown in the +++ form"
done
out=$("$R" ref check "RF18 5390 0754 7034")
is "$?" 0 "an RF reference in groups of four: valid"
is "$out" "valid RF creditor reference RF18539007547034" "shown in its electronic form"
out=$("$R" ref check "+++090/9337/55494+++")
is "$?" 1 "a wrong OGM check digit: exit 1"
is "$out" "invalid structured communication: its check digits are wrong: 94, expected 93" "and says why, with the right check digits"
out=$("$R" ref check "RF19 5390 0754 7034")
is "$?" 1 "a wrong RF check digit: exit 1"
is "$out" "invalid RF creditor reference: its check digits are wrong: 19, expected 18" "and says why, with the right check digits"
# the forms people write: groups of four, slashes or marks, RF with slashes
for r in "0108 0681 7183" "010/8068/17183" "+++010/8068/17183+++" "***010/8068/17183***" "+++ 010 / 8068 / 17183 +++"; do
	out=$("$R" ref check "$r")
	is "$?" 0 "ref check '$r': valid"
	is "$out" "valid structured communication +++010/8068/17183+++" "'$r' shown in the +++ form"
done
for r in "RF18/5390/0754/7034" "rf18 5390 0754 7034" "RF18-5390-0754-7034"; do
	out=$("$R" ref check "$r")
	is "$?" 0 "ref check '$r': valid"
	is "$out" "valid RF creditor reference RF18539007547034" "'$r' shown in its electronic form"
done
# what is wrong, precisely: exit 1 and one line saying it
check_says() { # reference expected-line name
	out=$("$R" ref check "$1")
	rc=$?
	is "$rc:$out" "1:$2" "$3"
}
check_says "+++010/8068/1718+++" "invalid structured communication: too short: 11 digits, 12 expected" \
	"an OGM one digit short is too short, not a check digit error"
check_says "0108 0681 718" "invalid structured communication: too short: 11 digits, 12 expected" \
	"so it is in groups of four"
check_says "+++010/8068/171830+++" "invalid structured communication: too long: 13 digits, 12 expected" \
	"a digit too many is too long"
check_says "+++010/80a8/17183+++" "invalid structured communication: character 10 ('a') is not a digit" \
	"a letter among the digits: its position"
check_says "123456789003" "invalid structured communication: its check digits are wrong: 03, expected 02" \
	"12 plain digits with a wrong check: an OGM whose check is wrong, not free text"
check_says "0108 0681 7184" "invalid structured communication: its check digits are wrong: 84, expected 83" \
	"in groups of four with a wrong check"
check_says "RF18" "invalid RF creditor reference: too short: nothing after RF18, 1 to 21 letters and digits expected" \
	"RF with nothing after its check digits"
check_says "RF18 1234 5678 9012 3456 7890 12" "invalid RF creditor reference: too long: 22 characters after RF18, at most 21" \
	"RF with 22 characters"
check_says "RF18 5390_0754" "invalid RF creditor reference: character 10 ('_') is not a letter or a digit" \
	"RF with a character that is neither letter nor digit"
check_says "RFAB 1234" "invalid RF creditor reference: RF must be followed by two check digits" \
	"RF without check digits"
check_says "rf19/5390/0754/7034" "invalid RF creditor reference: its check digits are wrong: 19, expected 18" \
	"RF with slashes and a wrong check"
out=$("$R" ref check "invoice 42")
is "$?" 1 "free text: exit 1"
is "$out" "not a structured reference" "not a structured reference"
# what ref makes, ref check accepts
for n in 1 42 123456 9876543210; do
	ok "ref check accepts what ref ogm makes for $n" "$R" ref check "$("$R" ref ogm "$n")"
done
ok "and what ref rf makes" "$R" ref check "$("$R" ref rf INV2026X42)"
"$R" ref 2>/dev/null
is "$?" 2 "ref without arguments: usage, exit 2"
if [ -w /dev/full ] && [ -c /dev/full ]; then
	out=$("$R" ref ogm 42 2>&1 >/dev/full)
	is "$?" 1 "output that cannot be written: exit 1"
	like "$out" "ref: cannot write standard output" "and says so"
fi
done_testing
