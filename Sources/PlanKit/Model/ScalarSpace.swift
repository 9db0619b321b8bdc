/// White space read scalar by scalar, without Foundation, for texts read on every plan load
/// (targets, numbers) and on every line of an imported document.
extension Unicode.Scalar {
    /// White space as `CharacterSet.whitespaces` has it: a tab or a space separator.
    public var isBlankSpace: Bool {
        self == "\t" || properties.generalCategory == .spaceSeparator
    }
}

extension String {
    /// The text without the scalars `isSpace` accepts at either end; the text itself when there
    /// are none.
    func trimmingScalars(_ isSpace: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
