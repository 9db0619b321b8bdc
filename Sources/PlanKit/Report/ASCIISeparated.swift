/// Splitting at and replacing ASCII strings ("\n\n", "|") by their UTF-8 bytes.
///
/// The same results as Foundation's `components(separatedBy:)` and
/// `replacingOccurrences(of:with:)` for an ASCII target, occurrences found left to right and
/// none overlapping: Foundation splits only where the target is whole characters (not at the
/// "\n" of a "\r\n", nor at a "|" that a combining mark belongs to), and replaces where its
/// scalars are and no combining mark follows them (so also the "\n" of a "\r\n"); so do these.
/// They look at the bytes and ask for character boundaries only where the target's bytes are,
/// where Foundation's way walks every character (docs/PERFORMANCE.md).
extension String {
    func pieces(separatedBy separator: String) -> [String] {
        let target = Array(separator.utf8)
        precondition(!target.isEmpty && target.allSatisfy { $0 < 0x80 }, "an ASCII separator")
        var text = self
        return text.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            var index = 0
            while index + target.count <= bytes.count {
                if bytes[index] == target[0] && isWhole(target, in: bytes, at: index) {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    index += target.count
                    start = index
                } else {
                    index += 1
                }
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return pieces
        }
    }

    func replacingEvery(_ separator: String, with replacement: String) -> String {
        let target = Array(separator.utf8)
        precondition(!target.isEmpty && target.allSatisfy { $0 < 0x80 }, "an ASCII target")
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.contains(target[0]) else { return self }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == target[0] && index + target.count <= bytes.count && Self.matches(target, in: bytes, at: index)
                    && !startsWithCombiningMark(bytes, at: index + target.count) {
                    result.append(contentsOf: replacement.utf8)
                    index += target.count
                } else {
                    result.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    private static func matches(_ target: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        for offset in 1..<target.count where bytes[index + offset] != target[offset] { return false }
        return true
    }

    private func startsWithCombiningMark(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset < bytes.count, bytes[offset] >= 0x80 else { return false }
        let scalar = unicodeScalars[utf8.index(utf8.startIndex, offsetBy: offset)]
        return scalar.properties.isGraphemeExtend
    }

    /// Whether the target's bytes are at `index`, as whole characters of this text.
    private func isWhole(_ target: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        Self.matches(target, in: bytes, at: index)
            && isCharacterBoundary(index, in: bytes) && isCharacterBoundary(index + target.count, in: bytes)
    }

    private func isCharacterBoundary(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if offset == 0 || offset == bytes.count { return true }
        // Between two ASCII characters other than "\r\n" there is always a boundary.
        let before = bytes[offset - 1]
        let after = bytes[offset]
        if before < 0x80 && after < 0x80 && !(before == 0x0D && after == 0x0A) { return true }
        return String.Index(utf8.index(utf8.startIndex, offsetBy: offset), within: self) != nil
    }
}
