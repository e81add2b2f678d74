# Turn text files into C string literals: one array of strings named by
# the variable "name", one element per file, in the order given.
BEGIN { printf "static const char *const %s[] = {\n", name }
FNR == 1 { if (NR > 1) print "\t,"; printf "\t/* %s */\n", FILENAME }
{
	gsub(/\\/, "\\\\")
	gsub(/"/, "\\\"")
	gsub(/\t/, "\\t")
	printf "\t\"%s\\n\"\n", $0
}
END { print "};" }
