/// The built-in themes, the same text as the files in Themes/ (a test keeps them equal),
/// so the binary needs no files beside it.
enum BuiltInThemes {
    static let files: [(name: String, json: String)] = [
        ("default", #"""
{
  "name": "default",
  "description": "Dark: for terminals with a dark background.",
  "roles": {
    "normal": {
      "fg": "default",
      "bg": "default"
    },
    "title": {
      "fg": "black",
      "bg": "cyan",
      "attributes": [
        "bold"
      ]
    },
    "stageHeader": {
      "fg": "cyan",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "card": {
      "fg": "white",
      "bg": "default"
    },
    "selectedCard": {
      "fg": "yellow",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "dim": {
      "fg": 245,
      "bg": "default"
    },
    "warning": {
      "fg": "yellow",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "error": {
      "fg": "red",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "statusBar": {
      "fg": "black",
      "bg": "white"
    },
    "message": {
      "fg": "green",
      "bg": "default"
    },
    "badgeHighTouch": {
      "fg": "magenta",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeLowTouch": {
      "fg": "blue",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeHybrid": {
      "fg": "yellow",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeTechTouch": {
      "fg": "cyan",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeCommunity": {
      "fg": "green",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeHVC": {
      "fg": "red",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeAI": {
      "fg": 141,
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeCustom": {
      "fg": "white",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "border": {
      "fg": 240,
      "bg": "default"
    },
    "input": {
      "fg": "white",
      "bg": "default",
      "attributes": [
        "underline"
      ]
    },
    "selectedInput": {
      "fg": "black",
      "bg": "cyan"
    },
    "overlay": {
      "fg": "white",
      "bg": "default"
    }
  }
}
"""#),
        ("light", #"""
{
  "name": "light",
  "description": "Light: for terminals with a light background.",
  "roles": {
    "normal": {
      "fg": "default",
      "bg": "default"
    },
    "title": {
      "fg": "white",
      "bg": "blue",
      "attributes": [
        "bold"
      ]
    },
    "stageHeader": {
      "fg": "blue",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "card": {
      "fg": "black",
      "bg": "default"
    },
    "selectedCard": {
      "fg": "blue",
      "bg": "white",
      "attributes": [
        "bold"
      ]
    },
    "dim": {
      "fg": 242,
      "bg": "default"
    },
    "warning": {
      "fg": 130,
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "error": {
      "fg": "red",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "statusBar": {
      "fg": "white",
      "bg": "black"
    },
    "message": {
      "fg": 22,
      "bg": "default"
    },
    "badgeHighTouch": {
      "fg": "magenta",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeLowTouch": {
      "fg": "blue",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeHybrid": {
      "fg": 130,
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeTechTouch": {
      "fg": 30,
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeCommunity": {
      "fg": 28,
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeHVC": {
      "fg": "red",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeAI": {
      "fg": 91,
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeCustom": {
      "fg": "black",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "border": {
      "fg": 248,
      "bg": "default"
    },
    "input": {
      "fg": "black",
      "bg": "default",
      "attributes": [
        "underline"
      ]
    },
    "selectedInput": {
      "fg": "white",
      "bg": "blue"
    },
    "overlay": {
      "fg": "black",
      "bg": "default"
    }
  }
}
"""#),
        ("high-contrast", #"""
{
  "name": "high-contrast",
  "description": "High contrast: bright colours, bold text, no dim text.",
  "roles": {
    "normal": {
      "fg": "white",
      "bg": "black"
    },
    "title": {
      "fg": "black",
      "bg": "yellow",
      "attributes": [
        "bold"
      ]
    },
    "stageHeader": {
      "fg": "yellow",
      "bg": "black",
      "attributes": [
        "bold",
        "underline"
      ]
    },
    "card": {
      "fg": "white",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "selectedCard": {
      "fg": "yellow",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "dim": {
      "fg": "white",
      "bg": "black"
    },
    "warning": {
      "fg": "yellow",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "error": {
      "fg": "red",
      "bg": "black",
      "attributes": [
        "bold",
        "underline"
      ]
    },
    "statusBar": {
      "fg": "black",
      "bg": "white",
      "attributes": [
        "bold"
      ]
    },
    "message": {
      "fg": "green",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "badgeHighTouch": {
      "fg": "magenta",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "badgeLowTouch": {
      "fg": "cyan",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "badgeHybrid": {
      "fg": "yellow",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "badgeTechTouch": {
      "fg": "cyan",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "badgeCommunity": {
      "fg": "green",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "badgeHVC": {
      "fg": "red",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "badgeAI": {
      "fg": "magenta",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "badgeCustom": {
      "fg": "white",
      "bg": "black",
      "attributes": [
        "bold"
      ]
    },
    "border": {
      "fg": "white",
      "bg": "black"
    },
    "input": {
      "fg": "white",
      "bg": "black",
      "attributes": [
        "underline",
        "bold"
      ]
    },
    "selectedInput": {
      "fg": "black",
      "bg": "yellow",
      "attributes": [
        "bold"
      ]
    },
    "overlay": {
      "fg": "white",
      "bg": "black"
    }
  }
}
"""#),
        ("monochrome", #"""
{
  "name": "monochrome",
  "description": "Monochrome: attributes only, no colour (NO_COLOR uses it).",
  "roles": {
    "normal": {
      "fg": "default",
      "bg": "default"
    },
    "title": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "reverse",
        "bold"
      ]
    },
    "stageHeader": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold",
        "underline"
      ]
    },
    "card": {
      "fg": "default",
      "bg": "default"
    },
    "selectedCard": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "dim": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "dim"
      ]
    },
    "warning": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "error": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold",
        "underline"
      ]
    },
    "statusBar": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "reverse"
      ]
    },
    "message": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeHighTouch": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeLowTouch": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeHybrid": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeTechTouch": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeCommunity": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeHVC": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeAI": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "badgeCustom": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "bold"
      ]
    },
    "border": {
      "fg": "default",
      "bg": "default"
    },
    "input": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "underline"
      ]
    },
    "selectedInput": {
      "fg": "default",
      "bg": "default",
      "attributes": [
        "reverse"
      ]
    },
    "overlay": {
      "fg": "default",
      "bg": "default"
    }
  }
}
"""#),
    ]
}
