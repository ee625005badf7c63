import Foundation
import JourneyKit
import TestSupport
import XCTest

/// Every presenter output rendered by the real tools: the SVG and HTML maps and the
/// Mermaid diagrams by headless Chromium (one browser per batch of pages, through
/// Scripts/chromium-check.py), the SVG by rsvg-convert, the printed HTML counted by
/// pdfinfo, the Markdown by pandoc. A check skips, saying which tool is missing, only
/// when that tool is not installed (.ci/run installs them all).
///
/// Set JOURNEYMAN_RENDER_DIR to keep the rendered PNGs and PDFs there for a look.
final class RenderedOutputTests: XCTestCase {
    /// The journeys drawn: every sample, and the fixtures with CJK, emoji and hostile text;
    /// the default run (`SlowTests`) draws two of the samples (the one with lanes and loops,
    /// and the one with a model of its own) with the fixtures.
    static var journeys: [(name: String, path: String)] {
        Fixture.samples.map { ($0.deletingPathExtension().lastPathComponent, $0.path) }
            .filter { SlowTests.enabled || ["retailer-loyalty-mckinsey", "neobank-laer"].contains($0.0) }
            + ["coffee", "hostile"].map { ($0, ReviewFixture.path($0)) }
    }

    /// The Mermaid 11 bundle: $JOURNEYMAN_MERMAID_JS, else the cache .ci/run fills.
    static var mermaidBundle: String {
        if let p = ProcessInfo.processInfo.environment["JOURNEYMAN_MERMAID_JS"], !p.isEmpty { return p }
        let env = ProcessInfo.processInfo.environment
        let cache = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        return cache + "/journeyman-tests/mermaid/mermaid.min.js"
    }

    struct Page: Decodable {
        var url: String
        var errors: [String]
        var value: JSONValue?
    }

    /// A JSON value from the browser.
    indirect enum JSONValue: Decodable {
        case number(Double), string(String), bool(Bool), array([JSONValue]), object([String: JSONValue]), null

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) } else if let n = try? c.decode(Double.self) { self = .number(n) } else if let s = try? c.decode(String.self) { self = .string(s) } else if let a = try? c.decode([JSONValue].self) { self = .array(a) } else { self = .object(try c.decode([String: JSONValue].self)) }
        }

        subscript(_ key: String) -> JSONValue? { if case .object(let o) = self { return o[key] } else { return nil } }
        var number: Double? { if case .number(let n) = self { return n } else { return nil } }
        var array: [JSONValue] { if case .array(let a) = self { return a } else { return [] } }
        var object: [String: JSONValue] { if case .object(let o) = self { return o } else { return [:] } }
        var text: String { if case .string(let s) = self { return s } else { return "\(self)" } }
    }

    /// What one batch made: the files and each page's result, by file name.
    struct Batch {
        var dir: URL
        var pages: [String: Page]
        var mermaid: Page?
        var mermaidSources: [String: String]
    }

    /// What a batch renders: the maps (loaded, measured by `overflowScript`, pictured), the
    /// HTML maps printed to PDF, or every Mermaid export on one page. Each test asks for the
    /// batch it reads, made once per test process: `swift test --parallel` runs each test in a
    /// process of its own, so a test pays only for its own pages.
    enum Part: String, Hashable {
        case maps, print, mermaid
    }

    nonisolated(unsafe) static var cached: [Part: Result<Batch, Error>] = [:]

    static func tool(_ name: String) -> Bool { (try? shell("command -v \(name)").status) == 0 }

    static var chromium: String? { ["chromium", "chromium-browser", "google-chrome"].first(where: tool) }

    /// The exports and one Chromium run over their pages, made once per process.
    func batch(_ part: Part) throws -> Batch {
        if let made = Self.cached[part] { return try made.get() }
        let made = Result { try Self.makeBatch(part) }
        Self.cached[part] = made
        return try made.get()
    }

    static func export(_ path: String, _ args: [String], to file: URL) throws {
        let r = try journeyman(arguments: ["export", path] + args + ["--today", "2026-11-22", "-o", file.path])
        guard r.status == 0, r.stdout.isEmpty, r.stderr.isEmpty else { throw NSError(domain: "export", code: 1, userInfo: [NSLocalizedDescriptionKey: r.description]) }
    }

    static func makeBatch(_ part: Part) throws -> Batch {
        guard chromium != nil else { throw XCTSkip("chromium is not installed (Debian: apt-get install chromium); .ci/run installs it") }
        let dir: URL
        if let keep = ProcessInfo.processInfo.environment["JOURNEYMAN_RENDER_DIR"], !keep.isEmpty {
            dir = URL(fileURLWithPath: keep).appendingPathComponent(part.rawValue)
        } else {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeyman-render-\(UUID().uuidString)")
        }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var jobs: [[String: Any]] = []
        for (name, path) in journeys where part != .mermaid {
            for (file, args) in mapVariants(name) where part == .maps || file.hasSuffix(".html") {
                let url = dir.appendingPathComponent(file)
                try export(path, args, to: url)
                jobs.append(part == .maps
                    ? ["url": url.absoluteString, "width": 1400, "height": 900, "eval": overflowScript, "screenshot": dir.appendingPathComponent(file + ".png").path]
                    : ["url": url.absoluteString, "width": 1400, "height": 900, "pdf": dir.appendingPathComponent(file + ".pdf").path])
            }
        }
        // Every Mermaid export on one page, rendered by Mermaid 11.
        var sources: [String: String] = [:]
        let bundle = mermaidBundle
        let haveMermaid = part == .mermaid && FileManager.default.fileExists(atPath: bundle)
        if haveMermaid {
            for (name, path) in journeys {
                for (kind, args) in [("journey", [String]()), ("flowchart", ["--flowchart"])] {
                    let r = try journeyman(arguments: ["export", path, "--format", "mermaid"] + args)
                    guard r.status == 0 else { throw NSError(domain: "export", code: 1, userInfo: [NSLocalizedDescriptionKey: r.description]) }
                    sources["\(name).\(kind)"] = r.stdout
                }
            }
            let json = String(decoding: try JSONSerialization.data(withJSONObject: sources, options: [.sortedKeys]), as: UTF8.self)
                .replacingOccurrences(of: "</", with: "<\\/")
            let page = dir.appendingPathComponent("mermaid.html")
            try Data(mermaidPage(bundle: URL(fileURLWithPath: bundle).absoluteString, sources: json).utf8).write(to: page)
            jobs.append(["url": page.absoluteString, "width": 1600, "height": 1000, "wait": "window.done === true",
                         "eval": "window.results", "screenshot": dir.appendingPathComponent("mermaid.png").path])
        }
        let input = String(decoding: try JSONSerialization.data(withJSONObject: jobs), as: UTF8.self)
        let r = try runProcess("/usr/bin/env", ["python3", Fixture.root.appendingPathComponent("Scripts/chromium-check.py").path], stdin: input)
        guard r.status == 0 else { throw NSError(domain: "chromium", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: r.description]) }
        let pages = try JSONDecoder().decode([Page].self, from: Data(r.stdout.utf8))
        var byName: [String: Page] = [:]
        for p in pages { byName[URL(string: p.url)!.lastPathComponent] = p }
        return Batch(dir: dir, pages: byName, mermaid: haveMermaid ? byName["mermaid.html"] : nil, mermaidSources: sources)
    }

    /// Runs in each map page: every text inside its box, no two cards overlapping.
    static let overflowScript = """
        (() => {
          const rectOf = g => g.querySelector(':scope > rect').getBBox();
          const bad = [], overlaps = []; let texts = 0;
          for (const g of document.querySelectorAll('g.box')) {
            const r = rectOf(g);
            for (const t of g.querySelectorAll('text')) {
              texts++;
              const b = t.getBBox();
              if (b.x < r.x - 0.5 || b.y < r.y - 0.5 || b.x + b.width > r.x + r.width + 0.5 || b.y + b.height > r.y + r.height + 0.5)
                bad.push(t.textContent + ' ' + JSON.stringify([b.x, b.y, b.width, b.height].map(Math.round)) + ' outside ' + JSON.stringify([r.x, r.y, r.width, r.height].map(Math.round)));
            }
          }
          const cards = [...document.querySelectorAll('g.card')].map(rectOf);
          for (let i = 0; i < cards.length; i++) for (let k = i + 1; k < cards.length; k++) {
            const a = cards[i], b = cards[k];
            if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps.push(i + ' and ' + k);
          }
          return {texts, cards: cards.length, bad, overlaps};
        })()
        """

    /// A page that renders every source with Mermaid and records each diagram's size,
    /// and for journey diagrams whether each task's label fits its box.
    static func mermaidPage(bundle: String, sources: String) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><script src="\(bundle)"></script>
        <style>div.diagram svg { max-width: 1500px; height: auto; }</style></head>
        <body>
        <script>
        const sources = \(sources);
        window.results = {}; window.done = false;
        mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
        (async () => {
          let i = 0;
          for (const [name, src] of Object.entries(sources)) {
            i++;
            try {
              await mermaid.parse(src);
              const {svg} = await mermaid.render('diagram' + i, src);
              const div = document.createElement('div');
              div.className = 'diagram';
              div.innerHTML = svg;
              document.body.appendChild(div);
              const vb = div.querySelector('svg').viewBox.baseVal;
              const overflowing = [];
              for (const fo of div.querySelectorAll('foreignObject')) {
                const label = fo.querySelector('div.label');
                if (!label || !fo.closest('g') || !fo.parentNode.closest('g').querySelector('rect.task')) continue;
                const box = fo.getBoundingClientRect(), text = label.getBoundingClientRect();
                if (label.scrollHeight > fo.height.baseVal.value + 1 || text.width > box.width + 1) overflowing.push(label.textContent);
              }
              results[name] = {width: vb.width, height: vb.height, overflowing};
            } catch (e) {
              results[name] = {error: String(e && e.message || e)};
            }
          }
          window.done = true;
        })();
        </script>
        </body></html>
        """
    }

    /// The map files drawn of one journey, with the export options of each: SVG and HTML, and
    /// the HTML with lanes by channel and by cohort for the journey with lanes and the hostile one.
    static func mapVariants(_ name: String) -> [(file: String, args: [String])] {
        var variants = [("\(name).svg", ["--format", "svg"]), ("\(name).html", ["--format", "html"])]
        if name == "retailer-loyalty-mckinsey" || name == "hostile" {
            variants += [("\(name).channel.html", ["--format", "html", "--lanes", "channel"]),
                         ("\(name).cohort.html", ["--format", "html", "--lanes", "cohort"])]
        }
        return variants
    }

    var mapFiles: [String] { Self.journeys.flatMap { Self.mapVariants($0.name).map(\.file) } }

    func testEveryMapRendersInChromiumWithoutConsoleErrors() throws {
        let b = try batch(.maps)
        for file in mapFiles {
            let page = try XCTUnwrap(b.pages[file], file)
            XCTAssertEqual(page.errors, [], file)
            let png = try Data(contentsOf: b.dir.appendingPathComponent(file + ".png"))
            XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], file)
            XCTAssertGreaterThan(png.count, 10_000, "\(file): an almost empty picture")
        }
    }

    func testNoMapTextLeavesItsBoxAndNoCardsOverlapInChromium() throws {
        let b = try batch(.maps)
        for file in mapFiles {
            let value = try XCTUnwrap(b.pages[file]?.value, file)
            XCTAssertGreaterThan(value["texts"]?.number ?? 0, 20, file)
            XCTAssertEqual(value["bad"]?.array.map(\.text), [], file)
            XCTAssertEqual(value["overlaps"]?.array.map(\.text), [], file)
        }
        let cards = b.pages["retailer-loyalty-mckinsey.html"]?.value?["cards"]?.number
        XCTAssertEqual(cards, 17, "one card per touchpoint")
    }

    func testEveryHTMLMapPrintsOnOneLandscapePage() throws {
        let b = try batch(.print)
        guard Self.tool("pdfinfo") else { throw XCTSkip("pdfinfo is not installed (Debian: apt-get install poppler-utils); .ci/run installs it") }
        for file in mapFiles where file.hasSuffix(".html") {
            let r = try runProcess("/usr/bin/env", ["pdfinfo", b.dir.appendingPathComponent(file + ".pdf").path])
            XCTAssertEqual(r.status, 0, r.description)
            XCTAssertTrue(r.stdout.contains("\nPages:           1\n"), "\(file): \(r.stdout)")
            XCTAssertTrue(r.stdout.contains("1191.12 x 841.92 pts (A3)"), "\(file): \(r.stdout)")
        }
    }

    func testRsvgConvertRendersEverySVGMapWithoutComplaint() throws {
        guard Self.tool("rsvg-convert") else { throw XCTSkip("rsvg-convert is not installed (Debian: apt-get install librsvg2-bin); .ci/run installs it") }
        let dir = Fixture.tempDir(self)
        for (name, path) in Self.journeys {
            let svg = dir.appendingPathComponent("\(name).svg")
            try Self.export(path, ["--format", "svg"], to: svg)
            let r = try runProcess("/usr/bin/env", ["rsvg-convert", svg.path, "-o", svg.path + ".png"])
            XCTAssertEqual(r.status, 0, "\(name): \(r.description)")
            XCTAssertEqual(r.stderr, "", name)
            XCTAssertGreaterThan((try? Data(contentsOf: URL(fileURLWithPath: svg.path + ".png")))?.count ?? 0, 10_000, name)
        }
    }

    func testMermaidElevenRendersEveryExportAndTheFlowchartIsNotAStrip() throws {
        guard FileManager.default.fileExists(atPath: Self.mermaidBundle) else {
            throw XCTSkip("no Mermaid 11 bundle at \(Self.mermaidBundle); .ci/run fetches it (pip download artoo-mermaid)")
        }
        let b = try batch(.mermaid)
        let page = try XCTUnwrap(b.mermaid)
        XCTAssertEqual(page.errors, [])
        let results = page.value?.object ?? [:]
        XCTAssertEqual(Set(results.keys), Set(b.mermaidSources.keys))
        for (name, r) in results.sorted(by: { $0.key < $1.key }) {
            XCTAssertNil(r["error"], "\(name): \(r["error"]?.text ?? "")")
            let w = r["width"]?.number ?? 0, h = r["height"]?.number ?? 0
            XCTAssertGreaterThan(w, 100, name)
            if name.hasSuffix(".flowchart") && !name.hasPrefix("hostile") && !name.hasPrefix("coffee") {
                XCTAssertGreaterThanOrEqual(h, w / 4, "\(name): \(Int(w)) x \(Int(h)) is a strip")
            }
            XCTAssertEqual(r["overflowing"]?.array.map(\.text), [], "\(name): task names overflow their boxes")
        }
    }

    func testMarkdownGoesThroughPandocGFMWithoutWarnings() throws {
        guard Self.tool("pandoc") else { throw XCTSkip("pandoc is not installed (Debian: apt-get install pandoc); .ci/run installs it") }
        let dir = Fixture.tempDir(self)
        for (name, path) in Self.journeys {
            let md = dir.appendingPathComponent("\(name).md")
            try Self.export(path, ["--format", "markdown"], to: md)
            let r = try runProcess("/usr/bin/env", ["pandoc", "--fail-if-warnings", "-f", "gfm", "-t", "html", md.path, "-o", md.path + ".html"])
            XCTAssertEqual(r.status, 0, "\(name): \(r.description)")
            XCTAssertEqual(r.stderr, "", name)
            let html = try String(contentsOfFile: md.path + ".html", encoding: .utf8)
            XCTAssertTrue(html.contains("<pre class=\"mermaid\"><code>flowchart LR") || html.contains("class=\"sourceCode mermaid\""), "\(name): no mermaid block\n\(html.prefix(600))")
        }
    }
}
