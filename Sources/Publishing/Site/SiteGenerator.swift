import EditionCore
import Foundation

/// The episodes of an output folder as a static website in that folder: `index.html`, one
/// page per episode and the player's files. The same episodes give byte-identical files (no
/// clock, no locale, a fixed order), a file whose bytes would not change is not touched, and
/// every file is written under a temporary name and renamed, so a reader never sees half a page.
public struct SiteGenerator: Sendable {
    public var directory: URL
    public var site: SiteInfo
    public var links: SiteLinks

    public init(directory: URL, site: SiteInfo, links: SiteLinks) {
        self.directory = directory
        self.site = site
        self.links = links
    }

    public struct Report: Sendable {
        public var episodes: [SiteEpisode] = []
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    public func indexPage(_ items: [SiteEpisode]) -> String { IndexPage.html(items, site: site, links: links) }
    public func episodePage(_ item: SiteEpisode) -> String { EpisodePage.html(item, site: site, links: links) }

    /// Every file of the site, by name (names are file names in `directory`, never paths).
    public func files(_ items: [SiteEpisode]) -> [(name: String, body: String)] {
        var files: [(String, String)] = [("index.html", indexPage(items))]
        for item in items where item.episode != nil {
            files.append((SiteLinks.pageName(item.slug) + ".html", episodePage(item)))
        }
        for asset in PlayerAssets.files { files.append((asset.name, asset.body)) }
        return files
    }

    public func write() throws -> Report {
        var report = Report()
        report.episodes = try SiteEpisode.all(in: directory)
        let files = files(report.episodes)
        for (name, body) in files {
            precondition(!name.contains("/") && !name.hasPrefix("."), "a site file name is a plain file name")
            let target = directory.appendingPathComponent(name)
            let data = Data(body.utf8)
            if (try? Data(contentsOf: target)) == data { report.unchanged.append(name); continue }
            let temp = directory.appendingPathComponent(".\(name).partial-\(ProcessTag.make())")
            do {
                try data.write(to: temp)
                guard rename(temp.path, target.path) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path, NSLocalizedDescriptionKey: "cannot move \(name) into place: \(String(cString: strerror(errno)))"])
                }
            } catch {
                try? FileManager.default.removeItem(at: temp)
                throw error
            }
            report.written.append(name)
        }
        report.removed = try removeStalePages(keeping: Set(files.map(\.name)))
        return report
    }

    /// Pages this generator wrote for episodes that are no longer there: only `.html` files
    /// carrying its mark, so a page someone else put in the folder is never touched.
    private func removeStalePages(keeping: Set<String>) throws -> [String] {
        var removed: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        where name.hasSuffix(".html") && !keeping.contains(name) {
            let url = directory.appendingPathComponent(name)
            guard let handle = try? FileHandle(forReadingFrom: url) else { continue }
            let head = (try? handle.read(upToCount: 1024)) ?? nil
            try? handle.close()
            guard let head, String(decoding: head, as: UTF8.self).contains(PageFrame.generatorMark) else { continue }
            try FileManager.default.removeItem(at: url)
            removed.append(name)
        }
        return removed
    }
}
