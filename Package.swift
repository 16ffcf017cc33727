// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The default templates and assets ship inside the binary (`.embedInCode`), so a portal folder
/// holding only congkhai.yaml and content/ builds: every file of `templates/` (which
/// Sources/CongKhai/DefaultTemplates links to) and of `templates/assets/`, read here so that a
/// template added there needs no second list. DefaultTemplates.swift names each for the renderer
/// (a test checks it names them all). SwiftPM keeps what this file said until its text changes
/// (its manifest cache): after adding a file to templates/, `make build` or `make test` (which
/// keep that cache in .build and remove it with a plan older than templates/), or run
/// `swift build --manifest-cache none` once.
let templateFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("templates")
let templateFiles: [String] = ["", "assets/"].flatMap { sub -> [String] in
    let names =
        (try? FileManager.default.contentsOfDirectory(atPath: templateFolder.appendingPathComponent(sub).path)) ?? []
    // Hidden files (".DS_Store", an editor's swap file) are no templates.
    return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".mustache") || sub == "assets/") }.sorted().map {
        sub + $0
    }
}
let embeddedTemplates: [Resource] =
    templateFiles.map { .embedInCode("DefaultTemplates/\($0)") } + [
        // What Thông tư 09/2024/TT-BGDĐT requires of each kind of unit (docs/compliance.md).
        .embedInCode("Obligations/tt09-2024.yaml")
    ]

/// Modules, each depending only on those above it (docs/architecture.md):
/// VietText → Citations → Import → CongKhai (the site pipeline) → Serve (the preview server) →
/// congkhai (the command line).
let package = Package(
    name: "congkhai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "congkhai", targets: ["congkhai"]),
        .library(name: "CongKhai", targets: ["CongKhai"]),
        .library(name: "VietText", targets: ["VietText"]),
        .library(name: "Citations", targets: ["Citations"]),
        .library(name: "Import", targets: ["Import"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        // Named for `congkhai serve`, which uses them beside Hummingbird (its own dependencies,
        // at the versions it resolves to).
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        // The desk's accounts (bcrypt) and serving it beyond this computer (TLS).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6")
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libxml2's HTML parser, for `congkhai import` of saved web pages.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CAtomicSwap"),
        // Vietnamese text: NFC, folding, collation, legacy encodings; the vocabulary (document
        // types, proper names); dates, numbers and school years; bilingual messages.
        .target(name: "VietText"),
        // The citation scanner, directive keys, issuing levels: no cmark, no Mustache.
        .target(name: "Citations", dependencies: ["VietText"]),
        // Word, PDF and text files to portal documents: readers, layout recognition, writers.
        .target(
            name: "Import",
            dependencies: [
                "VietText",
                "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ]
        ),
        // The site pipeline: load, parse, resolve, render, write; search; incremental builds.
        .target(
            name: "CongKhai",
            dependencies: [
                "VietText", "Citations", "Import",
                "CCmarkGFM",
                "CAtomicSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto")
            ],
            resources: embeddedTemplates
        ),
        // `congkhai serve`: the portal over HTTP while it is edited, rebuilt and reloaded.
        .target(
            name: "Serve",
            dependencies: [
                "CongKhai", "VietText", "Import",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle")
            ]
        ),
        .executableTarget(
            name: "congkhai",
            dependencies: [
                "CongKhai", "VietText", "Citations", "Import", "Serve",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            // `congkhai --version`: VERSION (linked into BuildInfo/) and the commit the Makefile
            // writes into BuildInfo/commit.txt before each build, read by the BuildCommit plugin.
            exclude: ["BuildInfo/commit.txt"],
            resources: [.embedInCode("BuildInfo/VERSION")],
            plugins: ["BuildCommit"]
        ),
        .plugin(name: "BuildCommit", capability: .buildTool()),
        // What the test targets share: the seeds' and example portal's paths, portal fixtures.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "VietTextTests", dependencies: ["VietText", "TestSupport"]),
        .testTarget(name: "CitationsTests", dependencies: ["Citations", "VietText", "TestSupport"]),
        .testTarget(
            name: "ImportTests",
            dependencies: [
                "Import", "Citations", "CongKhai", "VietText", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ]
        ),
        .testTarget(
            name: "CongKhaiTests",
            dependencies: [
                "CongKhai", "Citations", "Import", "VietText", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache")
            ]
        ),
        .testTarget(name: "ServeTests", dependencies: ["Serve", "CongKhai", "VietText", "TestSupport"]),
        .testTarget(
            name: "congkhaiTests", dependencies: ["congkhai", "CongKhai", "Citations", "VietText", "TestSupport"])
    ],
    swiftLanguageModes: [.v6]
)
