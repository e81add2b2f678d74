# The completion function (appended by gen.awk).

# Values that live in the database: Party codes, budget lines, report
# kinds; nothing when the database cannot be read.
_seci_dynamic() {
	case $2 in
	--party) seci-contrib -o csv --no-header party list 2>/dev/null |
	    cut -d, -f1 ;;
	--line|--from|--to) seci-budget -o csv --no-header show 2>/dev/null |
	    cut -d, -f2 ;;
	--report) seci-report schedule add --help 2>/dev/null |
	    awk '/--report=/ { on = 1; sub(/.*report: /, ""); print; next }
		on && /^          / { print; next } { on = 0 }' |
	    tr ', ' '\n\n' | grep -v '^$' ;;
	esac
}

_seci() {
	local tool=${1##*/} cur=${COMP_WORDS[COMP_CWORD]} opt= i w cmd=
	local -a words=()
	local all=" ${_seci_glob[$tool]} "
	COMPREPLY=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		=) ((i++)); continue ;;
		-d|-c|-o|-y) ((i++)); continue ;;
		-*)
			[[ ${COMP_WORDS[i+1]} == = ]] && continue
			[[ "$all ${_seci_opts[$tool:$cmd]} " == *" $w= "* ]] &&
			    ((i++))
			continue ;;
		esac
		words+=("$w")
		# The longest command the first one or two words make.
		if [[ ${#words[@]} -le 2 &&
		    "|${_seci_cmds[$tool]}|" == *"|${words[*]}|"* ]]; then
			cmd="${words[*]}"
		fi
	done
	# The value of an option: "--opt VALUE", "--opt=VALUE", "-o VALUE".
	if [[ $cur == = ]]; then
		opt=${COMP_WORDS[COMP_CWORD-1]}; cur=
	elif [[ ${COMP_WORDS[COMP_CWORD-1]} == = ]]; then
		opt=${COMP_WORDS[COMP_CWORD-2]}
	elif [[ $COMP_CWORD -gt 1 ]]; then
		w=${COMP_WORDS[COMP_CWORD-1]}
		case $w in
		-d|-c|-o|-y) opt=$w ;;
		--*) [[ "$all ${_seci_opts[$tool:$cmd]} " == *" $w= "* ]] &&
		    opt=$w ;;
		esac
	fi
	if [[ -n $opt ]]; then
		case $opt in
		-o|--format)
			w=${_seci_fmts[$tool:$cmd]:-table csv tsv json} ;;
		-d|--db|-c|--config)
			COMPREPLY=($(compgen -f -- "$cur")); return ;;
		*)
			w=${_seci_vals[$tool:$cmd:$opt]}
			[[ -z $w ]] && w=$(_seci_dynamic "$tool" "$opt") ;;
		esac
		COMPREPLY=($(compgen -W "$w" -- "$cur"))
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "${_seci_glob[$tool]} \
		    ${_seci_opts[$tool:$cmd]}" -- "$cur"))
		[[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
		return
	fi
	if [[ -z $cmd ]]; then
		# The next word of a command that starts with the words so far.
		local c list= IFS='|'
		for c in ${_seci_cmds[$tool]}; do
			IFS=' '
			local -a cw=($c)
			if [[ ${#words[@]} -lt ${#cw[@]} &&
			    "${cw[*]:0:${#words[@]}}" == "${words[*]}" &&
			    " $list " != *" ${cw[${#words[@]}]} "* ]]; then
				list="$list ${cw[${#words[@]}]}"
			fi
			IFS='|'
		done
		unset IFS
		COMPREPLY=($(compgen -W "$list" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}
