import DocNorm

/// The whole pipeline over arbitrary bytes, built once like the CLI builds it.
let fuzzPipeline = try! Pipeline(rules: RuleSet.load())

/// One fuzz input: run the pipeline with tracing and check every guarantee
/// (README, "Guarantees"); a broken one is a crash, so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let violations = Guarantees.check(bytes, pipeline: fuzzPipeline)
    if !violations.isEmpty {
        fatalError("guarantee broken: " + violations.map(\.description).joined(separator: "; "))
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// SwiftPM links an executable's entry point as `<module>_main` (so that tests
/// can import executables) and libFuzzer's own `main` is never pulled in; this
/// hands control to libFuzzer's driver instead.
@_cdecl("DocNormFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
