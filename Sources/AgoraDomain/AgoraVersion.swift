/// The version of Agora this build is, shown by `agora --version` and `GET /api/health`.
public enum AgoraVersion {
    public static let current = "0.1.0"
}
