using System;

namespace Procurement.Rules;

/// <summary>
/// The limits every loader applies to a file it reads (a procurement file, <c>pack.yaml</c>, a rule file, a pack's
/// source text), so that a hostile or broken file fails the load with a located problem instead of exhausting the
/// stack, memory or time of the host process. The defaults are far above anything an honest file needs; see
/// <c>docs/security.md</c>.
/// </summary>
/// <remarks>Immutable and safe to share across threads. A value out of range throws when it is set.</remarks>
public sealed record InputLimits
{
    /// <summary>Default of <see cref="MaxFileBytes"/>: 16 MiB (a real case file is a few kilobytes).</summary>
    public const long DefaultMaxFileBytes = 16L * 1024 * 1024;

    /// <summary>Default of <see cref="MaxDepth"/>: 64 nested mappings and lists (the model is 5 deep).</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Default of <see cref="MaxListItems"/>: 200,000 items in one list.</summary>
    public const int DefaultMaxListItems = 200_000;

    /// <summary>Default of <see cref="MaxStringLength"/>: 1,048,576 characters in one value or key.</summary>
    public const int DefaultMaxStringLength = 1024 * 1024;

    /// <summary>Default of <see cref="MaxAliasNodes"/>: 10,000 values reached through YAML aliases.</summary>
    public const int DefaultMaxAliasNodes = 10_000;

    private readonly long _maxFileBytes = DefaultMaxFileBytes;
    private readonly int _maxDepth = DefaultMaxDepth;
    private readonly int _maxListItems = DefaultMaxListItems;
    private readonly int _maxStringLength = DefaultMaxStringLength;
    private readonly int _maxAliasNodes = DefaultMaxAliasNodes;

    /// <summary>The default limits.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>
    /// The largest file read, in bytes; a larger file (or a device that never ends) is a problem, found before the
    /// file is read into memory. Default <see cref="DefaultMaxFileBytes"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long MaxFileBytes
    {
        get => _maxFileBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1L);
            _maxFileBytes = value;
        }
    }

    /// <summary>
    /// The deepest nesting of mappings and lists (JSON objects and arrays). Reading is iterative, so a deeper file
    /// cannot overflow the stack; this limit keeps the later steps shallow. Default <see cref="DefaultMaxDepth"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or more than 1,000.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1000);
            _maxDepth = value;
        }
    }

    /// <summary>The most items in one list (or entries in one mapping). Default <see cref="DefaultMaxListItems"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxListItems
    {
        get => _maxListItems;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxListItems = value;
        }
    }

    /// <summary>The longest single value or key, in characters. Default <see cref="DefaultMaxStringLength"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxStringLength
    {
        get => _maxStringLength;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxStringLength = value;
        }
    }

    /// <summary>
    /// The most values a YAML file may reach through aliases (<c>*name</c>), counting every value inside an aliased
    /// mapping or list, repeated as often as it is reached: what bounds a "billion laughs". An alias to a node that
    /// contains it is always a problem. Default <see cref="DefaultMaxAliasNodes"/>; 0 forbids aliases.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxAliasNodes
    {
        get => _maxAliasNodes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _maxAliasNodes = value;
        }
    }
}
