#!/bin/sh
# The EXAMPLES of seci-admin(1), run as written (mail(1) replaced by a
# stand-in that keeps what it is given).
. "${top_srcdir:-..}/tests/lib.sh"
. "$top_srcdir/tests/man-examples.sh"

mkdir -p "$T/bin"
printf '#!/bin/sh\ncat >>"%s/mailed"\n' "$T" >"$T/bin/mail"
chmod +x "$T/bin/mail"
man_examples "$top_srcdir/man/seci-admin.1"
ok "the seal was mailed" grep -Eq '^[0-9]+,[0-9a-f]{64}$' "$T/mailed"
test_done
