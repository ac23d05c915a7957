using System.CommandLine;

namespace Procurement.Rules.Cli;

/// <summary>
/// The <c>completion</c> command: prints a tab-completion script for a shell. Each script asks the tool itself for
/// suggestions through System.CommandLine's <c>[suggest]</c> directive, so completions always match the installed version.
/// </summary>
internal static class CompletionCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh, fish or pwsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish", "pwsh");
        var command = new Command("completion", "Print a tab-completion script. Bash: source <(procurement-check completion bash). Zsh: add it to ~/.zshrc. Fish: procurement-check completion fish | source. PowerShell: procurement-check completion pwsh | Out-String | Invoke-Expression.") { shell };
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(Script(parse.GetValue(shell)!));
            return ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>The script for a shell.</summary>
    public static string Script(string shell) => shell switch
    {
        "bash" => """
            # procurement-check tab completion for bash
            _procurement_check_complete() {
                local IFS=$'\n'
                local suggestions
                suggestions=$(procurement-check "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
                COMPREPLY=( $(compgen -W "${suggestions}" -- "${COMP_WORDS[COMP_CWORD]}") )
                if [ ${#COMPREPLY[@]} -eq 0 ]; then COMPREPLY=( $(compgen -f -- "${COMP_WORDS[COMP_CWORD]}") ); fi
            }
            complete -o filenames -F _procurement_check_complete procurement-check

            """,
        "zsh" => """
            # procurement-check tab completion for zsh
            _procurement_check_complete() {
                local -a suggestions
                suggestions=("${(@f)$(procurement-check "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)}")
                _describe 'procurement-check' suggestions || _files
            }
            compdef _procurement_check_complete procurement-check

            """,
        "fish" => """
            # procurement-check tab completion for fish
            # No -f (--no-files): the inputs are case files and folders, so fish offers them beside the suggestions.
            complete -c procurement-check -a '(procurement-check "[suggest:"(string length (commandline -cp))"]" (commandline -cp) 2>/dev/null)'

            """,
        _ => """
            # procurement-check tab completion for PowerShell
            Register-ArgumentCompleter -Native -CommandName procurement-check -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                procurement-check "[suggest:$cursorPosition]" "$commandAst" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
