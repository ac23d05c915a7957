using System;
using System.Globalization;
using Procurement.Model;

namespace Procurement.Rules.Expressions;

/// <summary>
/// The work one rule may do in one check. A rule that needs more is reported as failed ("could not be evaluated"),
/// never as a breach or a pass, and the check goes on with the next rule: a hostile or careless expression (sequence
/// operations nested eight deep, text built from text built from text) costs the host a bounded, small amount of time
/// and memory.
/// </summary>
/// <remarks>
/// <para>
/// What counts as a step: each item a sequence operation reads (<c>Any</c>, <c>Where</c>, <c>Select</c>, <c>OrderBy</c>,
/// ... and the items of a fact's list), each helper call plus each timeline event it reads, and one per 64 characters of
/// text built. Text has its own budget too, so no rule can build a huge string with few steps.
/// </para>
/// <para>
/// The step budget grows with the procurement, so that a rule reading its lists a few dozen times always fits however
/// long they are; only work that grows faster than the input (a list read once for every item of a list) runs out.
/// </para>
/// </remarks>
internal static class EvaluationBudget
{
    /// <summary>The steps every rule may take, whatever the procurement.</summary>
    public const long BaseSteps = 1_000_000;

    /// <summary>The further steps per item of the procurement's lists (timeline events, contracts, documents, measures).</summary>
    public const long StepsPerListItem = 64;

    /// <summary>The most characters of text one rule may build in one check.</summary>
    public const long MaxTextCharacters = 1_000_000;

    /// <summary>The step budget of each rule when checking this procurement.</summary>
    public static long Steps(ProposedProcurement procurement)
    {
        long items = (procurement.Timeline?.Count ?? 0) + (procurement.IncumbentContracts?.Count ?? 0)
            + (procurement.RationaleDocuments?.Count ?? 0) + (procurement.NeedsAssessments?.Count ?? 0)
            + (procurement.QualityMeasures?.Count ?? 0) + (procurement.TimelineCompleteFor?.Count ?? 0)
            + (procurement.SignOffsCompleteFor?.Count ?? 0);
        return BaseSteps + (StepsPerListItem * items);
    }
}

/// <summary>Thrown inside an evaluation when a rule has spent its <see cref="EvaluationBudget"/>; becomes a failed outcome.</summary>
internal sealed class EvaluationBudgetExceededException : Exception
{
    private EvaluationBudgetExceededException(string message)
        : base(message)
    {
    }

    public static void ThrowSteps(long steps) => throw new EvaluationBudgetExceededException(string.Create(
        CultureInfo.InvariantCulture,
        $"the rule needed more than its {steps:N0} evaluation steps for this procurement (its evaluation budget): an expression reads a list once for every item of a list, or nests sequence operations too deep"));

    public static void ThrowText() => throw new EvaluationBudgetExceededException(string.Create(
        CultureInfo.InvariantCulture,
        $"the rule built more than {EvaluationBudget.MaxTextCharacters:N0} characters of text (its evaluation budget)"));

    /// <summary>Finds the budget exception in an exception or its inner exceptions (framework code may wrap it).</summary>
    public static EvaluationBudgetExceededException? Find(Exception? e)
    {
        for (var depth = 0; e is not null && depth < 16; depth++, e = e.InnerException)
        {
            if (e is EvaluationBudgetExceededException budget)
            {
                return budget;
            }
        }

        return null;
    }
}
