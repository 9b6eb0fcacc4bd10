using System;
using System.Linq;
using Stm.Analyzers.Rules;
using Stm.Shared;
using Xunit;

namespace Stm.Analyzers.Tests.Meta;

/// <summary>
/// Every reason the shared checks can reject a type or a property for has its own explanation in STM0001,
/// so a reason added for the generator can never reach users as the generic fallback text.
/// </summary>
public sealed class ExplanationTests
{
    [Fact]
    public void Every_unsupported_property_reason_has_its_own_explanation()
    {
        string fallback = NotAPartialClassAnalyzer.Explain((UnsupportedPropertyReason)(-1));
        foreach (UnsupportedPropertyReason reason in Enum.GetValues<UnsupportedPropertyReason>().Where(r => r.ToString() != "None"))
        {
            Assert.NotEqual(fallback, NotAPartialClassAnalyzer.Explain(reason));
        }
    }

    [Fact]
    public void Every_rejected_type_status_has_its_own_explanation()
    {
        string fallback = NotAPartialClassAnalyzer.Explain((TransactionalTypeStatus)(-1));
        foreach (TransactionalTypeStatus status in Enum.GetValues<TransactionalTypeStatus>().Where(s => s != TransactionalTypeStatus.Supported))
        {
            Assert.NotEqual(fallback, NotAPartialClassAnalyzer.Explain(status));
        }
    }
}
