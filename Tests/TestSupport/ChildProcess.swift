import Foundation

/// Runs a program to its end without blocking Swift concurrency's threads: the
/// waiting happens on threads of its own (see ``offloaded(_:)``).
public enum ChildProcess {
    /// How a program ended and what it wrote.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: [UInt8]
    }

    /// Runs `executable` with `arguments`; `environment` replaces the process's when
    /// given, `stdin` is written to its standard input (else it reads nothing).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: [UInt8]? = nil
    ) async throws -> Output {
        try await offloaded {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            if let environment { process.environment = environment }
            let out = Pipe(), err = Pipe(), input = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = stdin == nil ? FileHandle.nullDevice : input
            try process.run()
            let stderrBytes = PipeDrain(err)
            if let stdin {
                Thread.detachNewThread {
                    try? input.fileHandleForWriting.write(contentsOf: stdin)
                    try? input.fileHandleForWriting.close()
                }
            }
            let stdoutBytes = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Output(status: process.terminationStatus, stdout: Array(stdoutBytes), stderr: stderrBytes.wait())
        }
    }
}

/// Reads a pipe to its end on a thread of its own (so a child filling both of its
/// pipes cannot block on the one not being read).
private final class PipeDrain: @unchecked Sendable {
    // `bytes` is written once by the reading thread before `done` is signalled, and read after waiting for it.
    private var bytes: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            bytes = Array(pipe.fileHandleForReading.readDataToEndOfFile())
            done.signal()
        }
    }

    func wait() -> [UInt8] {
        done.wait()
        return bytes
    }
}
