import Foundation
import OCIModel

/// The facts `inspect` and `verify` print about a provenance predicate, read
/// from SLSA v1 or v0.2: who built it, how, and from which source.
///
/// The source comes from the first of these that names a repository, in order:
/// - v1: `externalParameters.workflow` (GitHub Actions) with the matching git
///   dependency's commit; `externalParameters.configSource` (BuildKit
///   `version=v1`); `runDetails.metadata.buildkit_metadata.vcs`; the first
///   `git+` entry of `resolvedDependencies`.
/// - v0.2: `invocation.configSource` (npm, BuildKit with a remote context);
///   the BuildKit metadata's `vcs` (`mode=max` with a local context); the
///   first `git+` entry of `materials`.
public struct ProvenanceSummary: Sendable, Equatable {
    /// ``PredicateType/slsaProvenanceV1`` or ``PredicateType/slsaProvenanceV02``.
    public var predicateType: String
    /// v1 `runDetails.builder.id`, v0.2 `builder.id`.
    public var builderID: String?
    /// v1 `buildDefinition.buildType`, v0.2 `buildType`.
    public var buildType: String?
    /// The source repository URL, e.g. `https://github.com/owner/repo`.
    public var sourceRepository: String?
    /// The ref the source was read at, e.g. `refs/heads/main`.
    public var sourceRef: String?
    /// The source commit (`gitCommit` or `sha1` digest).
    public var sourceCommit: String?
    /// The build's entry point: a workflow file or Dockerfile path.
    public var entryPoint: String?
    /// v1 `resolvedDependencies` or v0.2 `materials`.
    public var materials: [ResourceDescriptor]

    /// The key under which BuildKit puts its own metadata in v0.2 `metadata`.
    static let buildKitV02MetadataKey = "https://mobyproject.org/buildkit@v1#metadata"

    /// Summarises `predicate`; nil unless `predicateType` is SLSA provenance v1 or v0.2.
    public init?(predicateType: String, predicate: JSONValue) {
        let sources: [SourceCandidate]
        switch predicateType {
        case PredicateType.slsaProvenanceV1:
            let definition = predicate["buildDefinition"]
            builderID = predicate["runDetails"]?["builder"]?["id"]?.string
            buildType = definition?["buildType"]?.string
            materials = (definition?["resolvedDependencies"]?.array ?? []).compactMap(ResourceDescriptor.init(json:))
            let external = definition?["externalParameters"]
            sources = [
                SourceCandidate(workflow: external?["workflow"], dependencies: materials),
                SourceCandidate(configSource: external?["configSource"], entryPointKey: "path"),
                SourceCandidate(vcs: predicate["runDetails"]?["metadata"]?["buildkit_metadata"]?["vcs"]),
                SourceCandidate(gitDependencyIn: materials),
            ]
        case PredicateType.slsaProvenanceV02:
            builderID = predicate["builder"]?["id"]?.string
            buildType = predicate["buildType"]?.string
            materials = (predicate["materials"]?.array ?? []).compactMap(ResourceDescriptor.init(json:))
            sources = [
                SourceCandidate(configSource: predicate["invocation"]?["configSource"], entryPointKey: "entryPoint"),
                SourceCandidate(vcs: predicate["metadata"]?[Self.buildKitV02MetadataKey]?["vcs"]),
                SourceCandidate(gitDependencyIn: materials),
            ]
        default:
            return nil
        }
        self.predicateType = predicateType
        let source = sources.first { $0.repository != nil }
        sourceRepository = source?.repository
        sourceRef = source?.ref
        sourceCommit = source?.commit
        entryPoint = sources.lazy.compactMap(\.entryPoint).first
    }

    /// Summarises a statement's predicate; nil unless it is SLSA provenance.
    public init?(statement: Statement) {
        self.init(predicateType: statement.predicateType, predicate: statement.predicate)
    }
}

/// One place a provenance predicate may name its source.
private struct SourceCandidate {
    var repository: String?
    var ref: String?
    var commit: String?
    var entryPoint: String?

    /// GitHub's `externalParameters.workflow` {repository, ref, path}, with the
    /// commit of the dependency fetched from that repository.
    init(workflow: JSONValue?, dependencies: [ResourceDescriptor]) {
        repository = workflow?["repository"]?.string
        ref = workflow?["ref"]?.string
        entryPoint = workflow?["path"]?.string
        let repository = repository
        commit = dependencies.first { dependency in
            dependency.uri.map(GitLocation.init(uri:))?.repository == repository
        }.flatMap(Self.commit(in:))
    }

    /// A `configSource` {uri, digest, path or entryPoint}.
    init(configSource: JSONValue?, entryPointKey: String) {
        let location = configSource?["uri"]?.string.map(GitLocation.init(uri:))
        repository = location?.repository
        ref = location?.ref
        commit = configSource.flatMap(ResourceDescriptor.init(json:)).flatMap(Self.commit(in:))
        entryPoint = configSource?[entryPointKey]?.string
    }

    /// BuildKit's `vcs` metadata {source, revision}.
    init(vcs: JSONValue?) {
        repository = vcs?["source"]?.string
        commit = vcs?["revision"]?.string
    }

    /// The first `git+` dependency.
    init(gitDependencyIn dependencies: [ResourceDescriptor]) {
        let git = dependencies.first { $0.uri?.hasPrefix("git+") == true }
        let location = git?.uri.map(GitLocation.init(uri:))
        repository = location?.repository
        ref = location?.ref
        commit = git.flatMap(Self.commit(in:))
    }

    private static func commit(in resource: ResourceDescriptor) -> String? {
        resource.digest["gitCommit"] ?? resource.digest["sha1"]
    }
}

/// A repository URL and ref from the forms provenance uses:
/// `git+https://host/owner/repo@refs/heads/main` and
/// `https://host/owner/repo.git#refs/tags/v1`.
private struct GitLocation {
    var repository: String
    var ref: String?

    init(uri: String) {
        var text = uri.hasPrefix("git+") ? String(uri.dropFirst(4)) : uri
        if let hash = text.firstIndex(of: "#") {
            ref = String(text[text.index(after: hash)...])
            text = String(text[..<hash])
        } else if let scheme = text.range(of: "://"),
                  let pathStart = text[scheme.upperBound...].firstIndex(of: "/"),
                  let at = text[pathStart...].lastIndex(of: "@") {
            ref = String(text[text.index(after: at)...])
            text = String(text[..<at])
        }
        repository = text
    }
}
