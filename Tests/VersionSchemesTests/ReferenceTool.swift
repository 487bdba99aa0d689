import Foundation

/// Runs a real reference implementation (dpkg, Python `packaging`) over many pairs in
/// one process; a missing tool fails the test with the command that installs it.
enum ReferenceTool {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `/usr/bin/env ARGUMENTS` with `input` on stdin; returns stdout's lines.
    static func run(_ arguments: [String], input: String, install: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Missing(description: "\(arguments.joined(separator: " ")) failed (\(String(decoding: errors, as: UTF8.self).prefix(300))); install: \(install)")
        }
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }

        mutating func pick<T>(_ choices: [T]) -> T { choices[next(choices.count)] }
    }
}
