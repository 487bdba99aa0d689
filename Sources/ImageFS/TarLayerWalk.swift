/// Applies one layer's tar members to a ``CaptureStore``: paths normalised inside the
/// root (members escaping it refused), whiteouts and opaque directories applied to lower
/// layers, links recorded, selected regular files read and reduced, the rest skipped.
enum TarLayerWalk {
    static let whiteoutPrefix = ".wh."
    static let opaqueMarker = ".wh..wh..opq"
    /// Prefix of AUFS bookkeeping entries (`.wh..wh.plnk`, …), which are not whiteouts.
    static let metadataPrefix = ".wh..wh."

    /// Walks `reader` to the end of the archive. `name` (e.g. `layer 2 (sha256:…)`) prefixes warnings.
    static func walk(_ reader: TarStreamReader, layer: Int, name: String, selection: FileSelection, store: CaptureStore) async throws {
        while let entry = try await reader.next() {
            guard let path = ImagePath.normalize(entry.name) else {
                store.warn(entry.name, "\(name): entry escapes the image root with '..'; refused")
                continue
            }
            let base = ImagePath.lastComponent(path)
            if base.hasPrefix(whiteoutPrefix) {
                let directory = ImagePath.parent(path)
                if base == opaqueMarker {
                    store.opaque(directory, layer: layer)
                } else if !base.hasPrefix(metadataPrefix), base.count > whiteoutPrefix.count {
                    store.whiteout(ImagePath.child(directory, base.dropFirst(whiteoutPrefix.count)), layer: layer)
                }
                continue
            }
            store.replace(path, layer: layer, isDirectory: entry.kind == .directory)
            switch entry.kind {
            case .symbolicLink:
                store.addSymlink(path, layer: layer, target: entry.linkName)
            case .hardLink:
                guard let target = ImagePath.normalize(entry.linkName) else {
                    store.warn(path, "\(name): hard link target '\(entry.linkName)' escapes the image root; refused")
                    continue
                }
                store.addHardLink(path, layer: layer, target: target)
            case .regular:
                try await readFile(entry, path: path, reader: reader, layer: layer, name: name, selection: selection, store: store)
            case .directory, .other:
                break
            }
        }
        try await reader.drain()
    }

    private static func readFile(_ entry: TarStreamEntry, path: String, reader: TarStreamReader, layer: Int, name: String,
                                 selection: FileSelection, store: CaptureStore) async throws {
        var matches = selection.pathMatches(path)
        if entry.size > 0, selection.needsHead(besides: matches) {
            matches += selection.magicMatches(try await reader.peek(selection.magicLength), besides: matches)
        }
        let hashing = selection.digestConsumer != nil
        guard !matches.isEmpty || hashing else { return }
        var content: [UInt8]?
        var digest: FileDigest?
        if !matches.isEmpty, entry.size <= Int64(selection.readLimit(matches)) {
            content = try await reader.readContent()
            digest = hashing ? content.map(FileDigest.init(of:)) : nil
        } else if hashing {
            digest = try await reader.digestContent()
        }
        let capture = selection.capture(path: path, size: entry.size, content: content, matches: matches, digest: digest)
        for problem in capture.problems { store.warn(path, "\(name): \(problem)") }
        store.addFile(path, layer: layer, contents: capture.contents)
    }
}
