/// Numbers as every review output writes them: thousands separators, at most two
/// decimals, percentages with `%`, money as `EUR 1,234`.
public enum NumberText {
    /// `1234567` as `1,234,567`; `1.25` as `1.25`; `-0.5` as `-0.5` (at most two decimals).
    public static func grouped(_ d: Double) -> String {
        guard d.isFinite else { return "n/a" }
        if abs(d) >= 1e15 { return CostModel.grouped(d) }
        let cents = (abs(d) * 100).rounded()
        let whole = CostModel.grouped((cents / 100).rounded(.down))
        let fraction = Int(cents.truncatingRemainder(dividingBy: 100))
        let sign = d < 0 && cents > 0 ? "-" : ""
        if fraction == 0 { return sign + whole }
        let decimals = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return sign + whole + "." + decimals
    }

    /// A percentage: `85%`, `2.5%`.
    public static func percent(_ d: Double) -> String { grouped(d) + "%" }

    /// A share (0.25) as a whole percentage (`25%`), `<1%` when small, `-` when unknown.
    public static func share(_ s: Double?) -> String {
        guard let s, s.isFinite, abs(s) < 1e15 else { return "-" }
        let p = s * 100
        return p > 0 && p < 1 ? "<1%" : "\(Int(p.rounded()))%"
    }

    /// A whole amount of money with the currency first: `EUR 1,234,567`.
    public static func money(_ d: Double, currency: String) -> String { currency + " " + CostModel.grouped(d) }

    /// A figure with its unit: `70%` for a percent, `EUR 900` for a currency code, else `15,000 per month`.
    public static func amount(_ d: Double, unit: String) -> String {
        if unit.isEmpty { return grouped(d) }
        if unit == "%" { return percent(d) }
        if isCurrencyCode(unit) { return unit + " " + grouped(d) }
        return grouped(d) + " " + unit
    }

    /// True for a three-letter upper-case code such as `EUR`, or a currency symbol.
    public static func isCurrencyCode(_ unit: String) -> Bool {
        if ["$", "\u{20AC}", "\u{00A3}", "\u{00A5}"].contains(unit) { return true }
        return unit.count == 3 && unit.unicodeScalars.allSatisfy { $0.value >= 65 && $0.value <= 90 } && knownCurrencies.contains(unit)
    }

    /// ISO 4217 codes the lint and the formats recognise.
    public static let knownCurrencies: Set<String> = [
        "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "CNY", "HKD",
        "SGD", "INR", "BRL", "MXN", "ZAR", "KRW", "TRY", "ILS", "AED", "SAR", "THB", "IDR", "MYR", "PHP", "VND", "NGN",
        "KES", "EGP", "ARS", "CLP", "COP", "PEN", "RON", "BGN", "ISK", "TWD", "UAH", "RUB", "PKR", "BDT",
    ]
}
