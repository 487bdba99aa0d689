import Foundation
import Testing
@testable import OCILayout

/// FIFOs, directories and devices where a layout has files are refused before they are
/// opened: opening a FIFO for reading blocks until a writer comes, forever in a layout.
@Suite("Non-regular files in a layout")
struct NonRegularFileTests {
    @Test("a FIFO is refused at once, naming it")
    func fifo() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let path = dir.at("oci-layout")
        guard mkfifo(path, 0o644) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        let call = OpenOnThread(path)
        let deadline = ContinuousClock.now + .seconds(5)
        while !call.isDone, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        if !call.isDone {
            Issue.record("opening the FIFO blocked")
            let writer = open(path, O_WRONLY | O_NONBLOCK)  // lets the blocked open return
            while !call.isDone { try await Task.sleep(for: .milliseconds(10)) }
            close(writer)
        }
        let message = try #require(call.failure)
        #expect(message.contains(path) && message.contains("not a regular file (a FIFO)"))
    }

    @Test("a directory is refused, naming it")
    func directory() throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.at("index.json"), withIntermediateDirectories: false)
        let error = try #require(throws: LayoutError.self) { try ReadOnlyFile.openIfPresent(dir.at("index.json")) }
        #expect(error.description.contains(dir.at("index.json")) && error.description.contains("a directory"))
    }
}

/// `ReadOnlyFile.openIfPresent` on a thread of its own, so a blocking open never holds a
/// Swift concurrency thread.
private final class OpenOnThread: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var message: String?

    init(_ path: String) {
        Thread.detachNewThread { [self] in
            var text: String?
            do { _ = try ReadOnlyFile.openIfPresent(path) } catch { text = "\(error)" }
            lock.withLock { (done, message) = (true, text) }
        }
    }

    var isDone: Bool { lock.withLock { done } }
    var failure: String? { lock.withLock { message } }
}
