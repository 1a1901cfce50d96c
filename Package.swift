// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "docnorm",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docnorm", targets: ["docnorm"]),
        .library(name: "DocNorm", targets: ["DocNorm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The system ICU (libicu-dev), found through pkg-config. Its header holds
        // static inline forwarders, because ICU's C names are version-suffixed macros.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // System calls the Glibc module does not declare (syncfs, for batch
        // output; malloc_trim, after the pipeline's largest frees).
        .systemLibrary(name: "CSystem"),
        // Plain-Swift face of ICU. It must not import Foundation: Foundation carries
        // its own ICU, and both in one module breaks clean builds (see docs/icu.md).
        .target(name: "ICUKit", dependencies: ["CICU"]),
        // The pipeline: decode, normalize, repair lines, tokenize tables, recover
        // structure, render.
        .target(name: "DocNorm", dependencies: ["ICUKit", "CSystem"]),
        .executableTarget(
            name: "docnorm",
            dependencies: [
                "DocNorm",
                "CSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "DocNormTestSupport", dependencies: ["DocNorm"], path: "Tests/DocNormTestSupport"),
        .testTarget(name: "DocNormTests", dependencies: ["DocNorm", "DocNormTestSupport"]),
    ]
)
