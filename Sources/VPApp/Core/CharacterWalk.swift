/// The characters of a text's UTF-8 bytes with their display widths, found without the
/// grapheme-breaking of `String`'s character view where it cannot matter.
///
/// A scalar below U+0300 other than a carriage return, followed by another scalar below U+0300
/// (or by nothing), is a character of its own: no rule of Unicode's grapheme clusters joins it to
/// what follows (marks that extend a character, and the joiner, are all at U+0300 and above).
/// Such a scalar, nearly all of a Swedish plan's text, is taken as it is. Anything else, a run
/// up to where a character surely starts again, is split into characters by `String` as before,
/// so that "e" with a combining accent, emoji sequences, wide characters and "\r\n" are the
/// characters they always were. Drawing and wrapping walk texts this way on every frame;
/// by `String`'s characters, a text with one "–" or "…" cost several times a Latin one.
struct CharacterWalk: IteratorProtocol {
    /// One character: its single scalar (`isRun` false), or one of a run's characters (then
    /// the walk's `character`); its display width, and the byte offset just after it. A plain
    /// value, so that the walk costs no reference counting.
    struct Piece {
        var scalar: UInt32
        var isRun: Bool
        var width: Int
        var end: Int
    }

    /// The character of the last piece when it came from a run.
    private(set) var character: Character = " "

    /// Whether the last piece is this one-scalar character (" ", "\n"); a character of several
    /// scalars that starts with it is not.
    @inline(__always)
    func isAlone(_ piece: Piece, _ value: UInt32) -> Bool {
        if !piece.isRun { return piece.scalar == value }
        return character.unicodeScalars.count == 1 && character.unicodeScalars.first?.value == value
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var run: String.Iterator?
    private var runOffset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    @inline(__always)
    mutating func next() -> Piece? {
        if run != nil {
            if let character = run?.next() {
                runOffset += character.utf8.count
                self.character = character
                return Piece(scalar: 0, isRun: true, width: DisplayWidth.of(character), end: runOffset)
            }
            run = nil
        }
        let count = bytes.count
        guard index < count else { return nil }
        let (value, length) = Self.decode(bytes, index)
        let next = index + length
        // The next scalar is below U+0300 when its first byte is ASCII or C2…CB.
        if value < 0x300 && value != 0x0D && (next == count || bytes[next] < 0xCC) {
            index = next
            return Piece(scalar: value, isRun: false, width: DisplayWidth.isControl(value) ? 0 : 1, end: next)
        }
        // A run of scalars up to one below U+0300 that nothing before it can join.
        var runEnd = next
        var previous = value
        while runEnd < count {
            let (value, length) = Self.decode(bytes, runEnd)
            if value < 0x300 && !(value == 0x0A && previous == 0x0D) && previous != 0x200D && !Self.isPrepend(previous) { break }
            previous = value
            runEnd += length
        }
        runOffset = index
        run = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]), as: UTF8.self).makeIterator()
        index = runEnd
        return self.next()
    }

    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1]) & 0x3F, 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | UInt32(bytes[index + 2]) & 0x3F, 3)
        }
        return ((lead & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12 | (UInt32(bytes[index + 2]) & 0x3F) << 6
                | UInt32(bytes[index + 3]) & 0x3F, 4)
    }

    /// Scalars that join what follows them (Grapheme_Cluster_Break = Prepend).
    static func isPrepend(_ value: UInt32) -> Bool {
        guard value >= 0x600 else { return false }
        switch value {
        case 0x600...0x605, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0xD4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
             0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02:
            return true
        default:
            return false
        }
    }
}
