/// The completion scripts `sekom --completions SHELL` prints, written from the command descriptions: the
/// commands, their options, the words an option's value may be, and the files an option or an argument
/// takes, by extension.
enum ShellCompletions {
  enum Shell: String, CaseIterable {
    case bash, zsh, fish
  }

  static func script(for shell: Shell) -> String {
    let commands = CommandDescription.all
    switch shell {
    case .bash: return bash(commands)
    case .zsh: return zsh(commands)
    case .fish: return fish(commands)
    }
  }

  private static func header(_ shell: Shell) -> String {
    "# \(shell.rawValue) completion for sekom; made by 'sekom --completions \(shell.rawValue)' from its "
      + "command table.\n"
  }

  private static func commandNames(_ commands: [CommandDescription]) -> String {
    commands.compactMap(\.name).joined(separator: " ")
  }

  // MARK: bash

  private static func bash(_ commands: [CommandDescription]) -> String {
    var text = header(.bash)
    text += """
      # Adds to COMPREPLY the directories, and the files with one of the extensions given, that start with $cur.
      _sekom_files() {
        local IFS=$'\\n' extension
        COMPREPLY+=($(compgen -d -- "$cur"))
        for extension in "$@"; do
          COMPREPLY+=($(compgen -f -X "!*.$extension" -- "$cur"))
        done
      }

      _sekom() {
        local cur=${COMP_WORDS[COMP_CWORD]} prev= command=
        COMPREPLY=()
        if ((COMP_CWORD > 0)); then prev=${COMP_WORDS[COMP_CWORD - 1]}; fi
        # bash splits --option=value at the '=' into words of their own.
        if [[ $cur == = ]]; then
          cur=
        elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
          prev=${COMP_WORDS[COMP_CWORD - 2]}
        fi
        # A command is the first word after sekom, or there is none.
        if ((COMP_CWORD > 1)); then
          case ${COMP_WORDS[1]} in
          \(commandNames(commands).replacing(" ", with: "|"))) command=${COMP_WORDS[1]} ;;
          esac
        fi
        case $command in

      """
    for command in commands.dropFirst() + commands.prefix(1) {
      text += "  \(command.name ?? "\"\""))\n"
      text += "    case $prev in\n"
      for option in command.options where option.valueName != nil {
        text += "    \(option.names.joined(separator: "|")))\n      "
        if !option.words.isEmpty {
          text += "COMPREPLY=($(compgen -W \"\(option.words.joined(separator: " "))\" -- \"$cur\"))"
        } else if !option.fileExtensions.isEmpty {
          text += "_sekom_files \(option.fileExtensions.joined(separator: " "))"
        } else {
          text += "# Any text: nothing to offer."
        }
        text += "\n      return 0\n      ;;\n"
      }
      text += "    esac\n"
      let names = command.options.flatMap(\.names).joined(separator: " ")
      text += "    if [[ $cur == -* ]]; then\n"
      text += "      COMPREPLY=($(compgen -W \"\(names)\" -- \"$cur\"))\n"
      text += "      return 0\n    fi\n"
      if command.name == nil {
        text += "    if ((COMP_CWORD == 1)); then\n"
        text += "      COMPREPLY=($(compgen -W \"\(commandNames(commands))\" -- \"$cur\"))\n"
        text += "    fi\n"
      }
      if !command.argumentWords.isEmpty {
        text +=
          "    COMPREPLY+=($(compgen -W \"\(command.argumentWords.joined(separator: " "))\" -- \"$cur\"))\n"
      }
      if !command.argumentExtensions.isEmpty {
        text += "    _sekom_files \(command.argumentExtensions.joined(separator: " "))\n"
      }
      text += "    ;;\n"
    }
    text += """
        esac
        return 0
      }

      complete -o filenames -F _sekom sekom

      """
    return text
  }

  // MARK: zsh

  private static func zsh(_ commands: [CommandDescription]) -> String {
    var text = "#compdef sekom\n" + header(.zsh)
    text += "_sekom() {\n  case $words[2] in\n"
    for command in commands.dropFirst() + commands.prefix(1) {
      if let name = command.name {
        text += "  \(name))\n    shift words\n    (( CURRENT-- ))\n"
      } else {
        text += "  *)\n    if (( CURRENT == 2 )) && [[ $PREFIX != -* ]]; then\n"
        // ((word\:description …)): each item is read as a shell word, so its description is in double quotes.
        let described = commands.compactMap { command in
          command.name.map { name in
            let description = command.abstract.map { "\"\\$`".contains($0) ? "\\\($0)" : "\($0)" }.joined()
            return "\(name)\\:\"\(description)\""
          }
        }
        text += "      _alternative " + zshQuoted("commands:command:((\(described.joined(separator: " "))))")
        text += " " + zshQuoted("scripts:script file:" + zshFiles(command.argumentExtensions)) + "\n"
        text += "      return\n    fi\n"
      }
      text += "    _arguments -S"
      for option in command.options {
        for name in option.names {
          var spec = (option.repeatable ? "*" : "") + name
          if option.valueName != nil { spec += name.hasPrefix("--") ? "=" : "+" }
          spec += "[" + zshDescription(option.help) + "]"
          if let valueName = option.valueName {
            spec += ":" + valueName + ":"
            if !option.words.isEmpty {
              spec += "(" + option.words.joined(separator: " ") + ")"
            } else if !option.fileExtensions.isEmpty {
              spec += zshFiles(option.fileExtensions)
            } else {
              spec += " "
            }
          }
          text += " \\\n      " + zshQuoted(spec)
        }
      }
      var argumentActions: [String] = []
      if !command.argumentWords.isEmpty {
        argumentActions.append("compadd " + command.argumentWords.joined(separator: " "))
      }
      if !command.argumentExtensions.isEmpty { argumentActions.append(zshFiles(command.argumentExtensions)) }
      if !argumentActions.isEmpty {
        text += " \\\n      " + zshQuoted("*:argument:{" + argumentActions.joined(separator: "; ") + "}")
      }
      text += "\n    ;;\n"
    }
    text += """
        esac
      }

      if [[ $funcstack[1] == _sekom ]]; then
        _sekom "$@"
      else
        compdef _sekom sekom
      fi

      """
    return text
  }

  private static func zshFiles(_ extensions: [String]) -> String {
    let pattern = extensions.count == 1 ? extensions[0] : "(" + extensions.joined(separator: "|") + ")"
    return "_files -g \"*.\(pattern)(-.)\""
  }

  /// A help text as an `_arguments` description: its brackets and colons escaped.
  private static func zshDescription(_ help: String) -> String {
    var result = ""
    for character in help {
      if "[]:\\".contains(character) { result += "\\" }
      result.append(character)
    }
    return result
  }

  private static func zshQuoted(_ text: String) -> String {
    "'" + text.replacing("'", with: "'\\''") + "'"
  }

  // MARK: fish

  private static func fish(_ commands: [CommandDescription]) -> String {
    var text = header(.fish)
    let names = commandNames(commands)
    // __fish_complete_suffix only puts the files with the suffix first; these are the only ones offered.
    text += """
      function __fish_sekom_files --description 'Directories, and the files with one of the extensions given'
          for file in (commandline -ct)*
              if test -d $file
                  echo $file/
              else if string match -q -r -- '\\.('(string join '|' $argv)')$' $file
                  echo $file
              end
          end
      end
      complete -c sekom -f

      """
    for command in commands {
      let condition =
        command.name.map { "__fish_seen_subcommand_from \($0)" }
        ?? "not __fish_seen_subcommand_from \(names)"
      if let name = command.name {
        text += "complete -c sekom -n __fish_use_subcommand -a \(name) -d \(fishQuoted(command.abstract))\n"
      }
      for option in command.options {
        text += "complete -c sekom -n \(fishQuoted(condition))"
        for name in option.names {
          text += name.hasPrefix("--") ? " -l \(name.dropFirst(2))" : " -s \(name.dropFirst())"
        }
        if option.valueName != nil {
          text += " -x"
          if !option.words.isEmpty {
            text += " -a " + fishQuoted(option.words.joined(separator: " "))
          } else if !option.fileExtensions.isEmpty {
            text += " -a " + fishQuoted(fishFiles(option.fileExtensions))
          }
        }
        text += " -d " + fishQuoted(option.help) + "\n"
      }
      var arguments = command.argumentWords
      if !command.argumentExtensions.isEmpty { arguments.append(fishFiles(command.argumentExtensions)) }
      if !arguments.isEmpty {
        text +=
          "complete -c sekom -n \(fishQuoted(condition)) -a \(fishQuoted(arguments.joined(separator: " ")))\n"
      }
    }
    return text
  }

  private static func fishFiles(_ extensions: [String]) -> String {
    "(__fish_sekom_files " + extensions.joined(separator: " ") + ")"
  }

  private static func fishQuoted(_ text: String) -> String {
    "'" + text.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
  }
}
