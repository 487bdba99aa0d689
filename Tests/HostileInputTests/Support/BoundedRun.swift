import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One program run as a child process under bounds on wall time and peak memory, and
/// what it did: exit status, output, seconds taken and peak resident memory. The peak is
/// `wait4`'s `ru_maxrss`, the child's own whatever else the machine runs. On Linux a
/// process started straight from this (large) test process would carry the test
/// process's memory in its `ru_maxrss` (the old address space counts when it execs), so
/// the child is forked by a small Python launcher that reports the child's rusage; the
/// peak then includes at most the launcher's ~10 MB. A child past twice either bound is
/// killed (with the launcher, as one process group), so a case that hangs or balloons
/// fails its test instead of stalling the suite or swamping the machine; the wait polls
/// with `Task.sleep`, never blocking a Swift concurrency thread.
///
/// ```swift
/// let run = BoundedRun(executable: hallmark, arguments: ["inspect", "oci-dir:\(path)"],
///                      limits: BoundedRun.Limits(seconds: 5, megabytes: 200))
/// let outcome = try await run.run()
/// #expect(outcome.isWithin(run.limits), "\(outcome)")
/// #expect(outcome.status == 2 && outcome.stderr.contains("oci-layout"))
/// ```
struct BoundedRun: Sendable {
    /// The most a run may take.
    struct Limits: Sendable, CustomStringConvertible {
        /// Wall-clock seconds from start to exit.
        var seconds: Double
        /// Peak resident memory, in MiB.
        var megabytes: Double

        var description: String { "< \(seconds) s, < \(megabytes) MB" }
    }

    /// What the child did.
    struct Outcome: Sendable, CustomStringConvertible {
        /// The exit status; `nil` when a signal ended the child.
        var status: Int32?
        /// The signal that ended the child (a crash such as SIGILL, or the runner's SIGKILL).
        var signal: Int32?
        var stdout: [UInt8]
        var stderr: String
        /// Wall-clock seconds from start to exit.
        var seconds: Double
        /// Peak resident memory in MiB (`ru_maxrss`).
        var peakMegabytes: Double
        /// Why the runner killed the child, if it did.
        var killedBecause: String?

        var text: String { String(decoding: stdout, as: UTF8.self) }

        /// Whether the child exited by itself within `limits`.
        func isWithin(_ limits: Limits) -> Bool {
            status != nil && seconds < limits.seconds && peakMegabytes < limits.megabytes
        }

        var description: String {
            let end = status.map { "exit \($0)" } ?? "signal \(signal ?? 0)" + (killedBecause.map { " (killed: \($0))" } ?? "")
            let shown = stderr.count > 2000 ? String(stderr.prefix(2000)) + "…" : stderr
            return "\(end) after \(String(format: "%.2f", seconds)) s, peak \(String(format: "%.1f", peakMegabytes)) MB; stderr: \(shown)"
        }
    }

    /// A file that could not be prepared, or a child that could not be started.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    var executable: String
    var arguments: [String]
    /// Variables added to (or replacing those of) this process's environment.
    var environment: [String: String] = [:]
    /// A file given as standard input (`/dev/null` when nil).
    var stdin: String?
    var limits: Limits

    /// How often the child is checked while it runs.
    static let pollInterval = Duration.milliseconds(20)
    /// A child past this multiple of either bound is killed.
    static let killFactor = 2.0

    /// The launcher: forks, execs the program in the child, waits, and writes the child's
    /// raw wait status and `ru_maxrss` to the report file.
    static let launcher = """
        import os, sys
        report, program = sys.argv[1], sys.argv[2:]
        pid = os.fork()
        if pid == 0:
            try:
                os.execv(program[0], program)
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        with open(report, "w") as out:
            out.write(f"{status} {usage.ru_maxrss}")
        """

    /// Starts the child, waits for it (killing it past ``killFactor`` times a bound) and collects what it did.
    func run() async throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-bounded-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = directory + "/stdout", errPath = directory + "/stderr", reportPath = directory + "/rusage"
        let start = ContinuousClock.now
        let pid = try spawn(stdout: outPath, stderr: errPath, report: reportPath)
        var launcherStatus: Int32 = 0
        var observedPeak = 0.0
        var killedBecause: String?
        while true {
            let reaped = waitpid(pid, &launcherStatus, WNOHANG)
            if reaped == pid { break }
            guard reaped == 0 || errno == EINTR else { throw Failure(description: "waitpid failed: \(String(cString: strerror(errno)))") }
            let elapsed = Self.seconds(ContinuousClock.now - start)
            observedPeak = max(observedPeak, Self.residentMegabytes(ofChildOf: pid) ?? 0)
            if killedBecause == nil {
                if Task.isCancelled {
                    killedBecause = "the test was cancelled"
                } else if elapsed > limits.seconds * Self.killFactor {
                    killedBecause = "still running after \(String(format: "%.1f", elapsed)) s"
                } else if observedPeak > limits.megabytes * Self.killFactor {
                    killedBecause = "resident memory reached \(Int(observedPeak)) MB"
                }
                if killedBecause != nil { kill(-pid, SIGKILL) }
            }
            try? await Task.sleep(for: Self.pollInterval)
        }
        let seconds = Self.seconds(ContinuousClock.now - start)
        let report = ((try? String(contentsOfFile: reportPath, encoding: .utf8)) ?? "").split(separator: " ").compactMap { Int($0) }
        let status = report.count == 2 ? Int32(report[0]) : launcherStatus
        let signal = status & 0x7f
        return Outcome(
            status: signal == 0 ? (status >> 8) & 0xff : nil, signal: signal == 0 ? nil : signal,
            stdout: Array((try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()),
            stderr: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self),
            seconds: seconds, peakMegabytes: report.count == 2 ? Self.megabytes(maxResident: report[1]) : observedPeak,
            killedBecause: killedBecause)
    }

    /// Starts the launcher (in a process group of its own) with the child's command, and
    /// standard input, output and error redirected to files.
    private func spawn(stdout: String, stderr: String, report: String) throws -> pid_t {
        let input = try Self.openFile(stdin ?? "/dev/null", O_RDONLY)
        defer { close(input) }
        let output = try Self.openFile(stdout, O_WRONLY | O_CREAT | O_TRUNC)
        defer { close(output) }
        let error = try Self.openFile(stderr, O_WRONLY | O_CREAT | O_TRUNC)
        defer { close(error) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, error, 2)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv = ([Self.python, "-c", Self.launcher, report, executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let result = posix_spawn(&pid, Self.python, &actions, &attributes, argv, envp)
        guard result == 0 else { throw Failure(description: "could not start \(Self.python): \(String(cString: strerror(result)))") }
        return pid
    }

    private static func openFile(_ path: String, _ flags: Int32) throws -> Int32 {
        let fd = open(path, flags | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(description: "could not open \(path): \(String(cString: strerror(errno)))") }
        return fd
    }

    /// The Python the launcher runs on.
    static let python = "/usr/bin/python3"

    /// The resident memory now of the launcher's child, from `/proc` (nil where there is none).
    private static func residentMegabytes(ofChildOf launcher: pid_t) -> Double? {
        guard let children = try? String(contentsOfFile: "/proc/\(launcher)/task/\(launcher)/children", encoding: .utf8),
              let child = children.split(separator: " ").first,
              let text = try? String(contentsOfFile: "/proc/\(child)/statm", encoding: .utf8)
        else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return nil }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / Double(1 << 20)
    }

    /// `ru_maxrss` in MiB: it counts KiB on Linux, bytes on macOS.
    private static func megabytes(maxResident: Int) -> Double {
        #if os(macOS)
        Double(maxResident) / Double(1 << 20)
        #else
        Double(maxResident) / Double(1 << 10)
        #endif
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
