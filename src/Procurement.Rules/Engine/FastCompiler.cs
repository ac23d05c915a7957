using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Threading;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace Procurement.Rules.Engine;

/// <summary>
/// NRules' expression compiler replaced by FastExpressionCompiler (MIT), which compiles a lambda several times faster
/// than <see cref="LambdaExpression.Compile()"/>: NRules compiles every condition and action of every rule one after the
/// other while it builds the session factory (pitfall 7), so this is most of what the engine adds to a cold load.
/// An expression it cannot compile, and every expression where dynamic code is not supported (native AOT, file-based
/// apps), goes to <see cref="LambdaExpression.Compile()"/>. Thread-safe; its only state is a compile counter.
/// </summary>
internal sealed class FastCompiler : IExpressionCompiler
{
    public static readonly FastCompiler Instance = new();

    private static long _compiled;

    /// <summary>How many expressions this compiler has compiled in the process (so a test can see NRules used it).</summary>
    public static long Compiled => Interlocked.Read(ref _compiled);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The package's build/buildTransitive targets keep FastExpressionCompiler and NRules whole in a trimmed application, and the expressions compiled here read only our own types and the model, which the ILLink descriptors keep whole.")]
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate
    {
        Interlocked.Increment(ref _compiled);

        // FastExpressionCompiler emits IL. Where dynamic code is not supported (native AOT, and file-based apps, which
        // set PublishAot and so turn the feature off), Expression.Compile interprets instead, as it always did here.
        return RuntimeFeature.IsDynamicCodeSupported
            ? expression.CompileFast(ifFastFailedReturnNull: false)
            : expression.Compile();
    }
}
