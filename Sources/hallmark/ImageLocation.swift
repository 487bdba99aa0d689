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
        let parsed = try ImageSourceSpec(parsing: spec)
        guard let local = try parsed.openLocalSource() else {
            guard case .registry(let reference) = parsed else { throw UsageError("\(spec): cannot be opened") }
            let client = makeClient(options)
            return ImageLocation(name: reference.description, tagOrDigest: reference.tagOrDigest, source: client.repository(reference), client: client)
        }
        let pick: String
        if let tag = parsed.tag { pick = tag } else { pick = try await local.resolveDefault().digest.description }
        return ImageLocation(name: spec, tagOrDigest: pick, source: local, client: nil)
    }

    /// Opens `spec` for writing: the destination and the tag to write (nil: by digest only).
    static func openDestination(_ spec: String, options: RegistryOptions) async throws -> Destination {
        let parsed = try ImageSourceSpec(parsing: spec)
        guard let local = try parsed.openLocalDestination() else {
            guard case .registry(let reference) = parsed else { throw UsageError("\(spec): cannot be opened") }
            let client = makeClient(options)
            return Destination(name: reference.description, tag: reference.digest == nil ? reference.tag ?? "latest" : nil,
                               destination: client.repository(reference), client: client)
        }
        return Destination(name: spec, tag: parsed.tag ?? "latest", destination: local, client: nil)
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
