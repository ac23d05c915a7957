using Procurement.Model;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Tests;

/// <summary>
/// What records say (issue 11, point 4): an unnamed incumbent, an NHS provider of unknown type, invitations, value per
/// year and in total, and the scope of the response, read from YAML and JSON, validated with located problems.
/// </summary>
public class RecordsSayTests
{
    private const string Yaml = """
        id: records-say
        value: { amount: 9000000 }
        annualValue: { amount: 3000000 }
        responseScope: wholeService
        incumbentContracts:
          - provider: { kind: nhs }
            annualValue: { amount: 2500000 }
        tender:
          route: directAward
          invitations:
            - { partyKind: nhsTrust, status: notInvited }
            - { party: Anytown Healthcare Ltd, partyKind: independentSector, status: invited }
            - { party: the incumbent, status: excluded, reason: contract terminated for poor performance }
        """;

    [Test]
    public void ParseYaml_WhatRecordsSay_BindsEveryNewKey()
    {
        var p = ProcurementFile.ParseYaml(Yaml, "case.yaml");

        p.Value!.Amount.Should().Be(9_000_000m);
        p.AnnualValue!.Amount.Should().Be(3_000_000m);
        p.ResponseScope.Should().Be(ResponseScope.WholeService);
        p.IncumbentContracts!.Single().Provider.Should().Be(new Provider { Name = null, Kind = ProviderKind.Nhs });
        p.IncumbentContracts!.Single().AnnualValue!.Amount.Should().Be(2_500_000m);
        p.Tender!.Invitations.Should().Equal(
            new Invitation { PartyKind = ProviderKind.NhsTrust, Status = InvitationStatus.NotInvited },
            new Invitation { Party = "Anytown Healthcare Ltd", PartyKind = ProviderKind.IndependentSector, Status = InvitationStatus.Invited },
            new Invitation { Party = "the incumbent", Status = InvitationStatus.Excluded, Reason = "contract terminated for poor performance" });
    }

    [Test]
    public void ParseJson_WhatRecordsSay_ReadsBackWhatToJsonWrote()
    {
        var p = ProcurementFile.ParseYaml(Yaml, "case.yaml");

        var back = ProcurementFile.ParseJson(ProcurementFile.ToJson(p), "case.json");

        back.AnnualValue.Should().Be(p.AnnualValue);
        back.ResponseScope.Should().Be(ResponseScope.WholeService);
        back.IncumbentContracts!.Single().Should().Be(p.IncumbentContracts!.Single());
        back.Tender!.Invitations.Should().Equal(p.Tender!.Invitations);
    }

    [Test]
    public void ParseYaml_BadInvitationsAndValues_ListsEveryProblemWithPathAndLine()
    {
        const string yaml = """
            id: bad
            annualValue: { amount: -1 }
            incumbentContracts:
              - provider: { name: " " }
                annualValue: { amount: -2 }
            tender:
              invitations:
                - { status: notInvited }
                - { party: "", partyKind: nhs }
            """;

        var act = () => ProcurementFile.ParseYaml(yaml, "case.yaml");

        var problems = act.Should().Throw<ProcurementLoadException>().Which.Problems;
        problems.Select(p => (p.Path, p.Line)).Should().BeEquivalentTo(new[]
        {
            ("annualValue.amount", 2), ("incumbentContracts[0].provider.name", 4), ("incumbentContracts[0].annualValue.amount", 5),
            ("tender.invitations[0]", 8), ("tender.invitations[1].party", 9),
        });
        problems.Should().OnlyContain(p => p.File == "case.yaml" && p.Column != null);
        problems.Single(p => p.Path == "tender.invitations[0]").Message.Should().Be("an invitation needs a party, a partyKind, or both");
    }

    [Test]
    public void ParseYaml_MisspeltScopeAndStatus_SuggestTheValue()
    {
        const string yaml = """
            id: bad
            responseScope: wholeServise
            tender:
              invitations:
                - { partyKind: nhsTrust, status: notInvted }
            """;

        var act = () => ProcurementFile.ParseYaml(yaml, "case.yaml");

        var problems = act.Should().Throw<ProcurementLoadException>().Which.Problems;
        problems.Select(p => (p.Path, p.Line)).Should().Equal(("responseScope", 2), ("tender.invitations[0].status", 5));
        problems[0].Message.Should().Contain("did you mean 'wholeService'?");
        problems[1].Message.Should().Contain("did you mean 'notInvited'?");
    }

    [Test]
    public void Check_UndefinedInvitationStatusInCode_IsAValidationProblem()
    {
        var p = new ProposedProcurement
        {
            Id = "code",
            ResponseScope = (ResponseScope)7,
            Tender = new TenderPlan { Invitations = [new Invitation { PartyKind = ProviderKind.Nhs, Status = (InvitationStatus)9 }] },
        };

        var act = () => RulePack.Default.Check(p);

        act.Should().Throw<ProcurementValidationException>().Which.Problems.Select(x => x.Path)
            .Should().BeEquivalentTo("responseScope", "tender.invitations[0].status");
    }

    [Test]
    public void ParseYaml_TendererWithoutName_IsStillAProblem()
    {
        const string yaml = """
            id: t
            tender:
              tenderers: [ { kind: nhs } ]
            """;

        var act = () => ProcurementFile.ParseYaml(yaml, "case.yaml");

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Single().Path.Should().Be("tender.tenderers[0].name");
    }

    [TestCase(ProviderKind.Nhs, true)]
    [TestCase(ProviderKind.NhsTrust, true)]
    [TestCase(ProviderKind.FoundationTrust, true)]
    [TestCase(ProviderKind.PctProviderArm, true)]
    [TestCase(ProviderKind.IndependentSector, false)]
    [TestCase(ProviderKind.ThirdSector, false)]
    [TestCase(ProviderKind.Consortium, false)]
    public void IsNhs_EachKind_IsNhsOnlyForNhsBodies(ProviderKind kind, bool expected) =>
        new RuleScope(new ProposedProcurement { Id = "x" }).IsNhs(kind).Should().Be(expected);

    [Test]
    public void IncumbentNames_UnnamedIncumbent_SaysAnUnnamedProvider()
    {
        var p = new ProposedProcurement
        {
            Id = "x",
            IncumbentContracts =
            [
                new Contract { Provider = new Provider { Kind = ProviderKind.Nhs } },
                new Contract { Provider = new Provider { Name = "Westshire PCT provider arm" } },
            ],
        };
        using var pack = TestPack.WithRule("IncumbentNames == \"an unnamed provider and Westshire PCT provider arm\"", facts: "      names: IncumbentNames");

        var outcome = pack.Load().Check(p).Outcomes.Single();

        outcome.Kind.Should().Be(OutcomeKind.Compliant, outcome.ToString());
        outcome.Facts.Single().Display.Should().Be("an unnamed provider and Westshire PCT provider arm");
        pack.Load().Check(p with { IncumbentContracts = [p.IncumbentContracts[0]] }).Outcomes.Single().Facts.Single().Display
            .Should().Be("an unnamed provider");
    }
}
