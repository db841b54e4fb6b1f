/// Background workers that drain the outbox: email delivery, notifications, scheduled clean-ups, statistics and
/// incremental regeneration of the site. The module holds no worker yet; `agora serve` and `agora jobs` will
/// run them once the first outbox table exists.
public enum AgoraJobs {}
