using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Procurement.Model;
using Procurement.Rules.Cli.Output;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli;

/// <summary>The <c>check</c> command's options and its run: inputs in, reports streamed out, the gate decides the exit code.</summary>
internal sealed class CheckCommand
{
    private readonly CliHost _host;
    private readonly TextWriter _stderr;
    private readonly PackOptions _pack;
    private readonly bool _doubleDash;

    private readonly Argument<string[]> _inputs = new("inputs")
    {
        Description = "Procurement files (.yaml, .yml, .json), folders (searched recursively), quoted globs such as 'cases/**/*.yaml', or - for standard input.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "How to write the reports: text, markdown, json (one run object), jsonl (one report per line), sarif (SARIF 2.1.0), junit (JUnit XML) or csv.",
        DefaultValueFactory = _ => "text",
        HelpName = "FORMAT",
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Write the reports to FILE instead of standard output.",
        HelpName = "FILE",
    };

    private readonly Option<string> _inputFormat = new("--input-format")
    {
        Description = "How to read standard input (-): yaml, json, or auto (JSON when it starts with '{').",
        DefaultValueFactory = _ => "auto",
    };

    private readonly Option<string> _by = new("--by")
    {
        Description = "CSV rows: one per case and rule (rule) or per case and principle (principle).",
        DefaultValueFactory = _ => "rule",
    };

    private readonly Option<string> _failOn = new("--fail-on")
    {
        Description = "What makes the run exit 1: breach (default), undetermined (breaches, undetermined rules and cases outside the pack's period), or failed (only rules that could not be evaluated, which exit 3; breaches are reported but pass).",
        DefaultValueFactory = _ => "breach",
    };

    private readonly Option<string> _minSeverity = new("--min-severity")
    {
        Description = "Outcomes of rules below this severity (minor, major, critical) are reported but never trip the gate.",
        DefaultValueFactory = _ => "minor",
    };

    private readonly Option<string?> _waivers = new("--waivers")
    {
        Description = "A YAML waiver file: accepted breaches, each with a rule or principle, a case id or path glob, reason, approver, date and expiry.",
        HelpName = "FILE",
    };

    private readonly Option<bool> _includeUndetermined = new("--include-undetermined")
    {
        Description = "SARIF: also report undetermined rules, at level note.",
    };

    private readonly Option<bool> _keepGoing = new("--keep-going", "-k")
    {
        Description = "Check every input that can be read and report the others (exit 2) instead of stopping at the first bad one.",
    };

    private readonly Option<bool> _checkOutsidePeriod = new("--check-outside-period")
    {
        Description = "Apply the rules even to a procurement decided outside the period the rule pack covers.",
    };

    private readonly Option<int> _jobs = new("--jobs", "-j")
    {
        Description = "How many threads check at once (default: every core). Reports always come out in input order.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    private readonly Option<bool> _noColor = new("--no-color")
    {
        Description = "No colour, even on a terminal (colour is also off when output is redirected or NO_COLOR is set).",
    };

    private readonly Option<bool> _listRules = new("--list-rules")
    {
        Description = "The same as 'rules list' (kept for scripts written for earlier versions).",
    };

    /// <summary>Creates the command's options.</summary>
    public CheckCommand(CliHost host, TextWriter stderr, PackOptions pack, bool hideListRules, bool doubleDash)
    {
        _doubleDash = doubleDash;
        _host = host;
        _stderr = stderr;
        _pack = pack;
        _listRules.Hidden = hideListRules;
        _format.AcceptOnlyFromAmong([.. ReportSink.Formats]);
        _inputFormat.AcceptOnlyFromAmong("auto", "yaml", "json");
        _by.AcceptOnlyFromAmong("rule", "principle");
        _failOn.AcceptOnlyFromAmong("breach", "undetermined", "failed");
        _minSeverity.AcceptOnlyFromAmong("minor", "major", "critical");
        _jobs.Validators.Add(r =>
        {
            // Validators run before System.CommandLine reports a value it could not convert, and GetValueOrDefault
            // throws on such a value ('abc', or more than int.MaxValue): read the token ourselves.
            if (r.Tokens.Count == 0)
            {
                return;
            }

            var token = r.Tokens[^1].Value;
            if (!int.TryParse(token, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var jobs) || jobs < 1)
            {
                r.AddError($"--jobs must be at least 1, a whole number of threads (got '{token}')");
            }
        });
    }

    /// <summary>Adds the arguments and options to <paramref name="command"/> and makes this its action.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(_inputs);
        foreach (var option in new Option[] { _format, _output, _inputFormat, _by, _failOn, _minSeverity, _waivers, _includeUndetermined, _keepGoing, _checkOutsidePeriod, _jobs, _noColor, _listRules })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Execute(parse, parse.InvocationConfiguration.Output));

        // System.CommandLine hands an unknown "--option" to an argument that takes any number of values, so catch it
        // here and suggest the nearest option, as it does for unknown commands. A file really named "-x" still works.
        _inputs.Validators.Add(result =>
        {
            foreach (var token in _doubleDash ? [] : result.Tokens)
            {
                var value = token.Value;
                if (value.Length > 1 && value[0] == '-' && !File.Exists(Path.GetFullPath(value, _host.CurrentDirectory)))
                {
                    var names = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive))
                        .Where(o => !o.Hidden)
                        .SelectMany(o => o.Aliases.Append(o.Name))
                        .Distinct()
                        .ToList();
                    var name = value.Split('=')[0];
                    var best = names.Select(n => (Name: n, Distance: Distance(name, n))).OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).FirstOrDefault();
                    result.AddError($"unknown option '{value}'" + (best.Name is not null && best.Distance <= Math.Max(2, name.Length / 3) ? $": did you mean '{best.Name}'?" : string.Empty));
                }
            }
        });
    }

    /// <summary>Levenshtein distance, ignoring case, for "did you mean": the library's own, so the tool and the loaders suggest alike.</summary>
    internal static int Distance(string a, string b) => Names.Distance(a, b);

    /// <summary>Warns about options that do nothing for this run's format or inputs, which would otherwise be ignored silently.</summary>
    private void WarnAboutIdleOptions(ParseResult parse, string format, IReadOnlyList<string> inputs)
    {
        if (parse.GetResult(_by) is { Implicit: false } && format != "csv")
        {
            _stderr.WriteLine($"warning: --by shapes CSV rows only; it does nothing with --format {format}");
        }

        if (parse.GetValue(_includeUndetermined) && format != "sarif")
        {
            _stderr.WriteLine($"warning: --include-undetermined adds undetermined rules to SARIF only; --format {format} always reports them");
        }

        if (parse.GetResult(_inputFormat) is { Implicit: false } && !inputs.Contains("-"))
        {
            _stderr.WriteLine("warning: --input-format says how to read standard input (-), which is not among the inputs; files are read by their extension");
        }
    }

    /// <summary>
    /// Warns about each waiver whose rule or principle the pack does not have (a typo, or a waiver file written for another
    /// pack): it can never apply, and "covered nothing: remove it if the breach is fixed" would send the reader the wrong
    /// way. A warning, not an error: the breach it meant to waive still trips the gate, so nothing passes silently.
    /// </summary>
    /// <returns>The waivers warned about, which the run's "covered nothing" warning then leaves out.</returns>
    private HashSet<Waiver> WarnAboutUnknownTargets(WaiverSet waivers, PackChoice packs)
    {
        var warned = new HashSet<Waiver>();
        foreach (var waiver in waivers.Waivers)
        {
            var (kind, name, known) = waiver.Rule is not null
                ? ("rule", waiver.Rule, packs.Candidates.SelectMany(p => p.Rules).Select(r => r.Id))
                : ("principle", waiver.Principle!, packs.Candidates.SelectMany(p => p.Principles).Select(p => p.Key));
            var names = known.ToList();
            if (names.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            var near = names.Select(n => (Name: n, Distance: Distance(name, n))).Where(x => x.Distance <= Math.Max(2, name.Length / 4))
                .OrderBy(x => x.Distance).Select(x => x.Name).FirstOrDefault();
            _stderr.WriteLine($"warning: {waiver.Location}: {(packs.Fixed is { } pack ? $"the rule pack {pack.Id} has no" : "none of the built-in rule packs has a")} {kind} '{name}'"
                + (near is null ? string.Empty : $" (did you mean '{near}'?)")
                + ": this waiver can never apply");
            warned.Add(waiver);
        }

        return warned;
    }

    private int Execute(ParseResult parse, TextWriter stdout)
    {
        var inputs = parse.GetValue(_inputs) ?? [];
        var format = parse.GetValue(_format)!;
        if (parse.GetValue(_listRules))
        {
            if (inputs.Length > 0)
            {
                _stderr.WriteLine("error: --list-rules lists the rules and checks no files: leave out the file names");
                _stderr.WriteLine(Cli.UsageLine);
                return ExitCodes.Usage;
            }

            return RulesCommand.List(_pack.Choose(parse, _stderr), format, stdout, _stderr);
        }

        if (inputs.Length == 0)
        {
            _stderr.WriteLine("error: name at least one procurement file, folder or glob, or - for standard input");
            _stderr.WriteLine(Cli.UsageLine);
            return ExitCodes.Usage;
        }

        var pack = _pack.Choose(parse, _stderr);
        if (pack is null)
        {
            _stderr.WriteLine("Nothing was checked.");
            return ExitCodes.BadInput;
        }

        var waivers = WaiverSet.Empty;
        if (parse.GetValue(_waivers) is { } waiverFile)
        {
            var errors = new List<string>();
            var full = Path.GetFullPath(waiverFile, _host.CurrentDirectory);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                errors.Add($"waiver file not found: {waiverFile}");
            }
            else
            {
                waivers = WaiverSet.Load(full, waiverFile, _host.Today, errors);
            }

            if (errors.Count > 0)
            {
                _stderr.WriteLine($"error: the waiver file has {(errors.Count == 1 ? "1 problem" : errors.Count + " problems")}:");
                errors.ForEach(e => _stderr.WriteLine("  " + e));
                _stderr.WriteLine("Nothing was checked.");
                return ExitCodes.BadInput;
            }
        }

        WarnAboutIdleOptions(parse, format, inputs);
        var unknown = WarnAboutUnknownTargets(waivers, pack);
        var gate = new Gate(
            Enum.Parse<FailOn>(parse.GetValue(_failOn)!, ignoreCase: true),
            Enum.Parse<Severity>(parse.GetValue(_minSeverity)!, ignoreCase: true));
        var stage = new Inputs(_host, parse.GetValue(_inputFormat)!);
        var items = stage.Expand(inputs).ToList();
        if (items.FirstOrDefault(i => i.MistypedCommand is not null) is { } mistyped)
        {
            // docs/cli.md: a mistyped command is a usage error (exit 4), with or without --keep-going.
            _stderr.WriteLine("error: " + mistyped.Error);
            _stderr.WriteLine(Cli.UsageLine);
            return ExitCodes.Usage;
        }

        var keepGoing = parse.GetValue(_keepGoing);
        if (!keepGoing && items.Where(i => i.Error is not null).ToList() is { Count: > 0 } missing)
        {
            // Cheap to know before reading anything: stop before any report is written.
            missing.ForEach(i => _stderr.WriteLine("error: " + i.Error));
            _stderr.WriteLine(items.Count > missing.Count
                ? "Nothing was checked: correct the input(s) above, or add --keep-going to check the rest."
                : "Nothing was checked: correct the input(s) above.");
            return ExitCodes.BadInput;
        }

        if (items.Count(i => i.IsStdin) > 1)
        {
            _stderr.WriteLine("error: standard input (-) can be named only once");
            return ExitCodes.Usage;
        }

        var outputPath = parse.GetValue(_output);
        TextWriter output = stdout;
        StreamWriter? file = null;
        if (outputPath is not null)
        {
            if (Directory.Exists(Path.GetFullPath(outputPath, _host.CurrentDirectory)))
            {
                // .NET says "Access to the path is denied" for a folder, which sends the user to check permissions.
                _stderr.WriteLine($"error: could not write the output file {outputPath}: it is a folder; name a file");
                return ExitCodes.OutputFailed;
            }

            try
            {
                file = new StreamWriter(Path.GetFullPath(outputPath, _host.CurrentDirectory), false, new UTF8Encoding(false), 1 << 16);
                output = new GuardedWriter(file, outputPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _stderr.WriteLine($"error: could not write the output file {outputPath}: {e.Message}");
                return ExitCodes.OutputFailed;
            }
        }

        try
        {
            var color = format == "text" && outputPath is null && _host.StdoutIsTerminal && !_host.NoColor && !parse.GetValue(_noColor);
            var layout = parse.GetValue(_by) == "principle" ? CsvLayout.ByPrinciple : CsvLayout.ByRule;
            using var sink = ReportSink.Create(format, output, new SinkOptions(pack, gate, parse.GetValue(_includeUndetermined), layout, color, Cli.ToolVersion()));
            var run = new CheckRun(pack, stage, waivers, gate, sink, _stderr, _host.StderrIsTerminal, _host.ProgressAfter)
            {
                AlreadyWarned = unknown,
                KeepGoing = keepGoing,
                Jobs = parse.GetValue(_jobs),
                CheckOptions = new CheckOptions { CheckOutsidePeriod = parse.GetValue(_checkOutsidePeriod) },
            };
            var code = run.Execute(items);

            // The file's last buffer is written here, through the guard, so a full disk is exit 5 and a message rather
            // than an exception from Dispose.
            output.Flush();
            return code;
        }
        finally
        {
            try
            {
                file?.Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Only reached when a write or the flush above already failed (that failure is being reported) and the
                // stream still holds what it could not write.
            }
        }
    }
}

/// <summary>
/// One streaming check run. Inputs are read on the calling thread (as <see cref="RulePack.CheckAllParallel"/> reads its
/// source); procurements are checked on every core; reports come back in input order and go straight to the sink, so
/// nothing per case is held after it is written.
/// </summary>
internal sealed class CheckRun
{
    private readonly PackChoice _packs;
    private readonly Inputs _stage;
    private readonly WaiverSet _waivers;
    private readonly Gate _gate;
    private readonly ReportSink _sink;
    private readonly TextWriter _stderr;
    private readonly bool _progress;
    private readonly TimeSpan _progressAfter;
    private readonly RunSummary _summary = new();
    private readonly Queue<CaseInput> _pending = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastProgress;
    private bool _progressShown;
    private int _total;
    private int _done;

    /// <summary>Creates the run.</summary>
    public CheckRun(PackChoice packs, Inputs stage, WaiverSet waivers, Gate gate, ReportSink sink, TextWriter stderr, bool progress, TimeSpan progressAfter)
    {
        _packs = packs;
        _stage = stage;
        _waivers = waivers;
        _gate = gate;
        _sink = sink;
        _stderr = stderr;
        _progress = progress;
        _progressAfter = progressAfter;
    }

    /// <summary>Whether to go on past inputs that cannot be read.</summary>
    public bool KeepGoing { get; init; }

    /// <summary>Waivers already warned about (naming a rule or principle the pack lacks): not warned about again as unused.</summary>
    public IReadOnlySet<Waiver> AlreadyWarned { get; init; } = new HashSet<Waiver>();

    /// <summary>Threads that check at once.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Options for each check.</summary>
    public CheckOptions CheckOptions { get; init; } = CheckOptions.Default;

    /// <summary>Checks every item and returns the exit code.</summary>
    public int Execute(IReadOnlyList<InputItem> items)
    {
        _total = items.Count;
        _summary.Inputs = items.Count;
        _sink.Begin();
        var stopped = false;

        // The source runs on this thread, ahead of the reports by at most the batch window: it queues every read case,
        // good or bad, so bad inputs are reported in their place in input order.
        IEnumerable<ProposedProcurement> Source()
        {
            foreach (var item in items)
            {
                foreach (var input in _stage.Read(item))
                {
                    _pending.Enqueue(input);
                    if (input.Procurement is { } procurement)
                    {
                        yield return procurement;
                    }
                    else if (!KeepGoing)
                    {
                        stopped = true;
                        yield break;
                    }
                }
            }
        }

        try
        {
            var batch = new BatchOptions { MaxDegreeOfParallelism = Jobs };
            var checkedCases = _packs.Fixed is { } pack
                ? pack.CheckAllParallel(Source(), batch, CheckOptions).Select(r => (Report: (CheckReport?)r, Selection: (PackSelection?)null))
                : AutoCheck.Run(Source(), _packs, batch, CheckOptions);
            foreach (var (report, selection) in checkedCases)
            {
                while (_pending.Peek().Procurement is null)
                {
                    WriteBad(_pending.Dequeue());
                }

                if (report is not null)
                {
                    WriteCase(_pending.Dequeue(), report);
                }
                else
                {
                    WriteNotChecked(_pending.Dequeue(), selection!);
                }
            }
        }
        catch (ProcurementLoadException e)
        {
            // A procurement that loaded but cannot be checked: the batch stops where it would in a sequential run.
            var failed = _pending.FirstOrDefault(p => p.Procurement is not null);
            _summary.BadInputs.Add(failed?.File ?? "?");
            Problems.Write(_stderr, $"could not check {failed?.File}", e);
            stopped = true;
            _pending.Clear();
        }

        while (_pending.Count > 0)
        {
            WriteBad(_pending.Dequeue());
        }

        _summary.Stopped = stopped;
        ClearProgress();
        var code = ExitCodes.Clean;
        code = ExitCodes.Worst(code, _summary.Tripped.Count > 0 ? ExitCodes.GateTripped : ExitCodes.Clean);
        code = ExitCodes.Worst(code, _summary.Incomplete.Count > 0 ? ExitCodes.RuleFailed : ExitCodes.Clean);
        code = ExitCodes.Worst(code, _summary.BadInputs.Count > 0 ? ExitCodes.BadInput : ExitCodes.Clean);
        _summary.ExitCode = code;
        foreach (var waiver in _waivers.Unused().Where(w => !AlreadyWarned.Contains(w)))
        {
            _stderr.WriteLine($"warning: {waiver.Location}: the waiver of {waiver.Describe} covered nothing in this run: remove it if the breach is fixed");
        }

        _sink.End(_summary);
        if (!_sink.CarriesSummary || _summary.Cases + _summary.NoPack.Count == 0)
        {
            foreach (var line in _summary.Lines(_packs, _gate))
            {
                _stderr.WriteLine(line);
            }
        }

        return code;
    }

    private void WriteCase(CaseInput input, CheckReport report)
    {
        var result = new CaseResult(input.File, report, _waivers.Apply(report, input.File)) { Path = input.Path };
        _summary.Cases++;
        _summary.Waived += result.Waived.Count;
        _summary.Breaches += report.Breaches.Count;
        _summary.Used(report.Version is { } version ? $"{report.PackId} {version.Name}" : report.PackId);
        var name = input.Index == 0 ? input.File : $"{input.File}#{input.Index}";
        if (report.Breaches.Any(b => result.WaiverFor(b) is null))
        {
            _summary.WithBreaches++;
        }

        if (report.Period == PeriodStatus.OutsidePeriod)
        {
            _summary.OutOfPeriod.Add(name);
        }

        if (result.AllUndetermined)
        {
            _summary.AllUndetermined.Add(name);
        }

        if (report.HasFailures)
        {
            var ids = report.OfKind(OutcomeKind.Failed).Select(o => o.Rule.Id);
            _summary.Incomplete.Add(name);
            _stderr.WriteLine($"error: the check of {name} is incomplete: these rules could not be evaluated: {string.Join(", ", ids)}");
        }

        if (_gate.Trips(result))
        {
            _summary.Tripped.Add(name);
        }

        _sink.Case(result);
        Progress(input);
    }

    private void WriteNotChecked(CaseInput input, PackSelection selection)
    {
        var notChecked = new NotCheckedCase(input.File, input.Procurement!, selection) { Path = input.Path };
        var name = input.Index == 0 ? input.File : $"{input.File}#{input.Index}";
        _summary.NoPack.Add(name);
        if (_gate.Trips(notChecked))
        {
            _summary.Tripped.Add(name);
        }

        _sink.NotChecked(notChecked);
        Progress(input);
    }

    private void WriteBad(CaseInput input)
    {
        ClearProgress();
        _summary.BadInputs.Add(input.File);
        var errors = input.Errors ?? [];
        _stderr.WriteLine(errors.Count == 1 && errors[0].StartsWith(input.File, StringComparison.Ordinal) || errors.Count == 1 && errors[0].StartsWith("file not found", StringComparison.Ordinal)
            ? "error: " + errors[0]
            : $"error: could not load {input.File} ({(errors.Count == 1 ? "1 problem" : errors.Count + " problems")}):\n  " + string.Join("\n  ", errors));
        _sink.Bad(new BadCase(input.File, errors));
        Progress(input);
    }

    private void Progress(CaseInput input)
    {
        if (input.Index == 0)
        {
            _done++;
        }

        if (!_progress || _clock.Elapsed < _progressAfter || (_lastProgress is { } last && _clock.Elapsed - last < TimeSpan.FromMilliseconds(250)))
        {
            return;
        }

        _lastProgress = _clock.Elapsed;
        _progressShown = true;
        _stderr.Write($"\rChecked {_done} of {_total} inputs ({_clock.Elapsed.TotalSeconds:0}s) ");
    }

    private void ClearProgress()
    {
        if (_progressShown)
        {
            _stderr.Write("\r" + new string(' ', 60) + "\r");
            _progressShown = false;
        }
    }
}
