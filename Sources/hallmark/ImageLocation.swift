import Foundation
import OCILayout
import OCIModel
import OCIRegistry

/// An opened source or destination, with what to ask it for and how to name it.
struct ImageLocation {
    let name: String
    let tagOrDigest: String
    let source: any ContentSource
    private let client: RegistryClient?

    /// Closes the registry connections, if any.
    func close() { client.map(Self.shutDown) }

    /// Opens `spec` for reading.
    static func openSource(_ spec: String, options: RegistryOptions) async throws -> ImageLocation {
        switch try ImageSourceSpec(parsing: spec) {
        case .registry(let reference):
            let client = makeClient(options)
            return ImageLocation(name: reference.description, tagOrDigest: reference.tagOrDigest, source: client.repository(reference), client: client)
        case .ociDirectory(let path, let tag):
            let directory = try OCIDirectory(readingAt: path)
            let pick: String
            if let tag { pick = tag } else { pick = try await directory.resolveDefault().digest.description }
            return ImageLocation(name: spec, tagOrDigest: pick, source: directory, client: nil)
        case .ociArchive, .dockerArchive:
            throw UsageError("\(spec): archive sources are not supported yet; unpack to an oci-dir: layout")
        }
    }

    /// Opens `spec` for writing: the destination and the tag to write (nil: by digest only).
    static func openDestination(_ spec: String, options: RegistryOptions) async throws -> Destination {
        switch try ImageSourceSpec(parsing: spec) {
        case .registry(let reference):
            let client = makeClient(options)
            return Destination(name: reference.description, tag: reference.digest == nil ? reference.tag ?? "latest" : nil,
                               destination: client.repository(reference), client: client)
        case .ociDirectory(let path, let tag):
            return Destination(name: spec, tag: tag ?? "latest", destination: try OCIDirectory(writingAt: path), client: nil)
        case .ociArchive, .dockerArchive:
            throw UsageError("\(spec): archive destinations are not supported yet; write to an oci-dir: layout")
        }
    }

    /// A destination opened for writing.
    struct Destination {
        let name: String
        let tag: String?
        let destination: any ContentDestination
        let client: RegistryClient?

        func close() { client.map(ImageLocation.shutDown) }
    }

    static func makeClient(_ options: RegistryOptions) -> RegistryClient {
        var clientOptions = RegistryClientOptions(insecureRegistries: Set(options.insecureRegistries))
        clientOptions.retry.maxRetries = options.retries
        clientOptions.userAgent = "hallmark/\(Hallmark.version)"
        return RegistryClient(options: clientOptions)
    }

    static func shutDown(_ client: RegistryClient) {
        let done = DispatchSemaphore(value: 0)
        Task {
            try? await client.shutdown()
            done.signal()
        }
        done.wait()
    }
}
