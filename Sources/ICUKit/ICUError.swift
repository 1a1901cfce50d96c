internal import CICU

/// A failure reported by ICU, with the operation that failed and ICU's status code.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let code: Int32

    public var description: String { "ICU \(operation) failed (UErrorCode \(code))" }
}

/// ICU's U_FAILURE is a macro and is not imported: a status above zero is a failure.
@inline(__always)
func check(_ status: UErrorCode, _ operation: String) throws {
    if status.rawValue > 0 { throw ICUError(operation: operation, code: status.rawValue) }
}

/// The version of the ICU library this process runs against, e.g. "72.1".
public var icuVersion: String {
    var info: UVersionInfo = (0, 0, 0, 0)
    cicu_u_getVersion(&info)
    return "\(info.0).\(info.1)"
}
