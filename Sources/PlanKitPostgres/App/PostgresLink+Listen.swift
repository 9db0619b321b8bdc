import Foundation
import PostgresNIO

/// Hearing the server's notifications and its going away, for the app that keeps a local copy.
extension PostgresLink {
    /// Calls `heard` with the payload of every notification on `channel` (the server sends
    /// `LISTEN` when the first listener is added). Runs on the connection's event loop: `heard`
    /// must not wait.
    public func listen(_ channel: String, _ heard: @escaping @Sendable (_ payload: String, _ senderProcess: Int32) -> Void) {
        connection.addListener(channel: channel) { _, notification in
            heard(notification.payload, notification.backendPID)
        }
    }

    /// Waits until the server listens on `channels` for this connection: the driver sends each
    /// `LISTEN` on its own, after statements sent meanwhile, and a notification committed before
    /// it is in place is not delivered.
    func waitForListening(_ channels: Set<String>) throws {
        let deadline = Date().addingTimeInterval(Double(Self.statementDeadline))
        while true {
            let listening = Set(try run("SELECT pg_listening_channels()").values.compactMap { row in
                if case .text(let channel) = row.first { channel } else { nil }
            })
            if channels.isSubset(of: listening) { return }
            guard Date() < deadline else { throw PostgresStoreError.serverNotAnswering(address, .lost) }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    /// Calls `body` once the connection is closed, by the server or by this side.
    func whenClosed(_ body: @escaping @Sendable () -> Void) {
        connection.closeFuture.whenComplete { _ in body() }
    }

    /// The server process of this connection: notifications it sent itself carry it.
    func serverProcess() throws -> Int32 {
        guard case .integer(let pid)? = try run("SELECT pg_backend_pid()").single else { return 0 }
        return Int32(truncatingIfNeeded: pid)
    }
}
