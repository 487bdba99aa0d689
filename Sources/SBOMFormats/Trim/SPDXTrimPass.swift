/// One streaming pass over an SPDX JSON document that removes everything up to
/// and including `step` (see ``SBOMTrimStep``) and copies the rest byte for byte,
/// keeping the original formatting unless whitespace is being removed.
///
/// Only the top-level object, the `packages` objects, `relationships` entries and
/// `documentDescribes` are looked into; every other value is copied or skipped
/// without being parsed into memory. One relationship is buffered at a time.
final class SPDXTrimPass {
    private let input: ByteInput
    private let out: BufferedWriter
    private let step: SBOMTrimStep
    private let compact: Bool
    /// The SPDXIDs of files; collected from the `files` section, or by a pre-scan
    /// when relationships come before it.
    private(set) var fileIDs: FileIDSet?
    private let prescan: () throws -> FileIDSet
    private var counts: [String: Int] = [:]
    private var order: [String] = []

    init(input: ByteInput, output: BufferedWriter, step: SBOMTrimStep, fileIDs: FileIDSet?, prescan: @escaping () throws -> FileIDSet) {
        self.input = input
        self.out = output
        self.step = step
        self.compact = step >= .whitespace
        self.fileIDs = fileIDs
        self.prescan = prescan
    }

    /// What this pass removed, in the order first seen.
    var removed: [SBOMTrimRemoval] { order.map { SBOMTrimRemoval(what: $0, count: counts[$0]!) } }

    private func count(_ what: String, _ number: Int = 1) {
        guard number > 0 else { return }
        if counts[what] == nil { order.append(what) }
        counts[what, default: 0] += number
    }

    /// Rewrites the whole document.
    func run() throws {
        guard try input.peekNonSpace() == UInt8(ascii: "{") else { throw input.failure("an SPDX document must be a JSON object") }
        var sawVersion = false
        try rewriteObject(path: "") { key in
            switch key {
            case "spdxVersion":
                sawVersion = true
                return .copy
            case "files", "snippets":
                return .custom { [self] in
                    if key == "files" {
                        let ids = try collectFileIDs()
                        if fileIDs == nil { fileIDs = ids }
                        count("files", ids.count)
                    } else {
                        count("snippets", try input.skipValue())
                    }
                }
            case "relationships": return .rewrite { [self] in try rewriteRelationships() }
            case "documentDescribes": return .rewrite { [self] in try rewriteDescribes() }
            case "annotations" where step >= .annotations: return .drop("annotations")
            case "externalDocumentRefs" where step >= .externalDocumentRefs: return .drop("externalDocumentRefs")
            case "packages": return .rewrite { [self] in try rewritePackages() }
            default: return .copy
            }
        }
        guard try input.atEnd() else { throw input.failure("unexpected data after the document") }
        guard sawVersion else {
            input.field = "spdxVersion"
            throw input.failure("required field is missing (not an SPDX document)")
        }
        try out.flush()
    }

    // MARK: Structure

    /// What to do with an object member.
    private enum MemberAction {
        /// Copy the member unchanged.
        case copy
        /// Drop the member, counting it (arrays by element) under the label.
        case drop(String)
        /// Drop the member; the closure consumes its value.
        case custom(() throws -> Void)
        /// Keep the key; the closure consumes the value and writes its replacement.
        case rewrite(() throws -> Void)
    }

    /// Rewrites the object at the input position member by member; `extra`
    /// returns members to append (already encoded) before the closing brace.
    private func rewriteObject(path: String, extra: () -> String? = { nil }, _ decide: (String) throws -> MemberAction) throws {
        try input.expect(UInt8(ascii: "{"))
        try out.write(UInt8(ascii: "{"))
        var wrote = false
        var lastLead: [UInt8] = []
        input.startCapture()
        if try input.peekNonSpace() != UInt8(ascii: "}") {
            _ = input.endCapture()
            while true {
                input.startCapture()
                input.field = path.isEmpty ? nil : path
                guard try input.peekNonSpace() == UInt8(ascii: "\"") else { throw input.failure("expected a key") }
                let keyBytes = try input.readString()
                let key = String(decoding: keyBytes, as: UTF8.self)
                try input.expect(UInt8(ascii: ":"))
                _ = try input.peekNonSpace()
                let prefix = input.endCapture()
                input.field = path.isEmpty ? key : path + "." + key
                switch try decide(key) {
                case .copy:
                    try emit(prefix: prefix, wrote: &wrote, lastLead: &lastLead)
                    try copyValue()
                case .drop(let label):
                    count(label, max(1, try input.skipValue()))
                case .custom(let consume):
                    try consume()
                case .rewrite(let rewrite):
                    try emit(prefix: prefix, wrote: &wrote, lastLead: &lastLead)
                    try rewrite()
                }
                input.field = path.isEmpty ? nil : path
                input.startCapture()
                let next = try input.peekNonSpace()
                if next == UInt8(ascii: ",") {
                    input.advance()
                    _ = input.endCapture()
                    continue
                }
                guard next == UInt8(ascii: "}") else { throw input.failure("expected ',' or '}'") }
                break
            }
        }
        let trailing = input.endCapture()
        if let member = extra() {
            if wrote { try out.write(UInt8(ascii: ",")) }
            if !compact { try out.write(lastLead) }
            try out.write(member)
            wrote = true
        }
        if wrote && !compact { try out.write(trailing) }
        input.advance()
        try out.write(UInt8(ascii: "}"))
    }

    /// Writes a kept member's separator and prefix (leading whitespace, key, colon).
    private func emit(prefix: [UInt8], wrote: inout Bool, lastLead: inout [UInt8]) throws {
        if wrote { try out.write(UInt8(ascii: ",")) }
        wrote = true
        if compact {
            var filter = CompactFilter()
            try prefix.withUnsafeBytes { try filter.feed($0, to: out) }
        } else {
            lastLead = Array(prefix.prefix { $0 != UInt8(ascii: "\"") })
            try out.write(prefix)
        }
    }

    /// Rewrites the array at the input position; `element` consumes one element
    /// (given its leading whitespace and whether an element was written already)
    /// and returns whether it wrote it.
    private func rewriteArray(path: String, _ element: (_ lead: [UInt8], _ wrote: Bool) throws -> Bool) throws {
        try input.expect(UInt8(ascii: "["))
        try out.write(UInt8(ascii: "["))
        var wrote = false
        var index = 0
        input.startCapture()
        if try input.peekNonSpace() != UInt8(ascii: "]") {
            while true {
                let lead = input.endCapture()
                input.field = "\(path)[\(index)]"
                if try element(lead, wrote) { wrote = true }
                index += 1
                input.field = path
                input.startCapture()
                let next = try input.peekNonSpace()
                if next == UInt8(ascii: ",") {
                    input.advance()
                    _ = input.endCapture()
                    input.startCapture()
                    _ = try input.peekNonSpace()
                    continue
                }
                guard next == UInt8(ascii: "]") else { throw input.failure("expected ',' or ']'") }
                break
            }
        }
        let trailing = input.endCapture()
        if wrote && !compact { try out.write(trailing) }
        input.advance()
        try out.write(UInt8(ascii: "]"))
    }

    /// Writes an array element's separator and leading whitespace.
    private func emitElement(lead: [UInt8], wrote: Bool) throws {
        if wrote { try out.write(UInt8(ascii: ",")) }
        if !compact { try out.write(lead) }
    }

    /// Copies the next value, without whitespace when compacting.
    private func copyValue() throws {
        if compact {
            var filter = CompactFilter()
            let out = self.out
            try input.copyValue { try filter.feed($0, to: out) }
        } else {
            let out = self.out
            try input.copyValue { try out.write($0) }
        }
    }

    /// Writes captured bytes, without whitespace when compacting.
    private func write(raw: [UInt8]) throws {
        if compact {
            var filter = CompactFilter()
            try raw.withUnsafeBytes { try filter.feed($0, to: out) }
        } else {
            try out.write(raw)
        }
    }

    // MARK: Sections

    /// Skips the `files` array, returning the SPDXIDs of its entries.
    private func collectFileIDs() throws -> FileIDSet {
        try Self.collectFileIDs(from: input)
    }

    /// The SPDXIDs of the `files` array at `input`'s position, consuming it.
    static func collectFileIDs(from input: ByteInput) throws -> FileIDSet {
        var ids = FileIDSet()
        try input.expect(UInt8(ascii: "["))
        if try input.peekNonSpace() == UInt8(ascii: "]") {
            input.advance()
            return ids
        }
        while true {
            try input.expect(UInt8(ascii: "{"))
            if try input.peekNonSpace() != UInt8(ascii: "}") {
                while true {
                    let isID = try input.readString(equalTo: "SPDXID")
                    try input.expect(UInt8(ascii: ":"))
                    if isID, try input.peekNonSpace() == UInt8(ascii: "\"") {
                        let id = try input.readString()
                        id.withUnsafeBufferPointer { ids.insert($0) }
                    } else {
                        try input.skipValue()
                    }
                    let next = try input.peekNonSpace()
                    input.advance()
                    if next == UInt8(ascii: "}") { break }
                    guard next == UInt8(ascii: ",") else { throw input.failure("expected ',' or '}' in a file") }
                }
            } else {
                input.advance()
            }
            let next = try input.peekNonSpace()
            input.advance()
            if next == UInt8(ascii: "]") { return ids }
            guard next == UInt8(ascii: ",") else { throw input.failure("expected ',' or ']' in files") }
        }
    }

    /// The file SPDXIDs, pre-scanning the document when the `files` section was not reached yet.
    private func knownFileIDs() throws -> FileIDSet {
        if let fileIDs { return fileIDs }
        let ids = try prescan()
        fileIDs = ids
        return ids
    }

    private func rewriteRelationships() throws {
        let files = try knownFileIDs()
        guard !files.isEmpty else { return try copyValue() }
        try rewriteArray(path: "relationships") { lead, wrote in
            input.startCapture()
            guard try input.peekNonSpace() == UInt8(ascii: "{") else { throw input.failure("expected a relationship object") }
            try input.skipValue()
            let raw = input.endCapture()
            let isFileRelationship = raw.withUnsafeBufferPointer { bytes in
                let ends = RelationshipEnds(bytes)
                return [ends.from, ends.to].contains { range in range.map { files.contains(UnsafeBufferPointer(rebasing: bytes[$0])) } ?? false }
            }
            if isFileRelationship { return dropRelationship() }
            try emitElement(lead: lead, wrote: wrote)
            try write(raw: raw)
            return true
        }
    }

    private func dropRelationship() -> Bool {
        count("file relationships")
        return false
    }

    private func rewriteDescribes() throws {
        let files = try knownFileIDs()
        guard !files.isEmpty else { return try copyValue() }
        try rewriteArray(path: "documentDescribes") { lead, wrote in
            input.startCapture()
            let id = try input.readString()
            let raw = input.endCapture()
            if id.withUnsafeBufferPointer({ files.contains($0) }) {
                count("documentDescribes file entries")
                return false
            }
            try emitElement(lead: lead, wrote: wrote)
            try write(raw: raw)
            return true
        }
    }

    private func rewritePackages() throws {
        try rewriteArray(path: "packages") { lead, wrote in
            try emitElement(lead: lead, wrote: wrote)
            try rewritePackage(path: input.field ?? "packages")
            return true
        }
    }

    private func rewritePackage(path: String) throws {
        var sawFilesAnalyzed = false
        let optional = step >= .packageOptionalFields
        let extra: () -> String? = { [self] in
            guard optional, !sawFilesAnalyzed else { return nil }
            count("filesAnalyzed set to false")
            return compact ? "\"filesAnalyzed\":false" : "\"filesAnalyzed\": false"
        }
        try rewriteObject(path: path, extra: extra) { key in
            switch key {
            case "hasFiles": return .drop("package hasFiles entries")
            case "annotations" where step >= .annotations: return .drop("package annotations")
            case "packageVerificationCode" where optional: return .drop("package packageVerificationCode")
            case "filesAnalyzed" where optional:
                sawFilesAnalyzed = true
                return .rewrite { [self] in
                    input.startCapture()
                    try input.skipValue()
                    let value = input.endCapture()
                    if !value.elementsEqual("false".utf8) { count("filesAnalyzed set to false") }
                    try out.write("false")
                }
            case let field where optional && SBOMTrimStep.optionalPackageFields.contains(field):
                return .drop("package " + field)
            default: return .copy
            }
        }
    }
}
