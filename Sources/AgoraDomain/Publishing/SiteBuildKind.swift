/// How much of the site a build went through.
public enum SiteBuildKind: String, Sendable, Hashable {
    /// Every page rendered into a new directory that replaced the site whole.
    case full
    /// Every page considered; only those whose inputs changed were written, and pages whose source is gone removed.
    case incremental
    /// Only the named items and the pages that depend on them, in the live site.
    case only
}
