function __byline_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __byline_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __byline_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __byline_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __byline_parse_tokens -S
    set -l unparsed_tokens (__byline_tokens -pc)
    switch $unparsed_tokens[1]
    case 'byline'
        __byline_parse_subcommand -r 1 'recursive' 'ascii' 'theme=' 'color=' 'no-watch' 'sort=' 'from-top' 'no-mouse' 'no-clipboard' 'list-keys' 'list-actions' 'state=' 'no-state' 'list-themes' 'h/help'
        switch $unparsed_tokens[1]
        case 'read'
            __byline_parse_subcommand -r 1 'recursive' 'ascii' 'theme=' 'color=' 'no-watch' 'sort=' 'from-top' 'no-mouse' 'no-clipboard' 'list-keys' 'list-actions' 'state=' 'no-state' 'list-themes' 'h/help'
        case 'inspect'
            __byline_parse_subcommand -r 1 'json' 'recursive' 'h/help'
        case 'help'
            __byline_parse_subcommand -r 1 
        end
    end
end

function __byline_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __byline_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __byline_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __byline_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__byline_tokens -p)
    if test -z "$(__byline_tokens -t)"
        set -l index (count (__byline_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'byline' -f
complete -c 'byline' -n '__byline_should_offer_completions_for_positional "byline" -ge 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'txt\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" recursive' -l 'recursive' -d 'Also read .txt files in subfolders.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" ascii' -l 'ascii' -d 'Draw with ASCII only (automatic when the locale is not UTF-8).'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" theme' -l 'theme' -d 'Theme name or path to a .toml theme.' -rfka '(__byline_custom_completion ---completion -- --theme (count (__byline_tokens -pc)) (__byline_tokens -tC))'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" color' -l 'color' -d 'Use colour: auto, always or never (NO_COLOR is honoured with auto).' -rfka 'auto always never'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" no-watch' -l 'no-watch' -d 'Do not follow the folder for new, changed and deleted articles while reading.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" sort' -l 'sort' -d 'The list\'s order: name (natural), newest or longest (o cycles them in the reader).' -rfka 'name newest longest'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" from-top' -l 'from-top' -d 'Open at the top of the list, not on the article you last had selected.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" no-mouse' -l 'no-mouse' -d 'Do not ask the terminal for mouse reports (clicks and the wheel).'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" no-clipboard' -l 'no-clipboard' -d 'Do not let y and Y copy through the terminal (OSC 52).'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" list-keys' -l 'list-keys' -d 'List the keys (with the config\'s [keys] applied) and exit.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" list-actions' -l 'list-actions' -d 'List the actions a key can be bound to in [keys] and exit.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" state' -l 'state' -d 'Keep read marks and positions in this SQLite file (or in state.sqlite3 inside this folder).' -rfka ''
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" no-state' -l 'no-state' -d 'Read and save no state at all.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" list-themes' -l 'list-themes' -d 'List the themes and exit.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'byline' -n '__byline_should_offer_completions_for_positional "byline" -eq 2' -fa 'read' -d 'Open the reader (what byline does with no subcommand).'
complete -c 'byline' -n '__byline_should_offer_completions_for_positional "byline" -eq 2' -fa 'inspect' -d 'Print what Byline reads from article files.'
complete -c 'byline' -n '__byline_should_offer_completions_for_positional "byline" -eq 2' -fa 'help' -d 'Show subcommand help information.'
complete -c 'byline' -n '__byline_should_offer_completions_for_positional "byline read" -ge 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'txt\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" recursive' -l 'recursive' -d 'Also read .txt files in subfolders.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" ascii' -l 'ascii' -d 'Draw with ASCII only (automatic when the locale is not UTF-8).'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" theme' -l 'theme' -d 'Theme name or path to a .toml theme.' -rfka '(__byline_custom_completion ---completion read -- --theme (count (__byline_tokens -pc)) (__byline_tokens -tC))'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" color' -l 'color' -d 'Use colour: auto, always or never (NO_COLOR is honoured with auto).' -rfka 'auto always never'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" no-watch' -l 'no-watch' -d 'Do not follow the folder for new, changed and deleted articles while reading.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" sort' -l 'sort' -d 'The list\'s order: name (natural), newest or longest (o cycles them in the reader).' -rfka 'name newest longest'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" from-top' -l 'from-top' -d 'Open at the top of the list, not on the article you last had selected.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" no-mouse' -l 'no-mouse' -d 'Do not ask the terminal for mouse reports (clicks and the wheel).'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" no-clipboard' -l 'no-clipboard' -d 'Do not let y and Y copy through the terminal (OSC 52).'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" list-keys' -l 'list-keys' -d 'List the keys (with the config\'s [keys] applied) and exit.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" list-actions' -l 'list-actions' -d 'List the actions a key can be bound to in [keys] and exit.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" state' -l 'state' -d 'Keep read marks and positions in this SQLite file (or in state.sqlite3 inside this folder).' -rfka ''
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" no-state' -l 'no-state' -d 'Read and save no state at all.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" list-themes' -l 'list-themes' -d 'List the themes and exit.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline read" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline inspect" json' -l 'json' -d 'Print one JSON object per file, one per line.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline inspect" recursive' -l 'recursive' -d 'Also read the subfolders of folders.'
complete -c 'byline' -n '__byline_should_offer_completions_for_flags_or_options "byline inspect" h help' -s 'h' -l 'help' -d 'Show help information.'
