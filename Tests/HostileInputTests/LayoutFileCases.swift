import Foundation
import Testing
import TestSupport

extension HostileInputs {
    /// Issue 11, item 12: a FIFO (or any non-regular file) where a layout has a file is
    /// refused before it is opened; opening a FIFO `oci-layout` once blocked forever.
    @Suite struct LayoutFileCases {
        @Test("a FIFO oci-layout is refused, naming it", arguments: ["oci-layout", "index.json"])
        func fifo(file: String) async throws {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let layout = try LayoutBuilder(at: scratch.at("layout"))
            try layout.tag(try layout.image(layers: []))
            try FileManager.default.removeItem(atPath: layout.path + "/" + file)
            try await Tool.run("mkfifo", [layout.path + "/" + file])

            let outcome = try await Hallmark.run(["inspect", "oci-dir:\(layout.path)"])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 2, "\(outcome)")
            #expect(outcome.stderr.contains("\(layout.path)/\(file)") && outcome.stderr.contains("not a regular file"), "\(outcome)")
        }
    }
}
