/// The formats `journeyman export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case svg, html, mermaid, csv, dot, markdown
}

/// Renders a journey for other tools. Every piece of journey text is stripped of
/// control characters and escaped for the target format.
public enum JourneyExport {
    /// The journey in `format`; `flowchart` picks Mermaid's flowchart (with loop
    /// edges) over its journey diagram; `map` says how the SVG and HTML map is drawn, `csv` which table the CSV holds.
    public static func render(_ journey: Journey, as format: ExportFormat, flowchart: Bool = false, extras: SummaryExtras = SummaryExtras(),
                              map: JourneyMapOptions = JourneyMapOptions(), csv: CSVTable = .touchpoints) -> String {
        switch format {
        case .svg: JourneyMap.svg(journey, options: map)
        case .html: JourneyMap.html(journey, options: map)
        case .mermaid: flowchart ? MermaidExport.flowchart(journey) : MermaidExport.journey(journey)
        case .csv: CSVExport.table(journey, csv)
        case .dot: DOTExport.graph(journey)
        case .markdown: Summary.markdown(journey, extras: extras)
        }
    }
}
