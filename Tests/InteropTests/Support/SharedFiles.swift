import Foundation

/// Locations the interop tests need: the package root (from this file's path) and the read-only
/// `shared/` folder beside it (`<package root>/../shared`: schemas, cases, corpus).
enum SharedFiles {
    /// The package root: three levels above `Tests/InteropTests/Support/SharedFiles.swift`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support
        .deletingLastPathComponent()   // InteropTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // package root

    /// `<package root>/../shared`, standardized.
    static let shared: URL = packageRoot.appendingPathComponent("../shared").standardizedFileURL

    /// A file under `shared/`, e.g. `url("schemas/graphml/graphml.xsd")`.
    static func url(_ relativePath: String) -> URL { shared.appendingPathComponent(relativePath) }

    /// A path under `shared/`.
    static func path(_ relativePath: String) -> String { url(relativePath).path }

    /// The XML catalog that maps GraphML's schema URLs onto the local copies (pass as `XML_CATALOG_FILES`).
    static var xmlCatalog: String { path("schemas/catalog.xml") }

    /// A new empty directory under the system's temporary directory; removed by the caller.
    static func makeTemporaryDirectory(_ prefix: String = "kgexport-interop") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
