import OCIModel

/// Moves blobs from source to destination, a few at a time: skips what is there,
/// mounts across repositories where it can, and starts a transfer that failed with a
/// retryable error again (``CopyOptions/retry``).
struct BlobMover: Sendable {
    let source: any ContentSource
    let destination: any ContentDestination
    let options: CopyOptions
    let tally: Tally

    func move(_ blobs: [Descriptor]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var iterator = blobs.makeIterator()
            for _ in 0..<max(1, options.parallelBlobs) {
                guard let blob = iterator.next() else { break }
                group.addTask { try await move(blob) }
            }
            while try await group.next() != nil {
                if let blob = iterator.next() { group.addTask { try await move(blob) } }
            }
        }
    }

    func move(_ blob: Descriptor) async throws {
        if try await destination.hasBlob(blob) {
            await tally.skipped(blob)
            return
        }
        if let mounting = destination as? any BlobMounting, try await mounting.mountBlob(blob, from: source) {
            await tally.mounted(blob)
            return
        }
        try await options.retry.run {
            try await destination.putBlob(blob, content: try await source.blob(blob))
        }
        await tally.copied(blob)
    }
}

/// Counts what the blob mover did and reports progress.
actor Tally {
    private let total: Int
    private let progress: (@Sendable (CopyProgress) -> Void)?
    private var copied = 0, skipped = 0, mounted = 0
    private var bytes: Int64 = 0

    init(total: Int, progress: (@Sendable (CopyProgress) -> Void)?) {
        self.total = total
        self.progress = progress
    }

    func copied(_ blob: Descriptor) { copied += 1; bytes += blob.size; report() }
    func skipped(_ blob: Descriptor) { skipped += 1; report() }
    func mounted(_ blob: Descriptor) { mounted += 1; report() }

    private func report() {
        progress?(CopyProgress(blobsDone: copied + skipped + mounted, blobsTotal: total, bytesDone: bytes))
    }

    func fill(_ report: inout CopyReport) {
        report.blobsCopied = copied
        report.blobsSkipped = skipped
        report.blobsMounted = mounted
        report.bytesCopied = bytes
    }
}
