#!/bin/sh
# dunning_email_pdf.t — `set email-pdf = yes`: the e-mail a fake sendmail
# receives is multipart/mixed, its text part and its PDF attachment read
# back with perl's core MIME decoders (the parts split at the boundary the
# header names), the PDF's text read with pdftotext.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"

B="$T/book.db"
dunning_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config
echo 'set email-pdf = yes' >> "$HOME/.config/relance/relancerc"

"$R" -d "$B" dunning run --account C1 >"$T/out" 2>"$T/err"
is "$?" 0 "dunning run --account C1 sends"
sed 's/^/# /' "$T/err" # what it said, if anything (a failure's reason)
is "$(ls "$T/mail" | wc -l)" 1 "one e-mail"
eml="$T/mail/1.eml"
parsed=$(T="$T" perl -MMIME::Base64 -MMIME::QuotedPrint -e '
	local $/; my $m = <STDIN>;
	print "crlf=", ($m =~ /(^|[^\r])\n/ ? "no" : "yes"), "\n";
	my ($h, $b) = split /\r\n\r\n/, $m, 2;
	$h =~ s/\r\n[ \t]+/ /g;
	my %h = map { /^([^:]+):\s*(.*)$/ ? (lc $1, $2) : () } split /\r\n/, $h;
	print "type=", $h{"content-type"}, "\n";
	my ($bd) = $h{"content-type"} =~ /boundary="?([^";]+)"?/;
	my @parts = split /\r\n--\Q$bd\E(?:--)?\r\n/, "\r\n" . $b;
	shift @parts;
	print "parts=", scalar @parts, "\n";
	for my $p (@parts) {
		my ($ph, $pb) = split /\r\n\r\n/, $p, 2;
		$ph =~ s/\r\n[ \t]+/ /g;
		my %ph = map { /^([^:]+):\s*(.*)$/ ? (lc $1, $2) : () } split /\r\n/, $ph;
		my $cte = lc($ph{"content-transfer-encoding"} // "");
		if (($ph{"content-disposition"} // "") =~ /^attachment/) {
			print "att-type=", $ph{"content-type"}, "\n";
			print "att-disposition=", $ph{"content-disposition"}, "\n";
			print "att-encoding=$cte\n";
			open my $f, ">", "$ENV{T}/att.pdf" or die; binmode $f;
			print $f decode_base64($pb); close $f;
		} else {
			print "text-type=", $ph{"content-type"}, "\n";
			print "text=", ($cte eq "quoted-printable" ? decode_qp($pb) : $pb), "\n";
		}
	}' < "$eml")
like "$parsed" "crlf=yes" "every line ends with CRLF"
like "$parsed" "type=multipart/mixed; boundary=" "multipart/mixed with its boundary"
like "$parsed" "parts=2" "two parts: the text and the letter"
like "$parsed" "text-type=text/plain; charset=UTF-8" "a UTF-8 text part"
like "$parsed" "C-10" "which names the invoice (only the text part holds it)"
like "$parsed" "att-type=application/pdf; name=\"?C1.pdf\"?" "the attachment is a PDF, named for the account"
like "$parsed" "att-disposition=attachment; filename=\"?C1.pdf\"?" "as an attachment, with its file name"
like "$parsed" "att-encoding=base64" "in base64"
ok "the attachment decodes to the letter written in letters-dir" cmp -s "$T/att.pdf" "$(ls "$T/letters/"C1-*.pdf)"
like "$(pdftotext "$T/att.pdf" - 2>/dev/null | tr '\n' ' ')" "C-10" "the letter's text names the invoice"

done_testing
