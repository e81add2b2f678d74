# gen.awk - the bash completion of seci's tools, from their command
# tables: the output of `TOOL --completion-spec` for each tool, each line
# prefixed with the tool's name and a tab.  Run by make; see Makefile.am.
BEGIN { FS = "\t" }
function q(s) { gsub(/'/, "'\\''", s); return "'" s "'" }
{
	tool = $1
	if (!(tool in seen)) { seen[tool] = 1; tools = tools " " tool }
	if ($2 == "G") {
		s = ""
		for (i = 3; i <= NF; i++) s = s (s ? " " : "") $i
		glob[tool] = s
	} else if ($2 == "C") {
		cmds[tool] = cmds[tool] (cmds[tool] ? "|" : "") $3
		s = ""
		for (i = 4; i <= NF; i++) s = s (s ? " " : "") $i
		opts[tool ":" $3] = s
	} else if ($2 == "F") {
		f = $4; gsub(/,/, " ", f)
		fmts[tool ":" $3] = f
	} else if ($2 == "V") {
		s = ""
		for (i = 5; i <= NF; i++) s = s (s ? " " : "") $i
		vals[tool ":" $3 ":" $4] = s
	}
}
END {
	print "# bash completion for seci's tools; generated from their command"
	print "# tables by share/completion/gen.awk: do not edit."
	print "declare -gA _seci_glob _seci_cmds _seci_opts _seci_fmts _seci_vals"
	n = split(tools, T, " ")
	for (t = 1; t <= n; t++) {
		print "_seci_glob[" T[t] "]=" q(glob[T[t]])
		print "_seci_cmds[" T[t] "]=" q(cmds[T[t]])
	}
	for (k in opts) print "_seci_opts[" q(k) "]=" q(opts[k])
	for (k in fmts) print "_seci_fmts[" q(k) "]=" q(fmts[k])
	for (k in vals) print "_seci_vals[" q(k) "]=" q(vals[k])
	while ((getline line < FUNCS) > 0) print line
	print "complete -F _seci" tools
}
