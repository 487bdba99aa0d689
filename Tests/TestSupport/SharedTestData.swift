import Foundation

/// The real test data shared beside the repository: `../shared/testdata`,
/// resolved against the package root. A test that needs it and does not find it
/// fails with the folder it expected.
public enum SharedTestData {
    /// `../shared/testdata` relative to the package root.
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/testdata").standardizedFileURL

    /// The file or folder at `relativePath` below `testdata/`.
    public static func url(_ relativePath: String) throws -> URL {
        let url = directory.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    /// Shared test data that is not where it should be.
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "shared test data not found: expected \(path) (../shared/testdata beside the repository, as CI checks it out)"
        }
    }
}
