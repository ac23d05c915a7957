using System.Globalization;

namespace Procurement.Model;

/// <summary>An amount of money with its currency.</summary>
public sealed record Money
{
    /// <summary>The amount. Required.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The ISO 4217 currency code. Default: <c>GBP</c>.</summary>
    public string Currency { get; init; } = "GBP";

    /// <summary>Formats the amount with its currency, for example <c>GBP 25,000,000</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Currency} {Amount:#,0.##}");
}
