import Foundation

/// Runs blocking work (waiting for a child process, reading a pipe to its end) on a
/// thread of its own and awaits the result, so Swift concurrency's few cooperative
/// threads (two on a two-core machine) stay free for the other tests running at the
/// same time.
public func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
