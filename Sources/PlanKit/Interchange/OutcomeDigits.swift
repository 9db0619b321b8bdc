import Foundation

/// Finds an outcome in a JSON file that a `Decimal` cannot hold digit for digit.
///
/// JSONDecoder reads an outcome straight into a `Decimal`, without binary floating point, but
/// rounds a number with more than 38 significant digits without a word, and fails on one out of
/// a `Decimal`'s range (1e-200) without saying where. The decoded value cannot tell, so the
/// number is checked as written: every value whose key is "outcome".
/// The file is valid JSON when this runs (JSONSerialization has read it).
enum OutcomeDigits {
    enum Problem: Equatable {
        case tooManyDigits, outOfRange
    }

    /// The byte offset, text and problem of the first outcome a `Decimal` cannot hold, if any.
    static func firstProblem(in data: Data) -> (offset: Int, written: String, problem: Problem)? {
        let bytes = [UInt8](data)
        var index = 0
        var lastString: (start: Int, end: Int)?
        var afterKey = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index + 1
                index = start
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                lastString = (start, index)
                afterKey = false
                index += 1
                continue
            case UInt8(ascii: ":"):
                afterKey = lastString.map { bytes[$0.start..<$0.end].elementsEqual("outcome".utf8) } ?? false
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                while index < bytes.count, isNumberByte(bytes[index]) { index += 1 }
                let written = String(decoding: bytes[start..<index], as: UTF8.self)
                if afterKey && significantDigits(written) > ExactDecimal.maxDigits { return (start, written, .tooManyDigits) }
                // JSON's decimal point is ".", which `Decimal(string:)` reads without a locale.
                if afterKey && Decimal(string: written) == nil { return (start, written, .outOfRange) }
                afterKey = false
                lastString = nil
                continue
            case UInt8(ascii: ","), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "}"), UInt8(ascii: "]"):
                afterKey = false
                lastString = nil
            default:
                break
            }
            index += 1
        }
        return nil
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// The digits of the number's mantissa from the first non-zero one to the last non-zero one.
    private static func significantDigits(_ written: String) -> Int {
        let mantissa = written.prefix { $0 != "e" && $0 != "E" }.filter(\.isNumber)
        return mantissa.drop { $0 == "0" }.reversed().drop { $0 == "0" }.count
    }
}
