import Foundation

// MARK: - Layout cache

extension TextEditor {
    /// How many visual lines each paragraph has at one width, so that drawing can find the
    /// paragraph at a given screen row and the cursor's row without wrapping the whole text.
    ///
    /// Built once per width (O(text)); after that each edit re-wraps only the paragraphs it touched
    /// and recomputes the prefix sums (O(number of paragraphs)), which keeps a 5 MB text responsive.
    struct LayoutCache: Equatable, Sendable {
        let width: Int
        /// UTF-8 length of each paragraph, without its "\n".
        private(set) var lengths: [Int] = []
        /// Visual lines of each paragraph; at least 1.
        private(set) var rowCounts: [Int] = []
        /// UTF-8 offset where each paragraph starts.
        private(set) var starts: [Int] = []
        /// The row (counted over the whole text) of each paragraph's first visual line.
        private(set) var rowStarts: [Int] = []
        private(set) var totalRows = 0

        init(text: String, width: Int) {
            self.width = width
            (lengths, rowCounts) = Self.measure(text, from: 0, to: text.utf8.count, width: width)
            rebuildPrefixSums()
        }

        var paragraphCount: Int { lengths.count }

        /// Measures the paragraphs of text[from..<to], where `from` starts a paragraph and `to`
        /// ends one (a "\n" or the end of the text).
        private static func measure(_ text: String, from: Int, to: Int, width: Int) -> ([Int], [Int]) {
            var lengths: [Int] = []
            var rows: [Int] = []
            var start = from
            while true {
                let end = TextEditor.nextNewline(in: text, from: start, limit: to) ?? to
                lengths.append(end - start)
                rows.append(TextEditor.wrap(text, from: start, to: end, width: width).count)
                if end >= to { break }
                start = end + 1
            }
            return (lengths, rows)
        }

        private mutating func rebuildPrefixSums() {
            starts.removeAll(keepingCapacity: true)
            rowStarts.removeAll(keepingCapacity: true)
            var start = 0
            var row = 0
            for index in lengths.indices {
                starts.append(start)
                rowStarts.append(row)
                start += lengths[index] + 1
                row += rowCounts[index]
            }
            totalRows = row
        }

        /// The paragraph holding a UTF-8 offset (the offset of its "\n" included).
        func paragraphIndex(containingUTF8 offset: Int) -> Int {
            Self.lastIndex(in: starts, notAfter: offset)
        }

        /// The paragraph whose visual lines include a row.
        func paragraphIndex(containingRow row: Int) -> Int {
            Self.lastIndex(in: rowStarts, notAfter: row)
        }

        private static func lastIndex(in sorted: [Int], notAfter value: Int) -> Int {
            // Binary search for the last element <= value; rowStarts may repeat no value since
            // every paragraph has at least one row, and starts strictly increase.
            var low = 0
            var high = sorted.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if sorted[middle] <= value { low = middle } else { high = middle - 1 }
            }
            return low
        }

        /// The part of the text an edit of text[lo..<hi] (UTF-8, before the edit) can re-wrap:
        /// the paragraphs from the one holding `lo` to the one holding `hi`.
        func affectedRegion(lo: Int, hi: Int) -> (first: Int, last: Int, start: Int, end: Int) {
            let first = paragraphIndex(containingUTF8: lo)
            let last = paragraphIndex(containingUTF8: hi)
            return (first, last, starts[first], starts[last] + lengths[last])
        }

        /// After the edit: re-measures the region, which now ends at `newEnd`.
        mutating func update(region: (first: Int, last: Int, start: Int, end: Int), newEnd: Int, text: String) {
            let (newLengths, newRows) = Self.measure(text, from: region.start, to: newEnd, width: width)
            lengths.replaceSubrange(region.first...region.last, with: newLengths)
            rowCounts.replaceSubrange(region.first...region.last, with: newRows)
            rebuildPrefixSums()
        }
    }

    /// Holds the layout cache inside the value type without making it part of equality: two
    /// editors with the same text, cursor and history are equal whether or not one has drawn.
    ///
    /// The cache lives in an object that copies of the editor share, because the app draws a
    /// copy of the editor it keeps in its state: a cache kept in the copy would be built anew
    /// for every frame. Each edit gives the text a version number never used before, and the
    /// cache is only used by an editor whose text has the version it was built for.
    struct LayoutCacheBox: Equatable, Sendable {
        private let storage = Storage()
        private var version = Storage.newVersion()

        var cache: LayoutCache? {
            get { storage.cache(for: version) }
            nonmutating set { storage.set(newValue, for: version) }
        }

        /// The text changed: what is cached no longer applies to it.
        mutating func textChanged() {
            version = Storage.newVersion()
        }

        static func == (lhs: LayoutCacheBox, rhs: LayoutCacheBox) -> Bool { true }

        private final class Storage: @unchecked Sendable {
            private let lock = NSLock()
            private var cache: LayoutCache?
            private var version: UInt64 = 0

            private static let counterLock = NSLock()
            nonisolated(unsafe) private static var counter: UInt64 = 0

            static func newVersion() -> UInt64 {
                counterLock.lock()
                defer { counterLock.unlock() }
                counter += 1
                return counter
            }

            func cache(for version: UInt64) -> LayoutCache? {
                lock.lock()
                defer { lock.unlock() }
                return self.version == version ? cache : nil
            }

            func set(_ cache: LayoutCache?, for version: UInt64) {
                lock.lock()
                defer { lock.unlock() }
                self.cache = cache
                self.version = version
            }
        }
    }
}
