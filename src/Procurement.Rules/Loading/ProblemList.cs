using System.Collections.Generic;
using YamlDotNet.Core;

namespace Procurement.Rules.Loading;

/// <summary>Collects load problems for one file at a time.</summary>
internal sealed class ProblemList
{
    private readonly List<LoadProblem> _problems = new();

    public string File { get; set; } = string.Empty;

    public int Count => _problems.Count;

    public IReadOnlyList<LoadProblem> All => _problems;

    public void Add(Mark mark, string? ruleId, string message) =>
        _problems.Add(new LoadProblem(File, (int)mark.Line, (int)mark.Column, null, ruleId, message));

    public void Add(LoadProblem problem) => _problems.Add(problem);

    public void Add(int? line, int? column, string? ruleId, string message) =>
        _problems.Add(new LoadProblem(File, line, column, null, ruleId, message));
}
