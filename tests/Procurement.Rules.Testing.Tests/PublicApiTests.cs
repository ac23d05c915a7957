using System.Reflection;
using PublicApiGenerator;

namespace Procurement.Rules.Testing.Tests;

/// <summary>
/// Public-API approval of every package: the API as PublicApiGenerator writes it must equal the approved file under
/// tests/Procurement.Rules.Testing.Tests/PublicApi/, so an API change is visible in review. A failure shows the diff and
/// the one command that accepts every change (then review the approved files with git diff and commit them).
/// </summary>
[TestFixture]
[Category("Approval")]
public class PublicApiTests
{
    private static readonly Assembly[] Packages =
    {
        typeof(Procurement.Model.ProposedProcurement).Assembly,
        typeof(RulePack).Assembly,
        typeof(ReportAssert).Assembly,
    };

    private static IEnumerable<TestCaseData> Cases => Packages.Select(a => new TestCaseData(a).SetArgDisplayNames(a.GetName().Name!));

    [TestCaseSource(nameof(Cases))]
    public void PublicApi_OfEachPackage_IsAsApproved(Assembly assembly)
    {
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // Attributes that say nothing about the API's shape and change with the build.
            ExcludeAttributes = new[]
            {
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
            },
        });

        var name = assembly.GetName().Name!;
        Approval.Verify(api, Path.Combine(RepoPaths.Root, "tests", "Procurement.Rules.Testing.Tests", "PublicApi", name + ".approved.txt"), $"The public API of {name}");
    }
}
