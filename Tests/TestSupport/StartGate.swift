/// Lets at most `permits` callers through at once; the others wait their turn in order.
///
/// Starting many servers at the same moment on a busy two-core machine makes each
/// of them slow to start; a gate keeps starts to what the machine can do while the
/// servers already started keep running.
public actor StartGate {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(permits: Int) {
        available = permits
    }

    /// Runs `body` once a permit is free, and frees it afterwards.
    public func withPermit<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
