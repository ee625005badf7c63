/// The map's colours: the Okabe-Ito palette (safe for the common colour-vision
/// deficiencies and distinct in greyscale print), one colour per built-in model.
public enum MapPalette {
    /// Model id to colour. Each custom model takes the colour of the built-in model it
    /// is based on; a model with no known basis is grey.
    public static let models: [String: String] = [
        "high-touch": "#D55E00",   // vermillion
        "hvc": "#CC79A7",          // reddish purple
        "hybrid": "#E69F00",       // orange
        "community": "#009E73",    // bluish green
        "low-touch": "#56B4E9",    // sky blue
        "tech-touch": "#0072B2",   // blue
        "ai-augmented": "#F0E442", // yellow (a layer)
    ]
    /// A touchpoint or lane with no model.
    public static let none = "#999999"
    public static let ink = "#1A1A1A"
    public static let muted = "#555555"
    public static let rule = "#8C8C8C"
    public static let laneShade = "#F2F2F2"
    public static let headerFill = "#E8E8E8"
    /// The sentiment curve and the funnel band.
    public static let accent = "#000000"

    /// The colour of a model id in a journey.
    public static func colour(_ model: String?, in journey: Journey) -> String {
        guard let model else { return none }
        return journey.builtInModel(model).flatMap { models[$0] } ?? none
    }
}
