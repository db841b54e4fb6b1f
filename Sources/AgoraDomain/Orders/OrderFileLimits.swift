/// How many files an order may carry and how big each may be: the API enforces them, the pages announce them.
public enum OrderFileLimits {
    public static let maximumFiles = 10
    public static let maximumMegabytes = 25
    public static let maximumBytes = Int64(maximumMegabytes) * 1_048_576
    /// What one account may upload in a day, in files kept (with the daily count of uploads, which bounds the traffic
    /// of files uploaded and removed again).
    public static let maximumMegabytesPerDay = 500
    public static let maximumBytesPerDay = Int64(maximumMegabytesPerDay) * 1_048_576
}
