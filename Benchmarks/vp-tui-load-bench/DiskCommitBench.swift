import BenchSupport
import Foundation

/// The disk's own commit: 8 kB written into a file of 16 MB made beforehand, then `fdatasync`,
/// at a steady rate, as a database's log is written and flushed at each commit. A saved change
/// on PostgreSQL (and on SQLite in WAL mode) waits for one such flush, so this is the part of
/// the saves' p99 that no statement can lower. In the folder given (the cluster's, or the
/// database file's), on its disk.
func benchDiskCommit(_ arguments: Arguments) {
    let folder = arguments.require("dir")
    let seconds = arguments.double("seconds", 20)
    let rate = arguments.double("rate", 60)
    let path = folder + "/vp-tui-disk-bench-\(getpid())"
    let size = 16 << 20, block = 8192
    guard FileManager.default.createFile(atPath: path, contents: Data(count: size)) else { fail("cannot write in \(folder)") }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let descriptor = open(path, O_RDWR)
    guard descriptor >= 0 else { fail("cannot open \(path)") }
    defer { close(descriptor) }
    fsync(descriptor)
    let page = [UInt8](repeating: 0x5A, count: block)
    var latencies: [Double] = []
    var offset = 0
    let interval = UInt64(1_000_000_000 / rate)
    let end = now() + UInt64(seconds * 1_000_000_000)
    var next = now()
    while next < end {
        let current = now()
        if next > current { usleep(UInt32((next - current) / 1_000)) }
        let began = now()
        guard pwrite(descriptor, page, block, off_t(offset)) == block, fdatasync(descriptor) == 0 else { fail("cannot write \(path)") }
        latencies.append(milliseconds(now() - began))
        offset = (offset + block) % size
        next += interval
    }
    emitDistribution("disk.commit", latencies)
    emit("disk.commit.over10ms", Double(latencies.filter { $0 > 10 }.count), unit: "n")
}
