extension DisplayWidth {
    /// The text cut to a width of columns, ending in the ellipsis when it does not fit whole.
    public static func truncated(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        let room = width - of(ellipsis)
        var kept = ""
        var used = 0
        for character in text {
            used += of(character)
            if used > room { break }
            kept.append(character)
        }
        return kept + ellipsis
    }
}
