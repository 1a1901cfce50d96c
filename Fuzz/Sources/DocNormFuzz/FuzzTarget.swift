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
    var bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // An input starting with NUL is refused as binary anyway; use it to fuzz
    // `--encoding`: the second byte picks the charset, the rest is the input.
    var encoding: String?
    if bytes.count >= 2 && bytes[0] == 0 {
        encoding = forcedEncodings[Int(bytes[1]) % forcedEncodings.count]
        bytes.removeFirst(2)
    }
    let violations = Guarantees.check(bytes, pipeline: fuzzPipeline, encoding: encoding)
    if !violations.isEmpty {
        fatalError("guarantee broken: " + violations.map(\.description).joined(separator: "; "))
    }
    return 0
}

/// Charsets a user may name with `--encoding`.
let forcedEncodings = ["GB18030", "GBK", "Big5", "UTF-16LE", "UTF-16BE", "UTF-8", "ISO-2022-CN", "HZ",
                       "Shift_JIS", "EUC-KR", "windows-1252", "UTF-32LE"]

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
