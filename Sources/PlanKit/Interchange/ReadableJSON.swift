import Foundation

/// JSON as vp-tui writes it for people and scripts: indented, keys sorted (the same bytes for the
/// same data), slashes unescaped, ending in a newline.
public enum ReadableJSON {
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
