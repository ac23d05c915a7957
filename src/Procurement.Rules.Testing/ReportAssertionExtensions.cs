namespace Procurement.Rules.Testing;

/// <summary>The entry point of the FluentAssertions extensions: <c>report.Should()</c>.</summary>
public static class ReportAssertionExtensions
{
    /// <summary>Starts assertions on a report, such as <c>report.Should().HaveBreach(ruleId)</c>.</summary>
    /// <param name="report">The report under test.</param>
    /// <returns>The assertions.</returns>
    public static CheckReportAssertions Should(this CheckReport report) => new(report);
}
