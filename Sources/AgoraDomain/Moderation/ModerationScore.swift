/// How much an item's flags weigh, in hundredths of a point: each filter's weight, and each report weighted by its
/// reporter's record, so that people whose reports were upheld count for more and those whose reports were
/// dismissed count for less. An item whose score reaches the threshold (`moderation.hide-threshold`, in points) is
/// held — hidden from everyone but its author and staff — until a moderator decides.
public enum ModerationScore {
    /// A report's weight: 200 (two points) for a reporter with no record, up to nearly 400 for one whose reports were
    /// all upheld, down towards 0 for one whose reports were all dismissed.
    public static func reportWeight(upheld: Int, dismissed: Int) -> Int {
        400 * (upheld + 1) / (upheld + dismissed + 2)
    }

    /// Whether a score (in hundredths) reaches a threshold in points.
    public static func holds(score: Int, threshold points: Int) -> Bool {
        score >= points * 100
    }
}
