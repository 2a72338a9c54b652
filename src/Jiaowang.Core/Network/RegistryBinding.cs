namespace Jiaowang.Core.Network;

/// <summary>
/// What a registry-bound target counts instead of manual readings. The office binds a target to one of these
/// (jiaowang targets bind); the count then becomes the target's reading whenever the registry changes.
/// </summary>
public enum RegistryBinding
{
    /// <summary>Active partners of both kinds: 国际友城和友好交流城市数量.</summary>
    ActivePartners = 0,
    /// <summary>Active 国际友好城市 only.</summary>
    ActiveSisterCities = 1,
    /// <summary>Active 友好交流城市 only.</summary>
    ActiveFriendlyExchangeCities = 2,
    /// <summary>Exhibitions that start within the plan's period.</summary>
    ExhibitionsInPlanPeriod = 3,
    /// <summary>Exhibitions and conferences (会展) within the plan's period.</summary>
    ExhibitionsAndConferencesInPlanPeriod = 4,
    /// <summary>International sports events within the plan's period.</summary>
    SportsEventsInPlanPeriod = 5,
    /// <summary>Dignitary visits within the plan's period.</summary>
    VisitsInPlanPeriod = 6,
    /// <summary>Published schools for foreign nationals' children in the 家在武汉 directory (task 12: 6).</summary>
    ServiceSchools = 7,
    /// <summary>Published international communities in the 家在武汉 directory (task 12: 51).</summary>
    ServiceCommunities = 8,
    /// <summary>Published hospitals with international departments in the 家在武汉 directory (task 12: 8).</summary>
    ServiceHospitals = 9,
    /// <summary>Signage (双语标识) reports the responsible unit answered as fixed.</summary>
    SignageReportsResolved = 10,
}

public static class RegistryBindings
{
    /// <summary>The event categories a binding counts, or null for the partner bindings.</summary>
    public static IReadOnlyList<EventCategory>? Categories(RegistryBinding binding) => binding switch
    {
        RegistryBinding.ExhibitionsInPlanPeriod => [EventCategory.Exhibition],
        RegistryBinding.ExhibitionsAndConferencesInPlanPeriod => [EventCategory.Exhibition, EventCategory.Conference],
        RegistryBinding.SportsEventsInPlanPeriod => [EventCategory.Sports],
        RegistryBinding.VisitsInPlanPeriod => [EventCategory.Visit],
        _ => null,
    };

    /// <summary>The partner kinds a binding counts, or null for the event bindings.</summary>
    public static IReadOnlyList<PartnerKind>? Kinds(RegistryBinding binding) => binding switch
    {
        RegistryBinding.ActivePartners => [PartnerKind.SisterCity, PartnerKind.FriendlyExchange],
        RegistryBinding.ActiveSisterCities => [PartnerKind.SisterCity],
        RegistryBinding.ActiveFriendlyExchangeCities => [PartnerKind.FriendlyExchange],
        _ => null,
    };

    /// <summary>True for the 家在武汉 bindings (directory counts and resolved signage reports).</summary>
    public static bool IsServices(RegistryBinding binding) => binding >= RegistryBinding.ServiceSchools;

    public static bool TryParse(string text, out RegistryBinding binding) =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out binding) && Enum.IsDefined(binding) && !int.TryParse(text, out _);
}
