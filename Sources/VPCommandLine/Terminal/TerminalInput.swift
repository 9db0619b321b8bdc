import CNcurses
import Foundation
import VPApp

extension Terminal {
    /// Waits up to `timeoutMilliseconds` (negative: forever, 0: just looks) for one key.
    /// Returns nil on timeout and on a signal (see `pendingSignal`).
    ///
    /// The bytes are read from the terminal here and decoded by `KeyDecoder`; ncurses only
    /// draws. An Alt chord that `altChordIsBound` does not claim is handed out as the two keys
    /// it was typed as, Esc and the key.
    func readKey(timeoutMilliseconds: Int32) -> KeyEvent? {
        guard started, !suspended else { return nil }
        let deadline = timeoutMilliseconds < 0 ? nil : ContinuousClock.now + .milliseconds(Int64(timeoutMilliseconds))
        while true {
            if pendingSignal != nil { return nil }
            if TerminalSignals.takeWindowChange() { return resized() }
            if !queuedKeys.isEmpty { return deliver(queuedKeys.removeFirst()) }

            // An incomplete sequence waits its own time, whatever the caller's timeout.
            let wait: Int32
            if let pending = decoder.pendingWait {
                wait = Int32(pending)
            } else if let deadline {
                let left = deadline - ContinuousClock.now
                wait = max(0, Int32(left.components.seconds * 1_000 + left.components.attoseconds / 1_000_000_000_000_000))
            } else {
                wait = -1
            }
            switch readInput(timeoutMilliseconds: wait) {
            case .bytes(let bytes):
                queuedKeys += decoder.feed(bytes)
            case .timedOut:
                guard decoder.pendingWait != nil else { return nil }
                queuedKeys += decoder.timeout()
            case .interrupted:
                continue
            case .closed:
                inputClosed = true
                return nil
            }
        }
    }

    /// Hands out a decoded key, splitting an Alt chord nothing binds into Esc and the key.
    private func deliver(_ key: KeyEvent) -> KeyEvent {
        guard case .alt = key, !altChordIsBound(key) else { return key }
        let keys = key.asEscapeThenKey
        queuedKeys.insert(contentsOf: keys.dropFirst(), at: 0)
        return keys[0]
    }

    /// The window changed size: ncurses is told, and the old diff base is meaningless now.
    private func resized() -> KeyEvent {
        var windowSize = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &windowSize) == 0, windowSize.ws_col > 0, windowSize.ws_row > 0 {
            resizeterm(Int32(windowSize.ws_row), Int32(windowSize.ws_col))
        }
        output.forget()
        let (width, height) = size()
        return .resize(width: width, height: height)
    }

    enum InputResult {
        case bytes([UInt8])
        case timedOut
        /// A signal arrived while waiting.
        case interrupted
        /// The terminal is gone (end of input or an I/O error after a hang-up).
        case closed
    }

    /// One read of what the terminal has sent, waiting at most the timeout for it.
    func readInput(timeoutMilliseconds: Int32) -> InputResult {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeoutMilliseconds)
        if ready < 0 { return errno == EINTR ? .interrupted : .closed }
        if ready == 0 { return .timedOut }
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count > 0 { return .bytes(Array(buffer[..<count])) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return .interrupted }
        return .closed
    }
}
