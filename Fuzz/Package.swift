// swift-tools-version:6.0
// libFuzzer targets for congkhai, kept apart from the main package: they are built only with
// `-sanitize=fuzzer` (scripts/fuzz.sh, `make fuzz`), which supplies main().
import PackageDescription

let fuzzerSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "congkhai-fuzz",
    dependencies: [.package(name: "congkhai", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzFrontMatter",
            dependencies: [
                "FuzzSupport", .product(name: "CongKhai", package: "congkhai"),
                .product(name: "VietText", package: "congkhai")
            ], swiftSettings: fuzzerSettings),
        .executableTarget(
            name: "FuzzCitations",
            dependencies: [
                "FuzzSupport", .product(name: "Citations", package: "congkhai"),
                .product(name: "CongKhai", package: "congkhai")
            ], swiftSettings: fuzzerSettings),
        .executableTarget(
            name: "FuzzImportText", dependencies: ["FuzzSupport", .product(name: "Import", package: "congkhai")],
            swiftSettings: fuzzerSettings)
    ],
    swiftLanguageModes: [.v6]
)
