extension TextEditor {
    /// Makes text safe to keep in the editor: what arrives from a paste, a key, an external editor
    /// or the database may carry Windows line endings, tabs and control characters.
    ///
    /// - CRLF and lone CR become "\n" (so "\n" is the only line break, and the only control
    ///   character, the editor ever sees; it is also always a grapheme cluster of its own).
    /// - A tab becomes two spaces, like the Tab key: a tab has no fixed width on our cell grid.
    /// - Other C0 controls, DEL and C1 controls are removed: they have no width and would reach
    ///   the terminal as commands when drawn.
    /// - Everything else is kept as is, U+FFFD (a replacement for bytes that were not valid UTF-8)
    ///   included, so that nothing the user wrote silently disappears.
    static func sanitize(_ input: String) -> String {
        // Most input (typed characters, ordinary pastes) needs no change; don't copy it.
        guard input.unicodeScalars.contains(where: needsCleaning) else { return input }
        var output = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in input.unicodeScalars {
            let afterCarriageReturn = previousWasCarriageReturn
            previousWasCarriageReturn = false
            switch scalar.value {
            case 0x0D:
                output.append("\n")
                previousWasCarriageReturn = true
            case 0x0A:
                // The "\n" of a CRLF was already written for the CR.
                if !afterCarriageReturn { output.append(scalar) }
            case 0x09:
                output.append(contentsOf: "  ".unicodeScalars)
            case 0x00..<0x20, 0x7F..<0xA0:
                continue
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    private static func needsCleaning(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A) || (0x7F..<0xA0).contains(value)
    }
}
