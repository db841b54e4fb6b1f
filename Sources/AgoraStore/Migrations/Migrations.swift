/// The schema's history, oldest first. Append new steps at the end; never edit or reorder a shipped one.
public enum Migrations {
    public static let all: [Migration] = [
        initialSchema,
        redirects,
        accountSecurity,
        providerSearch,
        savedSearches,
        searchAnalytics,
        statisticsAndTestimonials,
        ordersAndProposals,
        siteChanges,
        providerChangeIndexes,
        publicProviderCountIndexes,
        sharedLimits,
        signInThrottle,
        auditLog,
        staffRoles,
        twoFactor,
        suspensions,
        accountEditing,
        platformSettings,
        moderation,
        siteBuildTimes,
        bulkOperations,
        providerProfiles,
        profilePhotos,
    ]
}
