/// How many files an order may carry and how big each may be: the API enforces them, the pages announce them.
public enum OrderFileLimits {
    public static let maximumFiles = 10
    public static let maximumMegabytes = 25
    public static let maximumBytes = Int64(maximumMegabytes) * 1_048_576
}
