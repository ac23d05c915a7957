using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Procurement.Model;
using Procurement.Rules.Checking;

namespace Procurement.Rules;

/// <summary>
/// Which rule pack applies to a procurement, and why (<see cref="RulePack.Select(ProposedProcurement)"/>): the pack in force
/// on the date that decides it (the decision for the 2009 letter; when the process commenced for the 2013 regulations and
/// the Provider Selection Regime) for the kind of commissioner it names. A procurement outside every pack is reported as
/// such (<see cref="PackSelectionStatus.NoPackApplies"/>), never checked against the nearest pack.
/// </summary>
/// <remarks>Immutable and safe to share across threads.</remarks>
/// <example>
/// <code>
/// var selection = RulePack.Select(procurement);
/// Console.WriteLine(selection.Reason);
/// if (selection.Pack is { } pack)
///     Console.WriteLine(pack.Check(procurement));
/// </code>
/// </example>
[DebuggerDisplay("{Status}: {Pack?.Id,nq}")]
public sealed class PackSelection
{
    private readonly ProposedProcurement _procurement;

    private PackSelection(ProposedProcurement procurement, RulePack? pack, PackSelectionStatus status, string reason, IReadOnlyList<string> considered)
    {
        _procurement = procurement;
        Pack = pack;
        Status = status;
        Reason = reason;
        Considered = considered;
    }

    /// <summary>The pack to check against; <see langword="null"/> when <see cref="Status"/> is <see cref="PackSelectionStatus.Ambiguous"/> or <see cref="PackSelectionStatus.NoPackApplies"/>.</summary>
    public RulePack? Pack { get; }

    /// <summary>How the pack was chosen.</summary>
    public PackSelectionStatus Status { get; }

    /// <summary>Why, in one or two sentences that name the deciding date and the pack's period.</summary>
    public string Reason { get; }

    /// <summary>One line per pack considered, saying whether it applies and why, in the order the packs were given.</summary>
    public IReadOnlyList<string> Considered { get; }

    /// <summary>
    /// Checks the procurement the selection was made for against <see cref="Pack"/>; the report's
    /// <see cref="CheckReport.Selection"/> is this selection, so it says which pack was used and why.
    /// </summary>
    /// <param name="options">Options; <see cref="CheckOptions.Default"/> when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidOperationException">No pack was chosen (<see cref="Pack"/> is null); the message is <see cref="Reason"/>.</exception>
    /// <exception cref="ProcurementValidationException">The procurement is invalid (see <see cref="RulePack.Check"/>).</exception>
    /// <remarks>Pure and thread-safe.</remarks>
    public CheckReport Check(CheckOptions? options = null)
    {
        if (Pack is null)
        {
            throw new InvalidOperationException($"No rule pack was chosen for {_procurement.Id}: {Reason}");
        }

        return Pack.CheckWith(_procurement, options, this);
    }

    /// <summary>Returns the status, the pack's id and the reason.</summary>
    public override string ToString() => $"{Status}{(Pack is null ? string.Empty : " " + Pack.Id)}: {Reason}";

    internal static PackSelection Choose(ProposedProcurement procurement, IReadOnlyList<PackScope> packs)
    {
        var applies = new List<(PackScope Pack, string Why)>();
        var possible = new List<(PackScope Pack, string Why)>();
        var unknown = new List<PackScope>();
        var considered = new List<string>(packs.Count);
        foreach (var pack in packs)
        {
            var (fit, why) = Consider(procurement, pack);
            considered.Add($"{pack.Id}: {why}");
            switch (fit)
            {
                case Fit.Applies:
                    applies.Add((pack, why));
                    break;
                case Fit.Possible:
                    possible.Add((pack, why));
                    break;
                case Fit.Unknown:
                    unknown.Add(pack);
                    break;
            }
        }

        if (applies.Count == 1)
        {
            return new PackSelection(procurement, applies[0].Pack.Load(), PackSelectionStatus.Selected, $"{applies[0].Pack.Id}: {applies[0].Why}", considered);
        }

        if (applies.Count > 1)
        {
            return new PackSelection(procurement, null, PackSelectionStatus.Ambiguous,
                $"More than one pack applies ({string.Join(", ", applies.Select(a => a.Pack.Id))}); name the one to check against.", considered);
        }

        if (possible.Count == 1 && unknown.Count == 0)
        {
            return new PackSelection(procurement, possible[0].Pack.Load(), PackSelectionStatus.OnlyPossible,
                $"{possible[0].Pack.Id} is the only pack that can apply: {possible[0].Why}", considered);
        }

        if (possible.Count == 0 && unknown.Count > 0)
        {
            return new PackSelection(procurement, null, PackSelectionStatus.Ambiguous,
                $"Nothing in the record dates the procurement, so no pack is assumed ({string.Join(", ", unknown.Select(p => p.Id))} could apply); "
                + $"record {DatesToRecord(unknown)}, or name a pack.", considered);
        }

        if (possible.Count + unknown.Count > 0)
        {
            return new PackSelection(procurement, null, PackSelectionStatus.Ambiguous,
                $"The record does not say which pack applies ({string.Join(", ", possible.Select(p => p.Pack).Concat(unknown).Select(p => p.Id))} could); "
                + $"record {DatesToRecord(possible.Select(p => p.Pack).Concat(unknown))}, and the commissioner's kind, or name a pack.", considered);
        }

        return new PackSelection(procurement, null, PackSelectionStatus.NoPackApplies,
            "No pack covers this procurement: " + string.Join("; ", considered) + ".", considered);
    }

    /// <summary>
    /// The dates that would decide between the packs still in question, in words: only the kinds of date those packs
    /// read (the 2009 letter's packs the decision date; the later regimes' the commencement), so that the advice never
    /// names a date that cannot help.
    /// </summary>
    private static string DatesToRecord(IEnumerable<PackScope> packs)
    {
        var decision = false;
        var commencement = false;
        foreach (var pack in packs)
        {
            decision |= pack.DecidedBy == DecidingDate.Decision;
            commencement |= pack.DecidedBy == DecidingDate.Commencement;
        }

        const string Commenced = "when the process commenced (a processCommenced event; for a contract modification, contractModified)";
        const string Decided = "the decision date (decisionDate)";
        return decision && commencement ? $"{Commenced} or {Decided}" : decision ? Decided : Commenced;
    }

    /// <summary>How a pack fits a procurement.</summary>
    private enum Fit
    {
        /// <summary>The record shows the pack applies.</summary>
        Applies,

        /// <summary>The record leaves it possible (a date spanning the period's bounds, an unrecorded commissioner kind).</summary>
        Possible,

        /// <summary>Nothing in the record dates the procurement: never chosen as the only possible pack.</summary>
        Unknown,

        /// <summary>The record shows it does not apply.</summary>
        No,
    }

    /// <summary>How the pack fits, with the reason in words.</summary>
    private static (Fit Fit, string Why) Consider(ProposedProcurement procurement, PackScope pack)
    {
        var period = pack.InForceUntil is { } until
            ? $"in force from {Day(pack.InForceFrom)} to {Day(until)}"
            : $"in force from {Day(pack.InForceFrom)}";
        var dateName = pack.DecidedBy == DecidingDate.Decision
            ? "the decision date"
            : DecidingDates.IsModification(procurement) ? "the date of the modification (contractModified)" : "the date the process commenced (processCommenced)";

        var authority = true;
        var authorityWhy = string.Empty;
        if (pack.AppliesTo.Count > 0)
        {
            var kinds = string.Join(", ", pack.AppliesTo.Select(k => Names.Camel(k)));
            if (procurement.Commissioner?.Kind is { } kind)
            {
                if (!pack.AppliesTo.Contains(kind))
                {
                    return (Fit.No, $"applies to commissioners of kind {kinds}, and the commissioner is {Names.Camel(kind)}");
                }

                authorityWhy = $"; the commissioner is {Names.Camel(kind)}";
            }
            else
            {
                authority = false;
                authorityWhy = $"; the commissioner's kind is not recorded (the pack applies to {kinds})";
            }
        }

        if (DecidingDates.Of(procurement, pack.DecidedBy) is not { } date || date.IsUndated)
        {
            // The deciding date is not recorded: the timeline's dated events still show when the procurement happened.
            // Every one of them outside the period rules the pack out (said as an inference); some inside or across it
            // leave it possible; none at all leave it unknown, and an unknown is never the "only possible" pack.
            if (DecidingDates.TimelineSpan(procurement) is not { } events)
            {
                return (Fit.Unknown, $"{period}, and neither {dateName} nor any dated event is recorded{authorityWhy}");
            }

            var lived = $"{dateName} is not recorded, and the timeline's dated events run {DecidingDates.Describe(events)}";
            return DecidingDates.Within(events, pack.InForceFrom, pack.InForceUntil) == false
                ? (Fit.No, $"{period}, {lived}, all outside it")
                : (Fit.Possible, $"{period}, {lived}{authorityWhy}");
        }

        var described = DecidingDates.Describe(procurement, pack.DecidedBy, date);
        return DecidingDates.Within(date, pack.InForceFrom, pack.InForceUntil) switch
        {
            false => (Fit.No, $"{period}, and the procurement was {described}"),
            true when authority => (Fit.Applies, $"{period}, and the procurement was {described}{authorityWhy}"),
            true => (Fit.Possible, $"{period}, and the procurement was {described}{authorityWhy}"),
            _ => (Fit.Possible, $"{period}, and the procurement was {described}, which may be either side of the period's bounds{authorityWhy}"),
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// What choosing a pack needs of it: its id, period, deciding date and commissioners, read from its <c>pack.yaml</c>
/// alone, and a way to load the whole pack, so that choosing among the embedded packs compiles only the one chosen.
/// </summary>
internal sealed record PackScope(
    string Id,
    DateOnly InForceFrom,
    DateOnly? InForceUntil,
    DecidingDate DecidedBy,
    IReadOnlyList<CommissionerKind> AppliesTo,
    Func<RulePack> Load)
{
    /// <summary>The scope of a pack already loaded.</summary>
    public static PackScope Of(RulePack pack) =>
        new(pack.Id, pack.InForceFrom, pack.InForceUntil, pack.DecidedBy, pack.AppliesTo, () => pack);
}
