// swift-tools-version:6.0
import PackageDescription

// The libFuzzer target over the whole pipeline. A package of its own, so that
// the root package's `swift build` and `swift test` never see the fuzzer's
// flags or its entry point. Build and run it with scripts/fuzz.sh.
let package = Package(
    name: "DocNormFuzz",
    dependencies: [.package(name: "docnorm", path: "..")],
    targets: [
        .executableTarget(
            name: "DocNormFuzz",
            dependencies: [.product(name: "DocNorm", package: "docnorm")]
        ),
    ]
)
