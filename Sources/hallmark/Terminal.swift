import Foundation

/// Output to the terminal: results on stdout, messages and progress on stderr.
enum Terminal {
    /// Whether stderr is a terminal (progress is drawn only then).
    static let stderrIsTTY = isatty(2) == 1

    /// Writes `text` and a newline to stdout.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes raw bytes to stdout.
    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Writes `text` and a newline to stderr.
    static func error(_ text: String) {
        clearProgress()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Draws a one-line status on stderr when it is a terminal; a no-op otherwise.
    static func progress(_ text: String) {
        guard stderrIsTTY else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    /// Erases the status line.
    static func clearProgress() {
        guard stderrIsTTY else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
