import Foundation

/// Paths a person gave that the store is opened under another name: a database whose name is
/// not UTF-8 is reached through a link in a private folder (see vp-tui's `RawDatabasePath`).
/// Every message names the path as the person gave it, never the link.
public enum GivenPaths {
    private struct Entry {
        var opened: String
        var shown: String
        var folder: String?
    }

    nonisolated(unsafe) private static var entries: [Entry] = []
    private static let lock = NSLock()

    /// Registers that `opened` stands for what the person gave, written as `shown`; `folder` is
    /// the folder the file is in, when it can be named as a string.
    public static func register(opened: String, shown: String, folder: String?) {
        lock.lock()
        defer { lock.unlock() }
        entries.append(Entry(opened: opened, shown: shown, folder: folder))
    }

    /// The text with each registered opened path replaced by the path as given.
    public static func shown(in text: String) -> String {
        lock.lock()
        let current = entries
        lock.unlock()
        var result = text
        for entry in current where result.contains(entry.opened) {
            result = result.replacingOccurrences(of: entry.opened, with: entry.shown)
        }
        return result
    }

    /// The folder the file that `opened` stands for is in, if `opened` is a registered path
    /// and that folder's name can be written as a string.
    public static func folder(of opened: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return entries.first { $0.opened == opened }?.folder
    }
}
