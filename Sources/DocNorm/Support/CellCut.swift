/// Where a table's text is cut into cells: at a separator (space, TAB, `|`),
/// and before a scalar that opens a cell right after an ASCII digit (增, 减:
/// stage 1 removes the space in 286 减12, so 1增1减5 is the three cells 1,
/// 增1 and 减5). A scalar that opens a text's first cell (增3) cuts nothing.
///
/// Shared because three readers must cut alike: stage 3's cell stream
/// (CellStream, the source of the cut), the settle probe's shortcut
/// (TableFixpoint, which takes a grid cell for one value only where the
/// stream reads it as one) and stage 2's values-line test
/// (WrapJoining.isValuesLine: a table's cells as stage 3 will read them).
/// Each once had its own copy of the cut.
struct CellCut {
    /// Scalars that open a cell right after a digit (`ValueGrammar.hanPrefixes`).
    let opensAfterDigit: Set<Unicode.Scalar>
    /// Whether any of them is ASCII (none in the rules: they are Han): an
    /// ASCII scalar after a digit is then looked up in no set (digits follow
    /// digits in every number).
    private let opensAfterASCII: Bool

    init(opensAfterDigit: Set<Unicode.Scalar>) {
        self.opensAfterDigit = opensAfterDigit
        opensAfterASCII = opensAfterDigit.contains { $0.isASCII }
    }

    /// What a scalar is to the cut.
    enum Mark {
        /// Space, TAB or `|`: no cell's scalar.
        case separator
        /// The first scalar of a cell that follows the one before it with no separator (增 of 1增1).
        case opensCell
        /// Any other scalar: it goes on the cell it is in (or opens one after a separator).
        case insideCell
    }

    /// Whether an ASCII byte separates cells: space, TAB, `|`.
    @inline(__always)
    static func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x7C }

    /// Whether a scalar separates cells: space, TAB, `|`.
    @inline(__always)
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && isSeparator(UInt8(truncatingIfNeeded: scalar.value)) }

    /// The mark of the ASCII scalar `byte`. `afterDigit`, whether the scalar
    /// before is an ASCII digit (false at a text's start), is moved past it.
    /// (Stage 3 reads a line's bytes and has the ASCII ones apart.)
    @inline(__always)
    func mark(ascii byte: UInt8, afterDigit: inout Bool) -> Mark {
        if Self.isSeparator(byte) {
            afterDigit = false
            return .separator
        }
        let opens = afterDigit && opensAfterASCII && opensAfterDigit.contains(Unicode.Scalar(byte))
        afterDigit = byte &- 0x30 < 10
        return opens ? .opensCell : .insideCell
    }

    /// The mark of a scalar that is not ASCII (never a separator or a digit);
    /// `afterDigit` as for `mark(ascii:afterDigit:)`.
    @inline(__always)
    func mark(nonASCII scalar: Unicode.Scalar, afterDigit: inout Bool) -> Mark {
        let opens = afterDigit && opensAfterDigit.contains(scalar)
        afterDigit = false
        return opens ? .opensCell : .insideCell
    }

    /// The mark of any scalar; `afterDigit` as for `mark(ascii:afterDigit:)`.
    @inline(__always)
    func mark(_ scalar: Unicode.Scalar, afterDigit: inout Bool) -> Mark {
        scalar.isASCII ? mark(ascii: UInt8(truncatingIfNeeded: scalar.value), afterDigit: &afterDigit)
            : mark(nonASCII: scalar, afterDigit: &afterDigit)
    }

    /// Where the cell that opens at `start` ends (exclusive): at the first
    /// separator, or at a scalar that opens a cell after a digit; `start`
    /// itself when a separator is there.
    func cellEnd<Scalars: Collection>(in scalars: Scalars, from start: Scalars.Index) -> Scalars.Index
    where Scalars.Element == Unicode.Scalar {
        var afterDigit = false, i = start
        while i < scalars.endIndex {
            if mark(scalars[i], afterDigit: &afterDigit) != .insideCell { return i }
            scalars.formIndex(after: &i)
        }
        return i
    }

    /// Whether `predicate` holds for every cell of `scalars`, in order (no
    /// empty one: separators side by side make none); stops at the first
    /// that fails.
    func allCells<Scalars: Collection>(in scalars: Scalars, satisfy predicate: (Scalars.SubSequence) -> Bool) -> Bool
    where Scalars.Element == Unicode.Scalar {
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let end = cellEnd(in: scalars, from: i)
            if end == i {  // a separator
                scalars.formIndex(after: &i)
                continue
            }
            guard predicate(scalars[i..<end]) else { return false }
            i = end
        }
        return true
    }
}
