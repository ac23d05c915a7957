using System.Linq.Expressions;
using Procurement.Model;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Checking;

/// <summary>
/// The event kinds a rule's expressions ask about, as a bit mask (<c>1 &lt;&lt; kind</c>): the constants of
/// <see cref="EventKind"/> they name, plus the kinds a helper reads without naming them. A derived fact of one of these
/// kinds is listed in the rule's outcome (<see cref="RuleOutcome.Derived"/>). Read once at load.
/// </summary>
internal sealed class EventKindsRead : ExpressionVisitor
{
    private long _mask;

    public static long Of(params Expression?[] bodies)
    {
        var visitor = new EventKindsRead();
        foreach (var body in bodies)
        {
            if (body is not null)
            {
                visitor.Visit(body);
            }
        }

        return visitor._mask;
    }

    public static long Bit(EventKind kind) => 1L << (int)kind;

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is EventKind kind)
        {
            _mask |= Bit(kind);
        }

        return node;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(RuleScope))
        {
            switch (node.Method.Name)
            {
                case nameof(RuleScope.EligibilityNarrowedAfterNotice):
                    _mask |= Bit(EventKind.NoticePublished) | Bit(EventKind.EligibilityChanged);
                    break;
                case nameof(RuleScope.SignedOff) or nameof(RuleScope.SignedOffBefore) or nameof(RuleScope.SignedOffOnOrBefore):
                    _mask |= Bit(EventKind.OversightSignOff);
                    break;
            }
        }

        return base.VisitMethodCall(node);
    }
}
