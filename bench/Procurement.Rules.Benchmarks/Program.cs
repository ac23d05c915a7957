using System;
using BenchmarkDotNet.Running;
using Procurement.Rules.Benchmarks.Quick;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// <c>--quick</c>: the quick mode (under two minutes, ends with the <c>bench:</c> line); <c>--peer</c>: only its
/// <c>peer_ratio</c> figures (the five core principles, YAML vs fluent NRules); <c>--large-input</c>: loading a huge case
/// file (see <see cref="LargeInput"/>); <c>--batch [count|alloc]</c>: where a parallel batch's time goes, or which types a
/// check allocates (see <see cref="BatchDiagnosis"/>). Anything else goes to BenchmarkDotNet, for example <c>--filter *</c> for the full
/// suite or <c>--filter *Check*</c>.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--quick")
        {
            return QuickMode.Run();
        }

        if (args.Length > 0 && args[0] == "--peer")
        {
            return PeerMeasurement.Run() is null ? 2 : 0;
        }

        if (args.Length > 0 && args[0] == LargeInput.Argument)
        {
            return LargeInput.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == BatchDiagnosis.Argument)
        {
            return BatchDiagnosis.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == ColdLoad.ChildArgument)
        {
            return ColdLoad.Child(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
