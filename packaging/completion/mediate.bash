# bash completion for mediate                              -*- shell-script -*-
#
# Installed as /usr/share/bash-completion/completions/mediate (bash-completion
# loads it the first time `mediate` is completed); or `source` this file.
# What to offer is decided by the program itself: `mediate __complete --
# WORD…` gets the words after `mediate` up to the cursor and prints one
# candidate per line (a tab and a description may follow, which bash does not
# show), or `:files` / `:directories` when a path is wanted.

_mediate() {
    local line=${COMP_LINE:0:COMP_POINT}
    local -a words
    # The words as the user typed them: bash's own COMP_WORDS splits at ':'
    # and '=', which filter terms (category:neighbour) and --opt=value contain.
    read -r -a words <<<"$line"
    [[ $line =~ [[:space:]]$ || ${#words[@]} -eq 0 ]] && words+=("")
    local cur=${words[${#words[@]}-1]}
    local program=${words[0]}
    [[ $program == "~/"* ]] && program=$HOME/${program#"~/"}

    local out
    out=$("$program" __complete -- "${words[@]:1}" 2>/dev/null) || return 0
    COMPREPLY=()
    case $out in
        :files)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return 0 ;;
        :directories)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            return 0 ;;
    esac
    # bash replaces only the part of the word after its last break character
    # (':' or '=' in COMP_WORDBREAKS): offer the candidates from there on.
    local head=""
    [[ $cur == *[:=]* ]] && head=${cur%"${cur##*[:=]}"}
    local candidate
    while IFS= read -r candidate; do
        candidate=${candidate%%$'\t'*}
        [[ -n $candidate ]] && COMPREPLY+=("${candidate#"$head"}")
    done <<<"$out"
    # A field name ends in ':' and wants its value next: no space after it.
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *: ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}
complete -F _mediate mediate
