import OCIModel

/// Writes a tar archive entry by entry, streaming file contents through.
///
/// The output is deterministic: ustar headers with uid/gid 0, no user or group
/// names, the given modification time (default 0) and the given modes (default
/// 0644 for files, 0755 for directories); names over 100 bytes and sizes over
/// 8 GiB get a PAX extended header. Every entry is padded to 512 bytes and
/// ``finish()`` appends the two zero end-of-archive blocks.
public final class TarWriter {
    private let output: OutputFile
    private let modificationTime: Int64

    /// Creates the archive at `path`, which must not exist yet.
    public convenience init(path: String, modificationTime: Int64 = 0) throws {
        self.init(output: try OutputFile(creating: path), modificationTime: modificationTime)
    }

    init(output: OutputFile, modificationTime: Int64 = 0) {
        self.output = output
        self.modificationTime = modificationTime
    }

    /// Adds a directory (its name gets a trailing `/`).
    public func addDirectory(_ name: String, mode: UInt32 = 0o755) throws {
        try writeHeader(name: TarPath.normalise(name) + "/", typeflag: TarHeader.Flag.directory, size: 0, mode: mode)
    }

    /// Adds a regular file with `bytes` as its contents.
    public func addFile(_ name: String, bytes: [UInt8], mode: UInt32 = 0o644) throws {
        try writeHeader(name: TarPath.normalise(name), typeflag: TarHeader.Flag.regular, size: Int64(bytes.count), mode: mode)
        try output.write(bytes)
        try pad(Int64(bytes.count))
    }

    /// Adds a regular file of `size` bytes streamed from `content`; throws if the
    /// stream delivers another number of bytes (the archive is then unusable).
    public func addFile(_ name: String, size: Int64, content: ByteChunks, mode: UInt32 = 0o644) async throws {
        let normalised = TarPath.normalise(name)
        try writeHeader(name: normalised, typeflag: TarHeader.Flag.regular, size: size, mode: mode)
        var written: Int64 = 0
        for try await chunk in content {
            written += Int64(chunk.count)
            guard written <= size else { break }
            try output.write(chunk)
        }
        guard written == size else { throw TarWriterError.sizeMismatch(entry: normalised, declared: size, actual: written) }
        try pad(size)
    }

    /// Writes the end-of-archive blocks and closes the file.
    public func finish() throws {
        try output.write([UInt8](repeating: 0, count: 2 * TarHeader.blockSize))
        try output.close()
    }

    private func writeHeader(name: String, typeflag: UInt8, size: Int64, mode: UInt32) throws {
        let nameBytes = Array(name.utf8)
        var records: [UInt8] = []
        if nameBytes.count > TarHeader.Field.name.count { records += TarHeader.paxRecord("path", name) }
        if size > TarHeader.maxOctalSize { records += TarHeader.paxRecord("size", String(size)) }
        if !records.isEmpty {
            let paxName = Array("PaxHeaders/".utf8) + nameBytes.suffix(TarHeader.Field.name.count - 11)
            try output.write(TarHeader.encode(
                name: paxName, typeflag: TarHeader.Flag.paxExtended, size: Int64(records.count), mode: 0o644,
                modificationTime: modificationTime))
            try output.write(records)
            try pad(Int64(records.count))
        }
        try output.write(TarHeader.encode(
            name: Array(nameBytes.prefix(TarHeader.Field.name.count)), typeflag: typeflag,
            size: size > TarHeader.maxOctalSize ? 0 : size, mode: mode, modificationTime: modificationTime))
    }

    private func pad(_ size: Int64) throws {
        let padding = Int(TarHeader.padded(size) - size)
        if padding > 0 { try output.write([UInt8](repeating: 0, count: padding)) }
    }
}
