import DocNorm
#if canImport(Glibc)
import Glibc
#endif

/// The whole pipeline over arbitrary bytes, built once like the CLI builds it.
let fuzzPipeline = try! Pipeline(rules: RuleSet.load())

/// One fuzz input: run the pipeline with tracing and check every guarantee
/// (README, "Guarantees"); a broken one is a crash, so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var violations = Guarantees.check(bytes, pipeline: fuzzPipeline)
    if toleratesKnownJoinWrap, violations.count == 1, violations[0].guarantee == "idempotence", onlyJoinsDiffer(bytes) {
        violations = []
    }
    if !violations.isEmpty {
        fatalError("guarantee broken: " + violations.map(\.description).joined(separator: "; "))
    }
    return 0
}

/// With DOCNORM_FUZZ_TOLERATE_JOIN_WRAP=1 a second run that only joins more
/// lines is not a crash: the known join-wrap issue (docs/fuzzing.md) would
/// otherwise stop every run before it finds anything else.
let toleratesKnownJoinWrap = getenv("DOCNORM_FUZZ_TOLERATE_JOIN_WRAP").map { String(cString: $0) == "1" } ?? false

/// Whether the first and second runs' outputs differ only in line breaks and spaces.
func onlyJoinsDiffer(_ bytes: [UInt8]) -> Bool {
    guard let once = try? TextRenderer.render(fuzzPipeline.run(bytes)),
          let twice = try? TextRenderer.render(fuzzPipeline.run(Array(once.utf8))) else { return false }
    func letters(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.filter { $0 != "\n" && $0 != " " } }
    return letters(once) == letters(twice)
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
