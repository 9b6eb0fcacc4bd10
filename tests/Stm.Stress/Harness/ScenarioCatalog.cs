using System;
using System.Collections.Generic;
using System.Linq;

namespace Stm.Stress;

/// <summary>Every scenario, in the order <c>--list</c> prints them and <c>all</c> runs them.</summary>
internal static class ScenarioCatalog
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new BankScenario(),
        new DerivedScenario(),
        new NestingScenario(),
        new FreshObjectsScenario(),
        new OutsideScenario(),
        new InevitableScenario(),
        new SoloModeScenario(),
        new CounterScenario(),
        new CounterCellsScenario(),
        new CollectionsScenario(),
        new TListScenario(),
        new TDictionaryScenario(),
        new TransactionQueueScenario(),
        new HandlersScenario(),
        new StatisticsScenario(),
        new WakeScenario(),
        new PingPongScenario(),
    ];

    public static Scenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
