// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Agora",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "agora", targets: ["agora"]),
        .executable(name: "agora-fuzz", targets: ["agora-fuzz"]),
        .executable(name: "agora-bench-ledger", targets: ["agora-bench-ledger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/async-kit.git", from: "1.22.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CVips",
            path: "Sources/CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(name: "CAtomicRename"),
        .target(name: "AgoraDomain", resources: [.copy("Identity/common-passwords.txt"), .copy("Geography/cities.tsv")]),
        .target(name: "AgoraTemplates"),
        .target(name: "AgoraQRCode"),
        .target(name: "AgoraMarkdown", dependencies: ["CCmarkGFM"]),
        .target(name: "AgoraImages", dependencies: ["AgoraDomain", "CVips"]),
        .target(name: "AgoraPublishedSite", dependencies: ["AgoraDomain"]),
        .target(
            name: "AgoraStore",
            dependencies: [
                "AgoraDomain",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "AgoraWorkflows",
            dependencies: [
                "AgoraDomain", "AgoraStore", "AgoraTemplates",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "AgoraSite",
            dependencies: [
                "AgoraDomain",
                "AgoraStore",
                "AgoraMarkdown",
                "AgoraPublishedSite",
                "CLibXML2",
                "CAtomicRename",
                "AgoraTemplates",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "AgoraJobs",
            dependencies: [
                "AgoraDomain",
                "AgoraStore",
                "AgoraWorkflows",
                "AgoraSite",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .target(
            name: "AgoraAPI",
            dependencies: [
                "AgoraDomain",
                "AgoraStore",
                "AgoraWorkflows",
                "AgoraMarkdown",
                "AgoraImages",
                "AgoraPublishedSite",
                "AgoraQRCode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "agora",
            dependencies: [
                "AgoraDomain",
                "AgoraStore",
                "AgoraSite",
                "AgoraAPI",
                "AgoraJobs",
                "AgoraWorkflows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "AgoraFuzzing",
            dependencies: ["AgoraDomain", "AgoraTemplates", "AgoraSite", "AgoraAPI", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "agora-fuzz", dependencies: ["AgoraFuzzing", "CFuzzerDriver"]),
        .executableTarget(name: "agora-bench-ledger", dependencies: ["AgoraDomain", "AgoraStore"]),
        .target(
            name: "AgoraTestSupport",
            dependencies: [
                "AgoraStore", "CLibXML2",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/AgoraTestSupport",
            resources: [.copy("Images")]
        ),
        .testTarget(name: "AgoraDomainTests", dependencies: ["AgoraDomain"]),
        .testTarget(name: "AgoraImagesTests", dependencies: ["AgoraImages", "AgoraDomain", "AgoraTestSupport"]),
        .testTarget(name: "AgoraTemplatesTests", dependencies: ["AgoraTemplates"]),
        .testTarget(name: "AgoraQRCodeTests", dependencies: ["AgoraQRCode", "AgoraTestSupport"]),
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "AgoraFuzzingTests", dependencies: ["AgoraFuzzing"]),
        .testTarget(
            name: "AgoraStoreTests",
            dependencies: ["AgoraStore", "AgoraDomain", "AgoraTestSupport", .product(name: "SQLKit", package: "sql-kit")]
        ),
        .testTarget(
            name: "AgoraSiteTests",
            dependencies: ["AgoraSite", "AgoraPublishedSite", "AgoraStore", "AgoraDomain", "AgoraTestSupport", "CLibXML2"],
            resources: [.copy("Golden"), .copy("Schemas")]
        ),
        .testTarget(
            name: "AgoraJobsTests",
            dependencies: [
                "AgoraJobs", "AgoraWorkflows", "AgoraSite", "AgoraStore", "AgoraDomain", "AgoraTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "AgoraAPITests",
            dependencies: [
                "AgoraAPI", "AgoraStore", "AgoraDomain", "AgoraJobs", "AgoraWorkflows", "AgoraSite", "AgoraTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
