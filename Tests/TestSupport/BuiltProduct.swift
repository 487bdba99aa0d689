import Foundation

/// Executables SwiftPM built beside the running test bundle (a test target that depends
/// on an executable target gets it built).
public enum BuiltProduct {
    /// The path of the built executable `name`.
    public static func path(_ name: String) throws -> String {
        let candidates = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }
        for start in candidates {
            var directory = URL(fileURLWithPath: start).deletingLastPathComponent()
            for _ in 0..<4 {
                let binary = directory.appendingPathComponent(name).path
                if FileManager.default.isExecutableFile(atPath: binary) { return binary }
                directory.deleteLastPathComponent()
            }
        }
        throw Missing(name: name)
    }

    /// An executable that was not built.
    public struct Missing: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "\(name) was not found beside the test bundle: run `swift build --product \(name)` (swift test builds it)" }
    }
}
