/// A metric the guides name, with the words teams use for it: outcome metrics say whether
/// customers get through; activity metrics only measure motion (vanity when alone).
public struct KPIEntry: Sendable, Hashable, Identifiable {
    public let id: String
    public let name: String
    public let kind: KPIKind
    /// Other names for the same metric, lower case.
    public let synonyms: [String]
}

extension KPIEntry {
    /// The outcome and activity metrics of the domain brief, for completion and for telling an
    /// activity metric marked as an outcome.
    public static let catalog: [KPIEntry] = [
        KPIEntry(id: "clv", name: "Customer lifetime value (CLV)", kind: .outcome, synonyms: ["clv", "ltv", "lifetime value", "customer lifetime value"]),
        KPIEntry(id: "churn-rate", name: "Churn rate", kind: .outcome, synonyms: ["churn", "churn rate", "attrition", "attrition rate"]),
        KPIEntry(id: "retention-rate", name: "Retention rate", kind: .outcome, synonyms: ["retention", "retention rate", "retained customers"]),
        KPIEntry(id: "repeat-purchase-rate", name: "Repeat purchase rate", kind: .outcome, synonyms: ["repeat purchase rate", "repeat purchases", "repeat rate", "repurchase rate"]),
        KPIEntry(id: "revenue", name: "Revenue / ARPU", kind: .outcome, synonyms: ["revenue", "arpu", "average revenue per user", "mrr", "arr"]),
        KPIEntry(id: "conversion-rate", name: "Conversion rate", kind: .outcome, synonyms: ["conversion", "conversion rate", "cvr"]),
        KPIEntry(id: "nps", name: "NPS", kind: .outcome, synonyms: ["nps", "net promoter score"]),
        KPIEntry(id: "expansion-revenue", name: "Expansion revenue", kind: .outcome, synonyms: ["expansion revenue", "expansion", "upsell revenue", "net revenue retention"]),
        KPIEntry(id: "renewal-rate", name: "Renewal rate", kind: .outcome, synonyms: ["renewal rate", "renewals"]),
        KPIEntry(id: "opens", name: "Opens", kind: .activity, synonyms: ["opens", "open rate", "email open rate", "email opens", "push open rate", "push opens"]),
        KPIEntry(id: "clicks", name: "Clicks", kind: .activity, synonyms: ["clicks", "click rate", "click-through rate", "ctr", "click through rate"]),
        KPIEntry(id: "impressions", name: "Impressions", kind: .activity, synonyms: ["impressions", "reach", "views"]),
        KPIEntry(id: "likes", name: "Likes", kind: .activity, synonyms: ["likes", "reactions", "followers"]),
        KPIEntry(id: "sessions", name: "Sessions", kind: .activity, synonyms: ["sessions", "visits", "page views", "pageviews"]),
        KPIEntry(id: "dau", name: "Daily active users (DAU)", kind: .activity, synonyms: ["dau", "daily active users", "mau", "monthly active users", "wau"]),
        KPIEntry(id: "time-on-platform", name: "Time on platform", kind: .activity, synonyms: ["time on platform", "time on site", "time spent", "session length"]),
        KPIEntry(id: "forum-posts", name: "Forum posts", kind: .activity, synonyms: ["forum posts", "posts", "comments"]),
    ]

    /// The catalog entry a KPI name stands for: its whole name (lower case, ignoring spaces and
    /// punctuation at the ends) matches a name or synonym. Nil when it is not a catalog metric.
    public static func matching(_ name: String) -> KPIEntry? {
        let key = normalized(name)
        guard !key.isEmpty else { return nil }
        return byName[key]
    }

    /// Every catalog name and synonym, normalized, to the first entry (in catalog order) that has it.
    static let byName: [String: KPIEntry] = {
        var index: [String: KPIEntry] = [:]
        for e in catalog {
            for key in [normalized(e.name)] + e.synonyms where index[key] == nil { index[key] = e }
        }
        return index
    }()

    /// Catalog entries whose name or a synonym starts with the typed text, for completion.
    public static func completions(_ prefix: String) -> [KPIEntry] {
        let key = normalized(prefix)
        guard !key.isEmpty else { return catalog }
        return catalog.filter { e in normalized(e.name).hasPrefix(key) || e.synonyms.contains { $0.hasPrefix(key) } }
    }

    /// What `normalized` drops at either end of a name.
    static let trimmedAtEnds: Set<Unicode.Scalar> = [" ", ".", ",", ":", ";", "!", "?", "(", ")"]

    /// Lower case, runs of spaces and tabs as one space, without the spaces and punctuation
    /// (`.,:;!?()`) at either end.
    static func normalized(_ s: String) -> String {
        let words = s.lowercased().split { $0 == " " || $0 == "\t" }.joined(separator: " ").unicodeScalars
        guard let first = words.firstIndex(where: { !trimmedAtEnds.contains($0) }),
              let last = words.lastIndex(where: { !trimmedAtEnds.contains($0) }) else { return "" }
        return String(words[first...last])
    }
}

extension KPI {
    /// The kind the KPI really has: activity when its name is a catalog activity metric, whatever
    /// it is marked; else as marked.
    public var effectiveKind: KPIKind {
        KPIEntry.matching(name)?.kind == .activity ? .activity : kind
    }
}
