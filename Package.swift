// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Hallmark",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hallmark", targets: ["hallmark"]),
        .library(name: "OCIModel", targets: ["OCIModel"]),
        .library(name: "OCIRegistry", targets: ["OCIRegistry"]),
        .library(name: "OCILayout", targets: ["OCILayout"]),
        .library(name: "ImageCopy", targets: ["ImageCopy"]),
        .library(name: "InToto", targets: ["InToto"]),
        .library(name: "Sigstore", targets: ["Sigstore"]),
        .library(name: "Attestations", targets: ["Attestations"]),
        .library(name: "VulnMatch", targets: ["VulnMatch"]),
        .library(name: "VersionSchemes", targets: ["VersionSchemes"]),
        .library(name: "VulnDB", targets: ["VulnDB"]),
        .library(name: "Doctor", targets: ["Doctor"]),
        .library(name: "Reporting", targets: ["Reporting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "OCIModel",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "OCIRegistry",
            dependencies: [
                "OCIModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .target(name: "OCILayout", dependencies: ["OCIModel"], swiftSettings: strict),
        .target(name: "ImageCopy", dependencies: ["OCIModel"], swiftSettings: strict),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .target(name: "Catalog", dependencies: ["OCIModel", "CZlib", "CSQLite"], swiftSettings: strict),
        .target(
            name: "ImageFS",
            dependencies: ["OCIModel", "Catalog", "CZlib", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "SBOMFormats",
            dependencies: ["Catalog", "OCIModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "InToto",
            dependencies: [
                "OCIModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(name: "Sigstore", dependencies: ["InToto"], swiftSettings: strict),
        .target(name: "Attestations", dependencies: ["OCIModel", "InToto", "Sigstore"], swiftSettings: strict),
        .target(name: "VersionSchemes", swiftSettings: strict),
        .target(name: "YAMLInput", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: strict),
        .target(
            name: "Doctor",
            dependencies: ["YAMLInput", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/triage-knowledge.json")],
            swiftSettings: strict
        ),
        .target(
            name: "VulnDB",
            dependencies: ["OCIModel", "Catalog", "VersionSchemes", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "VulnMatch",
            dependencies: ["Catalog", "VersionSchemes", "VulnDB", "YAMLInput", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(name: "Reporting", dependencies: [], swiftSettings: strict),
        .executableTarget(
            name: "hallmark",
            dependencies: [
                "OCIModel", "OCIRegistry", "OCILayout", "ImageCopy", "Attestations", "Reporting",
                "Catalog", "ImageFS", "SBOMFormats", "InToto", "Sigstore", "VulnMatch", "VulnDB", "Doctor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "hallmark-bench",
            dependencies: ["InToto", "Sigstore", "OCIModel"],
            path: "Benchmarks/HallmarkBench",
            swiftSettings: strict
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "OCIModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "OCIModelTests", dependencies: ["OCIModel", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "OCILayoutTests", dependencies: ["OCILayout", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "BinaryCatalogTests", dependencies: ["Catalog"], swiftSettings: strict),
        .testTarget(
            name: "ImageFSTests",
            dependencies: ["ImageFS", "Catalog", "OCIModel", "OCILayout", "TestSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SBOMFormatsTests",
            dependencies: ["SBOMFormats", "Catalog", "OCIModel", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(name: "InTotoTests", dependencies: ["InToto", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "SigstoreTests", dependencies: ["Sigstore", "InToto", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "DoctorTests", dependencies: ["Doctor", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "YAMLInputTests", dependencies: ["YAMLInput"], swiftSettings: strict),
        .testTarget(name: "VersionSchemesTests", dependencies: ["VersionSchemes", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "VulnDBTests", dependencies: ["VulnDB", "OCIModel", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "VulnMatchTests",
            dependencies: ["VulnMatch", "VulnDB", "Catalog", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(name: "OCIRegistryTests", dependencies: ["OCIRegistry", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["OCIModel", "OCIRegistry", "OCILayout", "ImageCopy", "Attestations", "TestSupport", "hallmark"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(name: "HostileInputTests", dependencies: ["OCIModel", "TestSupport", "hallmark"], swiftSettings: strict),
    ]
)
