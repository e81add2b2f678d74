# tests/man-examples.sh - run the EXAMPLES of a man page as a test.
# Source it after tests/lib.sh, then: man_examples PAGE
#
# In the page's EXAMPLES, each literal block (.Bd -literal ... .Ed) is
# either a script (its first line starts with #!), saved under the name
# the text before it gives with .Pa and put on PATH, or a session: lines
# starting with "$ " are commands (continued by a trailing \e or |), the
# lines after each command its expected output (stdout and stderr).
# Paths under /srv/seci/ are moved into the test folder.
man_examples() {
	mkdir -p "$T/bin"
	awk -v T="$T" '
	function flush_cmd() {
		if (cmd == "") return
		n++
		printf "printf %%s %s >\"$T/ex.cmd\"\n", q(cmd)
		printf "eval \"$(cat \"$T/ex.cmd\")\" >\"$T/out\" 2>&1 && status=0 || status=$?\n"
		printf "printf %%s %s >\"$T/want\"\n", q(expect)
		printf "ex_check %s\n", q(cmd)
		cmd = ""; expect = ""
	}
	function q(s) { gsub(/\047/, "\047\\\047\047", s); return "\047" s "\047" }
	/^\.Sh EXAMPLES/ { on = 1; next }
	/^\.Sh / { on = 0 }
	!on { next }
	/^\.Pa / { name = $2; next }
	/^\.Bd -literal/ { inblock = 1; first = 1; script = ""; next }
	/^\.Ed/ {
		if (script != "") {
			printf "printf %%s %s >\"$T/bin/%s\"\nchmod +x \"$T/bin/%s\"\n", q(script), name, name
		}
		flush_cmd(); inblock = 0; cont = 0; next
	}
	!inblock { next }
	{
		line = $0
		gsub(/\\e/, "\\", line)
		gsub(/\\&/, "", line)
		gsub(/\/srv\/seci\//, T "/", line)
		if (first && line ~ /^#!/) { isscript = 1 }
		if (first) { first = 0; if (line !~ /^#!/) isscript = 0 }
		if (isscript) { script = script line "\n"; next }
		if (cont) {
			cmd = cmd "\n" line
			cont = (line ~ /\\$/ || line ~ /\|$/)
			next
		}
		if (line ~ /^\$ /) {
			flush_cmd()
			cmd = substr(line, 3)
			cont = (line ~ /\\$/ || line ~ /\|$/)
			next
		}
		if (cmd != "") expect = expect line "\n"
	}
	END { flush_cmd() }
	' "$1" >"$T/examples.sh"
	PATH="$T/bin:$PATH"
	. "$T/examples.sh"
}

ex_check() {
	if [ "$status" -eq 0 ] && { [ ! -s "$T/want" ] ||
	    cmp -s "$T/want" "$T/out"; }; then
		tap_result 0 "example: $(echo "$1" | head -1)"
	else
		echo "#   exit status $status"
		diff -u "$T/want" "$T/out" | sed 's/^/#   /' | head -20
		tap_result 1 "example: $(echo "$1" | head -1)"
	fi
}
