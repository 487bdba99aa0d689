import Foundation
import OCILayout
import OCIModel
import OCIRegistry

/// An opened source or destination, with what to ask it for and how to name it.
struct ImageLocation {
    let name: String
    let tagOrDigest: String
    let source: any ContentSource
    /// The same store opened for writing too, when asked for (registry or `oci-dir:`).
    let store: (any ContentSource & ContentDestination)?
    /// How statements name the image: `registry/repository`, or the layout's path.
    let subjectName: String
    private let client: RegistryClient?

    /// Closes the registry connections, if any.
    func close() { client.map(Self.shutDown) }

    /// Opens `spec` for reading and, with `writable`, for writing referrers too
    /// (only a registry or an `oci-dir:` layout can be written in place). `others`
    /// are the command's other image specs, so the environment's credentials know
    /// which registries the command uses.
    static func openSource(_ spec: String, options: RegistryOptions, writable: Bool = false, others: [String] = []) async throws -> ImageLocation {
        let parsed = try ImageSourceSpec(parsing: spec)
        if case .registry(let reference) = parsed {
            let client = try makeClient(options, specs: [spec] + others)
            let repository = client.repository(reference)
            return ImageLocation(name: reference.description, tagOrDigest: reference.tagOrDigest, source: repository,
                                 store: writable ? repository : nil, subjectName: reference.name, client: client)
        }
        var store: (any ContentSource & ContentDestination)?
        if writable {
            guard case .ociDirectory(let path, _) = parsed else {
                throw UsageError("\(spec): cannot be written in place; attach to a registry image or an oci-dir: layout")
            }
            store = try OCIDirectory(writingAt: path)
        }
        guard let local = try store.map({ $0 as? any LocalImageSource }) ?? parsed.openLocalSource() else {
            throw UsageError("\(spec): cannot be opened")
        }
        let pick: String
        if let tag = parsed.tag { pick = tag } else { pick = try await local.resolveDefault().digest.description }
        let path = spec.split(separator: ":", maxSplits: 1).last.map(String.init) ?? spec
        let subjectName = parsed.tag.map { tag in String(path.dropLast(tag.count + 1)) } ?? path
        return ImageLocation(name: spec, tagOrDigest: pick, source: local, store: store, subjectName: subjectName, client: nil)
    }

    /// Opens `spec` for writing: the destination and the tag to write (nil: by digest
    /// only). `others` are the command's other image specs, as for ``openSource(_:options:writable:others:)``.
    static func openDestination(_ spec: String, options: RegistryOptions, others: [String] = []) async throws -> Destination {
        let parsed = try ImageSourceSpec(parsing: spec)
        guard let local = try parsed.openLocalDestination() else {
            guard case .registry(let reference) = parsed else { throw UsageError("\(spec): cannot be opened") }
            let client = try makeClient(options, specs: [spec] + others)
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

    /// A client for a command whose images are `specs`, with the environment's credentials for the right registry.
    static func makeClient(_ options: RegistryOptions, specs: [String]) throws -> RegistryClient {
        let clientOptions = RegistryClientOptions(
            insecureRegistries: Set(options.insecureRegistries), retry: options.retryPolicy, userAgent: "hallmark/\(Hallmark.version)")
        let registries = try specs.compactMap(EnvironmentCredentials.registry(in:))
        return RegistryClient(options: clientOptions, credentials: try EnvironmentCredentials.resolver(for: registries))
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
