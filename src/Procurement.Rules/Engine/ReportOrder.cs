using System;

namespace Procurement.Rules.Engine;

/// <summary>
/// Breaches first, then failed, undetermined, compliant, not applicable; then most severe; then id. A cached
/// <see cref="Comparison{T}"/>: sorting with an <see cref="System.Collections.Generic.IComparer{T}"/> would allocate a delegate per sort.
/// </summary>
internal static class ReportOrder
{
    public static readonly Comparison<RuleOutcome> Compare = static (x, y) =>
    {
        var byKind = ((int)x.Kind).CompareTo((int)y.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var bySeverity = ((int)y.Rule.Severity).CompareTo((int)x.Rule.Severity);
        return bySeverity != 0 ? bySeverity : string.CompareOrdinal(x.Rule.Id, y.Rule.Id);
    };
}
