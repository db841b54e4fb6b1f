extension Duration {
    /// The duration in milliseconds, with its fraction: for logs and command output.
    public var milliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }
}
