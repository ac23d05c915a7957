using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace Procurement.Rules.Reporting;

/// <summary>
/// Writes one self-contained HTML page for a batch of checked cases: a heat map of principle verdicts (a row per case,
/// a column per principle, counts in the margins), a bar chart of breaches by principle, and a section per case with
/// its breaches, the facts they rest on and the policy's words they cite. Every heat-map cell links to its case's
/// section.
/// </summary>
/// <remarks>
/// <para>
/// The page needs nothing else to be read: no script, no fonts, no network; the style sheet is inline and the chart is
/// inline SVG. Every verdict is shown by a letter as well as a colour (B breach, F failed, U undetermined,
/// C compliant, – not applicable), so it reads in grey and on paper. Every value taken from a case or a pack (ids,
/// titles, messages, fact values, quotes) is HTML-escaped. The markup is also well-formed XML.
/// </para>
/// <para>
/// Give the reports one at a time with <see cref="Write(CheckReport)"/> (for example straight from
/// <see cref="RulePack.CheckAll"/>), then call <see cref="Complete"/>, which writes the page. The heat map comes
/// first, so nothing can be written before the last case; instead the writer keeps a small summary of each case (its
/// verdicts and its breaches already rendered, a few kilobytes), never the reports themselves.
/// </para>
/// <para>Not thread-safe: use one writer from one thread at a time. The writer never closes the <see cref="TextWriter"/>.</para>
/// </remarks>
public sealed class HtmlReportWriter
{
    private readonly TextWriter _output;
    private readonly HtmlReportOptions _options;
    private readonly List<CaseSummary> _cases = new();
    private RulePack? _pack;
    private bool _completed;

    /// <summary>Creates a writer that will write the page to <paramref name="output"/> when <see cref="Complete"/> is called.</summary>
    /// <param name="output">
    /// Where the page goes; left open. The page declares UTF-8, so a file should be written as UTF-8 (the default of
    /// <see cref="StreamWriter"/>).
    /// </param>
    /// <param name="options">Title and content options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public HtmlReportWriter(TextWriter output, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _options = options ?? new HtmlReportOptions();
    }

    /// <summary>How many cases have been given so far.</summary>
    public int CaseCount => _cases.Count;

    /// <summary>Writes the page for a batch of reports to <paramref name="output"/>, reading the reports once, in order.</summary>
    /// <param name="output">Where the page goes; left open.</param>
    /// <param name="reports">The reports, all from the same rule pack.</param>
    /// <param name="options">Title and content options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="reports"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The reports come from different rule packs.</exception>
    public static void Write(TextWriter output, IEnumerable<CheckReport> reports, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var writer = new HtmlReportWriter(output, options);
        foreach (var report in reports)
        {
            writer.Write(report);
        }

        writer.Complete();
    }

    /// <summary>Adds one case to the page: keeps its verdicts and renders its section; writes nothing yet.</summary>
    /// <param name="report">The case's report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The report comes from another rule pack than the earlier ones (another id or version, or other principles).
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> has already been called.</exception>
    public void Write(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (_completed)
        {
            throw new InvalidOperationException("The HTML report is complete; no more cases can be added.");
        }

        _pack ??= report.Pack;
        if (!ReferenceEquals(_pack, report.Pack)
            && (_pack.Id != report.Pack.Id || _pack.Version != report.Pack.Version || !_pack.Principles.Select(p => p.Key).SequenceEqual(report.Pack.Principles.Select(p => p.Key), StringComparer.Ordinal)))
        {
            throw new ArgumentException(
                $"Case '{report.ProcurementId}' was checked against {report.Pack.Id} {report.Pack.Version}, the earlier cases against {_pack.Id} {_pack.Version}; one page shows one pack.",
                nameof(report));
        }

        _cases.Add(CaseSummary.From(report, _cases.Count + 1, _pack.Principles, _options.IncludeOtherVerdicts));
    }

    /// <summary>Writes the whole page. Call it once, after the last case; the writer is then finished.</summary>
    /// <exception cref="InvalidOperationException">Already called.</exception>
    public void Complete()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The HTML report has already been written.");
        }

        _completed = true;
        var principles = _pack?.Principles ?? Array.Empty<Principle>();
        var title = _options.Title ?? $"Principle verdicts for {Count(_cases.Count, "case", "cases")}";
        var o = _output;

        o.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        o.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        o.Write("<title>");
        o.Write(H(title));
        o.Write("</title>\n<style>");
        o.Write(StyleSheet);
        o.Write("</style>\n</head>\n<body>\n<header>\n<h1>");
        o.Write(H(title));
        o.Write("</h1>\n");
        if (_pack is not null)
        {
            o.Write("<p class=\"pack\">Rule pack <code>");
            o.Write(H(_pack.Id));
            o.Write("</code> ");
            o.Write(H(_pack.Version));
            o.Write(": ");
            o.Write(H(_pack.Title));
            o.Write("</p>\n");
        }

        WriteTotals(principles);
        o.Write("<nav><a href=\"#heat-map\">Heat map</a> · <a href=\"#chart\">Breaches by principle</a> · <a href=\"#cases\">Cases</a></nav>\n</header>\n");
        WriteHeatMap(principles);
        WriteChart(principles);
        o.Write("<section id=\"cases\">\n<h2>Cases</h2>\n");
        if (_cases.Count == 0)
        {
            o.Write("<p>No cases were checked.</p>\n");
        }

        foreach (var c in _cases)
        {
            o.Write(c.Section);
        }

        o.Write("</section>\n<footer><p>Written by Procurement.Rules. B breach, F failed, U undetermined (a fact the rule needs is not recorded), C compliant, – not applicable. What a case does not record is undetermined, never compliant.</p></footer>\n</body>\n</html>\n");
        o.Flush();
    }

    private void WriteTotals(IReadOnlyList<Principle> principles)
    {
        var withBreaches = _cases.Count(c => c.BreachCount > 0);
        var notChecked = _cases.Count(c => c.Verdicts is null);
        var breaches = _cases.Sum(c => c.BreachCount);
        var text = new StringBuilder();
        text.Append(Count(_cases.Count, "case", "cases")).Append(" against ").Append(Count(principles.Count, "principle", "principles"))
            .Append(": ").Append(Count(withBreaches, "case", "cases")).Append(" with at least one breach (")
            .Append(Count(breaches, "breach", "breaches")).Append(" in all)");
        if (notChecked > 0)
        {
            text.Append("; ").Append(Count(notChecked, "case", "cases")).Append(" not checked (decided outside the pack's period)");
        }

        _output.Write("<p class=\"totals\">");
        _output.Write(H(text.Append('.').ToString()));
        _output.Write("</p>\n");
    }

    private void WriteHeatMap(IReadOnlyList<Principle> principles)
    {
        var o = _output;
        o.Write("<section id=\"heat-map\">\n<h2>Principle verdicts by case</h2>\n");
        o.Write("<p class=\"note\">A row per case, a column per principle; each cell is the worst outcome among the principle's rules and links to the case's details. The right margin counts each case's principles by verdict; the bottom margin counts the cases with each verdict per principle.</p>\n");
        WriteLegend();
        if (_cases.Count == 0 || principles.Count == 0)
        {
            o.Write("<p>No cases were checked.</p>\n</section>\n");
            return;
        }

        // Margin columns: every kind, but failed only when it occurs (it means a rule could not be evaluated).
        var margins = Kinds.Where(k => k != OutcomeKind.Failed || _cases.Any(c => c.Verdicts is not null && Array.IndexOf(c.Verdicts, k) >= 0)).ToArray();

        o.Write("<table class=\"heat\">\n<thead>\n<tr><th scope=\"col\" class=\"case\">Case</th>");
        for (var p = 0; p < principles.Count; p++)
        {
            o.Write("<th scope=\"col\" class=\"p\" title=\"");
            o.Write(H(principles[p].Title + ": " + principles[p].Summary));
            o.Write("\"><span>");
            o.Write(H(principles[p].Key));
            o.Write("</span></th>");
        }

        foreach (var kind in margins)
        {
            o.Write(kind == margins[0] ? "<th scope=\"col\" class=\"m first\"" : "<th scope=\"col\" class=\"m\"");
            o.Write(" title=\"the number of principles with this verdict\"><span>");
            o.Write(Name(kind));
            o.Write("</span></th>");
        }

        o.Write("</tr>\n</thead>\n<tbody>\n");
        foreach (var c in _cases)
        {
            o.Write("<tr><th scope=\"row\" class=\"case\"><a href=\"#c");
            o.Write(Num(c.Index));
            o.Write("\">");
            o.Write(H(c.Id));
            o.Write("</a>");
            if (c.Title is not null)
            {
                o.Write("<span class=\"t\">");
                o.Write(H(c.Title));
                o.Write("</span>");
            }

            o.Write("</th>");
            if (c.Verdicts is null)
            {
                o.Write("<td class=\"skipped\" colspan=\"");
                o.Write(Num(principles.Count));
                o.Write("\">not checked: decided outside the pack's period</td>");
            }
            else
            {
                for (var p = 0; p < principles.Count; p++)
                {
                    var kind = c.Verdicts[p];
                    o.Write("<td class=\"v ");
                    o.Write(Css(kind));
                    o.Write("\"><a href=\"#c");
                    o.Write(Num(c.Index));
                    if (kind == OutcomeKind.Breach || _options.IncludeOtherVerdicts)
                    {
                        // Breaches are always listed; the other verdicts only when asked for, else the link goes to the case.
                        o.Write("-p");
                        o.Write(Num(p + 1));
                    }

                    o.Write("\" title=\"");
                    o.Write(H($"{c.Id}, {principles[p].Key}: {Name(kind)}"));
                    o.Write("\">");
                    o.Write(Letter(kind));
                    o.Write("</a></td>");
                }
            }

            foreach (var kind in margins)
            {
                o.Write(kind == margins[0] ? "<td class=\"m first\">" : "<td class=\"m\">");
                o.Write(c.Verdicts is null ? "–" : Num(c.Verdicts.Count(v => v == kind)));
                o.Write("</td>");
            }

            o.Write("</tr>\n");
        }

        o.Write("</tbody>\n<tfoot>\n");
        foreach (var kind in margins)
        {
            o.Write("<tr><th scope=\"row\" class=\"case\">");
            o.Write("<span class=\"badge ");
            o.Write(Css(kind));
            o.Write("\">");
            o.Write(Letter(kind));
            o.Write("</span> cases with ");
            o.Write(Name(kind));
            o.Write("</th>");
            for (var p = 0; p < principles.Count; p++)
            {
                var n = _cases.Count(c => c.Verdicts is not null && c.Verdicts[p] == kind);
                o.Write(n == 0 ? "<td class=\"m zero\">" : "<td class=\"m\">");
                o.Write(Num(n));
                o.Write("</td>");
            }

            o.Write("<td class=\"m first\" colspan=\"");
            o.Write(Num(margins.Length));
            o.Write("\"></td></tr>\n");
        }

        o.Write("</tfoot>\n</table>\n</section>\n");
    }

    private void WriteLegend()
    {
        _output.Write("<ul class=\"legend\">");
        foreach (var kind in Kinds)
        {
            _output.Write("<li><span class=\"badge ");
            _output.Write(Css(kind));
            _output.Write("\">");
            _output.Write(Letter(kind));
            _output.Write("</span> ");
            _output.Write(Name(kind));
            _output.Write("</li>");
        }

        _output.Write("</ul>\n");
    }

    private void WriteChart(IReadOnlyList<Principle> principles)
    {
        var o = _output;
        o.Write("<section id=\"chart\">\n<h2>Breaches by principle</h2>\n");
        var breaches = new int[principles.Count];
        var cases = new int[principles.Count];
        foreach (var c in _cases)
        {
            for (var p = 0; p < principles.Count && c.Verdicts is not null; p++)
            {
                breaches[p] += c.BreachesByPrinciple[p];
                cases[p] += c.BreachesByPrinciple[p] > 0 ? 1 : 0;
            }
        }

        if (principles.Count == 0)
        {
            o.Write("<p>No cases were checked.</p>\n</section>\n");
            return;
        }

        o.Write("<p class=\"note\">Each bar counts the rules of the principle breached, summed over the cases; the label gives the number and how many cases they fall in.</p>\n");

        // Geometry (px): a label column, a bar area with a few gridlines, room for the count after the longest bar.
        const int labelWidth = 270, barArea = 420, countWidth = 190, rowHeight = 24, barHeight = 16, top = 8, axis = 24;
        var max = Math.Max(1, breaches.Max());
        var step = NiceStep(max);
        var scaleMax = (max + step - 1) / step * step;
        var width = labelWidth + barArea + countWidth;
        var height = top + (principles.Count * rowHeight) + axis;
        o.Write(FormattableString.Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title\">\n"));
        o.Write("<title id=\"chart-title\">Breaches by principle</title>\n");
        var plotBottom = top + (principles.Count * rowHeight);
        for (var tick = 0; tick <= scaleMax; tick += step)
        {
            var x = labelWidth + (tick * barArea / scaleMax);
            o.Write(FormattableString.Invariant($"<line class=\"grid\" x1=\"{x}\" y1=\"{top}\" x2=\"{x}\" y2=\"{plotBottom}\"/><text class=\"tick\" x=\"{x}\" y=\"{plotBottom + 16}\" text-anchor=\"middle\">{tick}</text>\n"));
        }

        for (var p = 0; p < principles.Count; p++)
        {
            var y = top + (p * rowHeight);
            var barWidth = breaches[p] * barArea / scaleMax;
            var label = breaches[p] == 0 ? "0" : $"{Count(breaches[p], "breach", "breaches")} in {Count(cases[p], "case", "cases")}";
            o.Write("<g><title>");
            o.Write(H($"{principles[p].Key} ({principles[p].Title}): {label}"));
            o.Write("</title>");
            o.Write(FormattableString.Invariant($"<text class=\"label\" x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">"));
            o.Write(H(principles[p].Key));
            o.Write("</text>");
            if (barWidth > 0)
            {
                o.Write(FormattableString.Invariant($"<rect class=\"bar\" x=\"{labelWidth}\" y=\"{y + ((rowHeight - barHeight) / 2)}\" width=\"{barWidth}\" height=\"{barHeight}\"/>"));
            }

            o.Write(FormattableString.Invariant($"<text class=\"count\" x=\"{labelWidth + barWidth + 6}\" y=\"{y + 16}\">"));
            o.Write(H(label));
            o.Write("</text></g>\n");
        }

        o.Write(FormattableString.Invariant($"<line class=\"axis\" x1=\"{labelWidth}\" y1=\"{top}\" x2=\"{labelWidth}\" y2=\"{plotBottom}\"/>\n"));
        o.Write("</svg>\n</section>\n");
    }

    /// <summary>A gridline step giving at most about five lines: 1, 2 or 5 times a power of ten.</summary>
    private static int NiceStep(int max)
    {
        for (var magnitude = 1; ; magnitude *= 10)
        {
            foreach (var m in new[] { 1, 2, 5 })
            {
                if (max / (m * magnitude) <= 5)
                {
                    return m * magnitude;
                }
            }
        }
    }

    /// <summary>What the writer keeps of one case: its verdicts, breach counts and its section, already rendered.</summary>
    private sealed class CaseSummary
    {
        public required int Index { get; init; }

        public required string Id { get; init; }

        public string? Title { get; init; }

        /// <summary>The verdict per principle, in the pack's principle order; <see langword="null"/> when not checked.</summary>
        public OutcomeKind[]? Verdicts { get; init; }

        public required int[] BreachesByPrinciple { get; init; }

        public int BreachCount => BreachesByPrinciple.Sum();

        public required string Section { get; init; }

        public static CaseSummary From(CheckReport report, int index, IReadOnlyList<Principle> principles, bool includeOthers)
        {
            var verdicts = report.Verdicts;
            var checkedIt = report.Period != PeriodStatus.OutsidePeriod && verdicts.Count == principles.Count;
            var byPrinciple = new int[principles.Count];
            if (checkedIt)
            {
                for (var p = 0; p < principles.Count; p++)
                {
                    byPrinciple[p] = verdicts[p].Kind == OutcomeKind.Breach ? verdicts[p].DecidedBy.Count : 0;
                }
            }

            return new CaseSummary
            {
                Index = index,
                Id = report.ProcurementId,
                Title = report.ProcurementTitle,
                Verdicts = checkedIt ? verdicts.Select(v => v.Kind).ToArray() : null,
                BreachesByPrinciple = byPrinciple,
                Section = RenderSection(report, index, checkedIt, includeOthers),
            };
        }

        private static string RenderSection(CheckReport report, int index, bool checkedIt, bool includeOthers)
        {
            var s = new StringBuilder();
            var id = "c" + Num(index);
            s.Append("<section class=\"case\" id=\"").Append(id).Append("\">\n<h3><span class=\"num\">").Append(Num(index)).Append(".</span> ")
                .Append(H(report.ProcurementId));
            if (report.ProcurementTitle is not null)
            {
                s.Append(" <span class=\"title\">").Append(H(report.ProcurementTitle)).Append("</span>");
            }

            s.Append("</h3>\n<p class=\"meta\">").Append(H(TextReport.PeriodNote(report))).Append(" Result: ").Append(H(TextReport.Summary(report)))
                .Append(". <a href=\"#heat-map\">Back to the heat map</a></p>\n");
            if (!checkedIt)
            {
                s.Append("</section>\n");
                return s.ToString();
            }

            var verdicts = report.Verdicts;
            for (var p = 0; p < verdicts.Count; p++)
            {
                var v = verdicts[p];
                if (v.Kind != OutcomeKind.Breach)
                {
                    continue;
                }

                s.Append("<div class=\"principle\" id=\"").Append(id).Append("-p").Append(Num(p + 1)).Append("\">\n<h4><span class=\"badge b\">B</span> ")
                    .Append(H(v.Principle.Key)).Append(" <span class=\"title\">").Append(H(v.Principle.Title)).Append("</span></h4>\n");
                foreach (var breach in v.DecidedBy)
                {
                    AppendBreach(s, breach);
                }

                s.Append("</div>\n");
            }

            if (includeOthers)
            {
                s.Append("<table class=\"others\">\n<caption>Other principles</caption>\n<tbody>\n");
                for (var p = 0; p < verdicts.Count; p++)
                {
                    var v = verdicts[p];
                    if (v.Kind == OutcomeKind.Breach)
                    {
                        continue;
                    }

                    s.Append("<tr id=\"").Append(id).Append("-p").Append(Num(p + 1)).Append("\"><th scope=\"row\">").Append(H(v.Principle.Key))
                        .Append("</th><td><span class=\"badge ").Append(Css(v.Kind)).Append("\">").Append(Letter(v.Kind)).Append("</span> ")
                        .Append(Name(v.Kind)).Append("</td><td>").Append(H(Detail(v)));
                    AppendWouldDecide(s, v);
                    s.Append("</td></tr>\n");
                }

                s.Append("</tbody>\n</table>\n");
            }

            s.Append("</section>\n");
            return s.ToString();
        }

        private static void AppendBreach(StringBuilder s, RuleOutcome breach)
        {
            var rule = breach.Rule;
            s.Append("<article class=\"breach\">\n<h5><span class=\"sev\">").Append(TextReport.Label(rule.Severity)).Append("</span> <code>")
                .Append(H(rule.Id)).Append("</code> ").Append(H(rule.Title)).Append("</h5>\n<p class=\"msg\">").Append(H(breach.Message)).Append("</p>\n");
            if (breach.Facts.Count > 0)
            {
                s.Append("<dl class=\"facts\">");
                foreach (var fact in breach.Facts)
                {
                    s.Append("<dt>").Append(H(fact.Name)).Append("</dt><dd>").Append(H(fact.Display)).Append("</dd>");
                }

                s.Append("</dl>\n");
            }

            if (breach.Derived.Count > 0)
            {
                s.Append("<p class=\"derived\">Derived facts used:</p>\n<ul class=\"derived\">");
                foreach (var fact in breach.Derived)
                {
                    s.Append("<li>").Append(H(TextReport.DerivedLine(fact))).Append("</li>");
                }

                s.Append("</ul>\n");
            }

            foreach (var citation in breach.Citations)
            {
                s.Append("<blockquote><p>").Append(H(citation.Quote)).Append("</p><p class=\"src\">— ").Append(H(citation.SourceId)).Append(", ")
                    .Append(H(citation.Locator)).Append("</p></blockquote>\n");
            }

            s.Append("</article>\n");
        }

        /// <summary>
        /// For an undetermined principle: what would decide it, from the missing facts of its rules (each once, in order),
        /// at most two lines as for one rule; <c>`key`</c> spans shown as code.
        /// </summary>
        private static void AppendWouldDecide(StringBuilder s, PrincipleVerdict v)
        {
            if (v.Kind != OutcomeKind.Undetermined)
            {
                return;
            }

            var missing = v.DecidedBy.SelectMany(o => o.MissingFacts).Distinct(StringComparer.Ordinal).ToList();
            var lines = FactDescriptions.WouldDecide(missing);
            if (lines.Length == 0)
            {
                return;
            }

            s.Append("<ul class=\"decide\">");
            foreach (var line in lines)
            {
                s.Append("<li><span class=\"label\">").Append(H(TextReport.WouldDecideLabel.TrimEnd())).Append("</span> ").Append(WithCode(line)).Append("</li>");
            }

            s.Append("</ul>");
        }

        /// <summary>A sentence of ours, HTML-escaped, its <c>`key`</c> spans as <c>&lt;code&gt;</c>.</summary>
        private static string WithCode(string sentence)
        {
            var parts = sentence.Split('`');
            var html = new StringBuilder(sentence.Length + 32);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i % 2 == 1 && i < parts.Length - 1)
                {
                    html.Append("<code>").Append(H(parts[i])).Append("</code>");
                }
                else
                {
                    html.Append(H(parts[i]));
                }
            }

            return html.ToString();
        }

        /// <summary>What decided a verdict other than a breach, in a line.</summary>
        private static string Detail(PrincipleVerdict v)
        {
            var rules = string.Join(", ", v.DecidedBy.Select(o => o.Rule.Id));
            var derived = v.DecidedBy.SelectMany(o => o.Derived).Distinct().Select(TextReport.DerivedLine).ToArray();
            if (derived.Length > 0 && v.Kind is OutcomeKind.Undetermined or OutcomeKind.Compliant)
            {
                // The derived facts a verdict rests on, after what decided it.
                rules += "; derived: " + string.Join("; ", derived);
            }

            return v.Kind switch
            {
                OutcomeKind.Undetermined => "not recorded: " + string.Join(", ", v.DecidedBy.SelectMany(o => o.MissingFacts).Distinct(StringComparer.Ordinal)) + " (" + rules + ")",
                OutcomeKind.Failed => string.Join("; ", v.DecidedBy.Select(o => o.Rule.Id + ": " + o.Error)),
                OutcomeKind.Compliant => rules,
                _ => "no rule of this principle applies",
            };
        }
    }

    private static readonly OutcomeKind[] Kinds =
        { OutcomeKind.Breach, OutcomeKind.Failed, OutcomeKind.Undetermined, OutcomeKind.Compliant, OutcomeKind.NotApplicable };

    private static string Letter(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Breach => "B",
        OutcomeKind.Failed => "F",
        OutcomeKind.Undetermined => "U",
        OutcomeKind.Compliant => "C",
        _ => "–",
    };

    private static string Css(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Breach => "b",
        OutcomeKind.Failed => "f",
        OutcomeKind.Undetermined => "u",
        OutcomeKind.Compliant => "c",
        _ => "n",
    };

    private static string Name(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Breach => "breach",
        OutcomeKind.Failed => "failed",
        OutcomeKind.Undetermined => "undetermined",
        OutcomeKind.Compliant => "compliant",
        _ => "not applicable",
    };

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n, string one, string many) => Num(n) + " " + (n == 1 ? one : many);

    /// <summary>
    /// HTML-escapes a value from a case or a pack, for text and for double-quoted attributes. Control characters, which
    /// neither HTML nor XML may carry, become U+FFFD first; bidirectional marks, embeddings, overrides and isolates and
    /// the Unicode line and paragraph separators are shown as <c>\uXXXX</c>, as in text reports, so a title cannot
    /// reorder what a reader sees (U+202E shows <c>gnp.exe</c> as <c>exe.png</c>); WebUtility does the escaping.
    /// </summary>
    internal static string H(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        static bool Forbidden(char c) => (c < ' ' && c != '\n' && c != '\t' && c != '\r') || (c >= '\u007f' && c <= '\u009f') || c == '\uFFFE' || c == '\uFFFF';
        static bool Reordering(char c) => c is '\u2028' or '\u2029' or '\u200e' or '\u200f' or '\u061c'
            || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
        var clean = text;
        if (text.Any(c => Forbidden(c) || Reordering(c)))
        {
            var builder = new StringBuilder(text.Length + 16);
            foreach (var c in text)
            {
                if (Forbidden(c))
                {
                    builder.Append('\uFFFD');
                }
                else if (Reordering(c))
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            clean = builder.ToString();
        }

        return WebUtility.HtmlEncode(clean);
    }

    // The whole style sheet. Colours from a diverging palette that stays distinct in the common colour-blindnesses;
    // the letters carry the meaning anyway. No '<' or '&' here: the page stays well-formed XML.
    private const string StyleSheet = """

        :root { color-scheme: light; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 1.5rem 2rem; max-width: 1400px; }
        h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1b1b1b; padding-bottom: .2rem; }
        h3 { font-size: 1.1rem; margin: 0 0 .3rem; }
        h4 { font-size: 1rem; margin: .8rem 0 .3rem; }
        h5 { font-size: .95rem; margin: .5rem 0 .2rem; }
        .title, .t { font-weight: normal; color: #444; }
        p.pack, p.totals, p.note, p.meta { margin: .2rem 0; }
        p.note, p.meta { color: #444; }
        nav { margin: .5rem 0 0; }
        a { color: #0b4f9c; }
        code { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; font-size: .92em; }
        .legend { list-style: none; padding: 0; margin: .6rem 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
        .badge { display: inline-block; min-width: 1.4em; text-align: center; font-weight: 700; border: 1px solid #555; border-radius: 3px; padding: 0 .15em; }
        .b { background: #b2182b; color: #fff; }
        .f { background: #542788; color: #fff; }
        .u { background: #fdb863; color: #1b1b1b; }
        .c { background: #2166ac; color: #fff; }
        .n { background: #f4f4f4; color: #555; }
        table.heat { border-collapse: collapse; font-size: 13px; }
        table.heat th, table.heat td { border: 1px solid #8a8a8a; }
        table.heat thead th { position: sticky; top: 0; background: #fff; z-index: 1; }
        table.heat thead th.case { vertical-align: bottom; }
        table.heat .m.first { border-left: 2px solid #1b1b1b; }
        table.heat th.p, table.heat th.m { vertical-align: bottom; padding: .3rem 0; width: 2.1em; }
        table.heat th.p span, table.heat th.m span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 600; }
        table.heat th.m span { font-weight: normal; font-style: italic; }
        table.heat th.case { text-align: left; font-weight: normal; padding: .15rem .5rem; max-width: 26rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        table.heat th.case a { font-weight: 600; }
        table.heat th.case .t { margin-left: .5em; }
        table.heat td.v { padding: 0; text-align: center; font-weight: 700; }
        table.heat td.v a { display: block; color: inherit; text-decoration: none; padding: .15rem 0; min-width: 2.1em; }
        table.heat td.v a:hover, table.heat td.v a:focus { outline: 2px solid #1b1b1b; outline-offset: -3px; }
        table.heat td.m { text-align: right; padding: .15rem .4rem; background: #fafafa; font-variant-numeric: tabular-nums; }
        table.heat td.zero { color: #999; }
        table.heat td.skipped { text-align: center; color: #555; font-style: italic; background: repeating-linear-gradient(45deg, #fff, #fff 4px, #eee 4px, #eee 8px); }
        table.heat tfoot th, table.heat tfoot td { border-top: 2px solid #1b1b1b; }
        table.heat tfoot tr + tr th, table.heat tfoot tr + tr td { border-top: 1px solid #8a8a8a; }
        svg.chart { max-width: 100%; height: auto; font: 13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        svg.chart .bar { fill: #b2182b; }
        svg.chart .grid { stroke: #ddd; }
        svg.chart .axis { stroke: #1b1b1b; }
        svg.chart .tick { fill: #555; font-size: 11px; }
        section.case { border-top: 1px solid #bbb; padding: .8rem 0; }
        h2 + section.case { border-top: none; }
        .num { color: #555; }
        .principle { margin-left: .5rem; }
        article.breach { margin: 0 0 .6rem 1.2rem; padding-left: .7rem; border-left: 4px solid #b2182b; }
        .sev { text-transform: uppercase; font-size: .75em; letter-spacing: .05em; border: 1px solid #b2182b; color: #b2182b; padding: 0 .3em; border-radius: 3px; }
        p.msg { margin: .2rem 0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 .8rem; margin: .2rem 0; font-size: .92em; }
        dl.facts dt { font-family: ui-monospace, Menlo, Consolas, monospace; color: #444; }
        dl.facts dd { margin: 0; }
        blockquote { margin: .3rem 0; padding: .2rem .8rem; background: #f6f6f6; border-left: 3px solid #888; }
        blockquote p { margin: .1rem 0; }
        blockquote p:first-child::before { content: "\201C"; }
        blockquote p:first-child::after { content: "\201D"; }
        blockquote p.src { color: #444; font-size: .9em; }
        table.others { border-collapse: collapse; margin: .6rem 0 0 .5rem; font-size: .92em; }
        table.others caption { text-align: left; font-weight: 600; padding-bottom: .2rem; }
        table.others th, table.others td { text-align: left; vertical-align: top; padding: .1rem .6rem .1rem 0; border-bottom: 1px solid #e3e3e3; }
        table.others th { font-weight: normal; font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
        table.others td:first-of-type { white-space: nowrap; }
        ul.decide { margin: .15rem 0 .1rem; padding-left: 1.1rem; color: #1b1b1b; }
        ul.decide .label { font-weight: 600; }
        :target { background: #fff6c9; }
        table.heat td.v:target { outline: 3px solid #1b1b1b; }
        footer { margin-top: 2rem; color: #444; font-size: .9em; }
        @page { size: A4 landscape; margin: 10mm; }
        @media print {
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { margin: 0; font-size: 11px; max-width: none; }
          table.heat { font-size: 10px; }
          table.heat th.case .t { display: none; }
          nav, .meta a { display: none; }
          a { color: inherit; text-decoration: none; }
          table.heat thead th { position: static; }
          table.heat tr, article.breach, blockquote { break-inside: avoid; }
          section.case { break-inside: avoid-page; }
          #chart { break-before: page; }
        }

        """;
}
