namespace Procurement.Rules.Testing;

/// <summary>The entry point of the FluentAssertions extensions: <c>report.Should()</c>.</summary>
/// <remarks>Stateless and thread-safe; each call returns new assertions for one chain.</remarks>
public static class ReportAssertionExtensions
{
    /// <summary>Starts assertions on a report, such as <c>report.Should().HaveBreach(ruleId)</c>.</summary>
    /// <param name="report">The report under test.</param>
    /// <returns>The assertions; a null report fails each assertion with "Expected a report, but found &lt;null&gt;".</returns>
    public static CheckReportAssertions Should(this CheckReport report) => new(report);
}
