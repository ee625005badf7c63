#!/usr/bin/env python3
"""Writes the hostile journey corpus in Tests/Corpus/ (deterministic: same bytes every run).

Each file is one bad or hostile journey. Tests/Corpus/expected.tsv records what the
reading commands must do with it; propose new outcomes with
    CORPUS_RECORD=1 swift test --filter CorpusTests     (writes expected.tsv.new and fails)
then review and accept them with Scripts/accept-expectations.sh (see docs/CONTRIBUTING.md).
"""
import copy, json, os, sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Corpus")

BASE = {
    "formatVersion": 2,
    "title": "Corpus base journey",
    "description": "A journey using every field, for mutation.",
    "owner": "Lifecycle team",
    "lastReviewed": "2026-03-31",
    "framework": {"id": "mckinsey-cdj"},
    "stages": [
        {"id": "consider", "name": "Initial consideration", "goal": "Be in the set", "level": "aware", "dropOff": 40,
         "kpis": [{"id": "reach", "name": "Reach", "kind": "activity", "target": 1000, "unit": "people"}],
         "touchpoints": [
             {"id": "ad-landing", "name": "Landing page after an ad click", "channel": "web",
              "trigger": {"kind": "event", "detail": "ad click"}, "model": "tech-touch", "layers": ["ai-augmented"],
              "cohorts": ["new-visitors"], "owner": "Growth", "content": "Hero and offer", "status": "live",
              "evidence": "partly-backed", "notes": "A/B test running",
              "kpis": [{"id": "lp-cvr", "name": "Landing conversion", "kind": "outcome", "target": 3.5, "unit": "%"}]},
         ]},
        {"id": "evaluate", "name": "Active evaluation", "level": "aware", "dropOff": 25.5, "touchpoints": [
            {"id": "demo-call", "name": "Demo call", "channel": "sales-call", "trigger": {"kind": "manual"},
             "model": "concierge", "cohorts": ["high-value"], "escalation": "Account lead joins", "status": "planned",
             "evidence": "assumed"}]},
        {"id": "purchase", "name": "Moment of purchase", "level": "active", "touchpoints": [
            {"id": "confirmation", "name": "Confirmation email", "channel": "email",
             "trigger": {"kind": "event", "detail": "order placed"}, "model": "low-touch", "status": "live"}]},
        {"id": "post-purchase", "name": "Post-purchase experience", "level": "invested",
         "suppress": [{"rule": "JM003", "reason": "Measured in the loyalty report"}]},
    ],
    "loops": [{"id": "loyalty-loop", "from": "post-purchase", "to": "purchase", "label": "loyal customers re-buy"}],
    "cohorts": [
        {"id": "new-visitors", "name": "New visitors", "size": 120000, "valuePerUser": 12.5, "complexity": "low",
         "service": "self-serve", "level": "aware", "model": "tech-touch", "layers": ["ai-augmented"]},
        {"id": "high-value", "name": "High-value customers", "description": "Top 5% by revenue", "size": 800,
         "valuePerUser": 4200, "complexity": "high", "service": "configured", "level": "invested", "model": "hvc"},
    ],
    "models": [{"id": "concierge", "name": "Concierge", "description": "A named person", "basedOn": "high-touch"}],
    "kpis": [{"id": "health", "name": "Health score", "kind": "outcome", "health": True, "target": 70}],
    "team": {"capacity": "medium", "budget": "low"},
    "costs": {"currency": "EUR", "perCustomerYear": {"high-touch": 900, "concierge": 1200}},
    "maturity": {"assessed": "2026-03-01", "rung": 2, "level": 2, "checks": ["a2-segments", "a2-triggers"]},
    "suppress": [{"rule": "JM015", "reason": "Owned by the whole team"}],
}

files = {}


def canonical(obj):
    return (json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def put(name, data):
    if isinstance(data, str):
        data = data.encode()
    assert name not in files, name
    files[name] = data


def mutate(name, fn):
    j = copy.deepcopy(BASE)
    fn(j)
    put(name, canonical(j))


def setter(path, value):
    def fn(j):
        node = j
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = value
    return fn


base = canonical(BASE)

# Truncated at many points: empty, inside keys, strings, numbers, literals, escapes, between members.
put("trunc-empty.json", b"")
for label, marker, extra in [
    ("open-brace", b"{", 0), ("in-key", b'"formatVers', 0), ("after-key", b'"costs"', 0),
    ("after-colon", b'"costs": ', 0), ("in-string", b'"Corpus base', 0), ("in-number", b'"valuePerUser": 42', 0),
    ("in-true", b'"health": tr', 0), ("after-comma", b'"kind": "activity",', 0), ("in-array", b'"checks": [\n', 0),
    ("before-last-brace", b"journey\"\n}", -1),
]:
    assert marker in base, marker
    i = base.index(marker) + len(marker) + extra
    put(f"trunc-{label}.json", base[:i])
put("trunc-in-escape.json", base.replace(b'"A/B test running"', b'"A/B test \\u00')[: base.index(b'"A/B test running"') + 14])
put("trunc-half.json", base[: len(base) // 2])
put("trunc-last-byte.json", base[:-2])

# Every field given a wrong type.
wrong = [
    ("title-number", ["title"], 1), ("title-null", ["title"], None), ("framework-array", ["framework"], ["aarrr"]),
    ("framework-id-number", ["framework", "id"], 7), ("stages-object", ["stages"], {}),
    ("stage-array", ["stages", 0], []), ("stage-name-null", ["stages", 0, "name"], None),
    ("stage-dropoff-string", ["stages", 0, "dropOff"], "40%"), ("stage-level-number", ["stages", 0, "level"], 3),
    ("touchpoint-channel-number", ["stages", 0, "touchpoints", 0, "channel"], 5),
    ("touchpoint-trigger-string", ["stages", 0, "touchpoints", 0, "trigger"], "event"),
    ("touchpoint-layers-string", ["stages", 0, "touchpoints", 0, "layers"], "ai-augmented"),
    ("touchpoint-status-bool", ["stages", 0, "touchpoints", 0, "status"], True),
    ("cohort-size-fraction", ["cohorts", 0, "size"], 1.5), ("cohort-size-string", ["cohorts", 0, "size"], "big"),
    ("cohort-value-negative", ["cohorts", 0, "valuePerUser"], -3),
    ("kpi-health-string", ["kpis", 0, "health"], "yes"), ("kpi-target-bool", ["kpis", 0, "target"], True),
    ("loops-object", ["loops"], {"from": "a"}), ("team-array", ["team"], ["low"]),
    ("costs-table-array", ["costs", "perCustomerYear"], [900]), ("maturity-rung-9", ["maturity", "rung"], 9),
    ("last-reviewed-word", ["lastReviewed"], "yesterday"), ("last-reviewed-feb30", ["lastReviewed"], "2026-02-30"),
    ("suppress-string", ["suppress", 0], "no-owner"), ("suppress-empty-reason", ["suppress", 0, "reason"], "  "),
    ("model-basedon-unknown", ["models", 0, "basedOn"], "hi-touch"), ("id-upper-case", ["stages", 1, "id"], "Evaluate"),
]
for label, path, value in wrong:
    mutate(f"type-{label}.json", setter(path, value))
put("type-root-array.json", b"[" + base + b"]\n")
put("type-root-string.json", b'"journey"\n')
put("type-root-null.json", b"null\n")
mutate("type-unknown-root-key.json", setter(["stagse"], []))
mutate("type-missing-title.json", lambda j: j.pop("title"))

# Versions.
for label, value in [("future-4", 4), ("huge", 999999999), ("negative", -1), ("zero", 0), ("fraction", 1.5),
                     ("string", "2"), ("null", None), ("exp-1e9", 1e9)]:
    mutate(f"version-{label}.json", setter(["formatVersion"], value))
mutate("version-missing.json", lambda j: j.pop("formatVersion"))
mutate("version-1-migrates.json", lambda j: (j.update(formatVersion=1), j.update(framework="mckinsey-cdj")))

# Duplicate keys and ids, dangling references.
put("dup-root-key.json", base.replace(b'  "title": "Corpus base journey"', b'  "title": "Corpus base journey",\n  "title": "Again"'))
put("dup-nested-key.json", base.replace(b'"name": "Demo call"', b'"name": "Demo call", "name": "Demo"'))
mutate("dup-stage-ids.json", setter(["stages", 1, "id"], "consider"))
mutate("dup-id-across-kinds.json", setter(["cohorts", 0, "id"], "demo-call"))
mutate("ref-loop-unknown-stage.json", setter(["loops", 0, "from"], "after-sales"))
mutate("ref-touchpoint-unknown-model.json", setter(["stages", 2, "touchpoints", 0, "model"], "low-tuch"))
mutate("ref-unknown-cohort.json", setter(["stages", 1, "touchpoints", 0, "cohorts"], ["vips"]))
mutate("ref-cost-unknown-model.json", setter(["costs", "perCustomerYear"], {"platinum": 5}))
mutate("ref-unknown-framework.json", setter(["framework", "id"], "aarr"))
mutate("ref-unknown-channel.json", setter(["stages", 0, "touchpoints", 0, "channel"], "e-mail"))

# Values the reader and the schema refuse (docs/file-format.md, "What the reader refuses").
mutate("blank-stage-name.json", setter(["stages", 1, "name"], ""))
mutate("blank-title-nbsp.json", setter(["title"], " \u00a0\u3000"))
mutate("blank-cohort-name-newline.json", setter(["cohorts", 0, "name"], "\n"))
mutate("repeat-layer.json", setter(["cohorts", 0, "layers"], ["ai-augmented", "ai-augmented"]))
mutate("repeat-touchpoint-cohort.json", setter(["stages", 0, "touchpoints", 0, "cohorts"], ["new-visitors", "high-value", "new-visitors"]))
mutate("repeat-maturity-check.json", setter(["maturity", "checks"], ["a2-segments", "a2-segments"]))
mutate("loop-to-itself.json", setter(["loops", 0, "to"], "post-purchase"))
mutate("rule-id-malformed.json", setter(["suppress", 0, "rule"], "jm15"))
mutate("maturity-check-unknown.json", setter(["maturity", "checks"], ["stages-mapped"]))

# Nesting and size limits.
put("nest-arrays-65.json", base.replace(b'"description": "A journey', b'"x": ' + b"[" * 65 + b"]" * 65 + b', "description": "A journey'))
put("nest-arrays-100000.json", b"[" * 100000 + b"]" * 100000)
put("nest-objects-deep.json", b'{"a":' * 5000 + b"1" + b"}" * 5000)
put("nest-unclosed-100000.json", b"[" * 100000)
put("long-string-over-limit.json", b'{"formatVersion": 2, "title": "' + b"a" * ((1 << 20) + 1) + b'"}\n')
mutate("long-id-in-message.json", setter(["stages", 0, "id"], "X" * 20000))
put("long-line-minified.json", json.dumps({**BASE, "description": "w " * 20000}, separators=(",", ":")).encode()
    .replace(b'"rung":2', b'"rung":2,'))

# Numbers.
mutate("num-dropoff-over-100.json", setter(["stages", 0, "dropOff"], 100.5))
put("num-1e400.json", base.replace(b'"dropOff": 40', b'"dropOff": 1e400'))
put("num-minus-1e400.json", base.replace(b'"target": 70', b'"target": -1e400'))
put("num-10000-digits.json", base.replace(b'"target": 70', b'"target": ' + b"9" * 10000))
put("num-size-1e15.json", base.replace(b'"size": 800', b'"size": 1000000000000000'))
put("num-nan.json", base.replace(b'"target": 70', b'"target": NaN'))
put("num-infinity.json", base.replace(b'"target": 70', b'"target": Infinity'))
put("num-hex.json", base.replace(b'"target": 70', b'"target": 0x46'))
put("num-leading-zero.json", base.replace(b'"target": 70', b'"target": 070'))
put("num-plus.json", base.replace(b'"target": 70', b'"target": +70'))
put("num-dot-first.json", base.replace(b'"target": 70', b'"target": .7'))

# Encoding: invalid UTF-8, BOMs, UTF-16.
put("utf8-lone-ff.json", base.replace(b"Corpus base journey", b"Corpus \xff journey"))
put("utf8-overlong-slash.json", base.replace(b"Corpus base journey", b"Corpus \xc0\xaf journey"))
put("utf8-encoded-surrogate.json", base.replace(b"Corpus base journey", b"Corpus \xed\xa0\x80 journey"))
put("utf8-truncated-at-eof.json", base.replace(b'Corpus base journey"\n}\n', b'Corpus base journey\xe2\x82'))
put("utf8-byte-outside-string.json", base.replace(b'"title"', b'\xe9"title"'))
put("utf8-latin1-file.json", base.replace(b"Corpus base journey", "Café crème".encode("latin-1")))
put("bom-utf8-valid.json", b"\xef\xbb\xbf" + base)
put("bom-twice.json", b"\xef\xbb\xbf\xef\xbb\xbf" + base)
put("bom-only.json", b"\xef\xbb\xbf")
put("bom-utf16le.json", b"\xff\xfe" + base.decode().encode("utf-16-le"))
put("escape-lone-high-surrogate.json", base.replace(b"Corpus base journey", b"Corpus \\ud83d journey"))
put("escape-lone-low-surrogate.json", base.replace(b"Corpus base journey", b"Corpus \\ude00 journey"))
put("escape-invalid.json", base.replace(b"Corpus base journey", b"Corpus \\x41 journey"))

# NUL bytes and raw control characters.
put("nul-outside-string.json", base.replace(b'"title"', b'\x00"title"'))
put("nul-in-string.json", base.replace(b"Corpus base journey", b"Corpus\x00journey"))
put("nul-all.json", b"\x00" * 512)
put("ctl-raw-esc-in-string.json", base.replace(b"Corpus base journey", b"Corpus \x1b[31mred"))
put("ctl-raw-esc-outside.json", base.replace(b'"title"', b'\x1b]0;pwned\x07"title"'))
put("ctl-form-feed-whitespace.json", base.replace(b'\n  "title"', b'\n\x0c  "title"'))
put("ctl-del-outside.json", base.replace(b'"title"', b'\x7f"title"'))

# Hostile text that is valid JSON: the file is read; every message must show it escaped.
mutate("esc-title-csi.json", setter(["title"], "\x1b[2J\x1b[31mCleared screen\x07"))
mutate("esc-osc-title-in-stage.json", setter(["stages", 0, "name"], "\x1b]0;owned\x07Stage\x1b]8;;http://x\x1b\\link"))
mutate("esc-c1-csi-in-touchpoint.json", setter(["stages", 0, "touchpoints", 0, "name"], "\u009b31mC1 CSI\u0085"))
mutate("esc-bidi-override-owner.json", setter(["owner"], "\u202eevil\u202c \u2066isolate\u2069"))
mutate("esc-nul-escape-in-title.json", setter(["title"], "before\u0000after"))
mutate("esc-in-invalid-id.json", setter(["stages", 0, "id"], "bad\x1b[31mid"))
mutate("esc-in-unknown-key.json", setter(["stages", 0, "\x1b[31mkey\u009b"], 1))
mutate("esc-in-channel.json", setter(["stages", 0, "touchpoints", 0, "channel"], "e\x1b[5mmail"))
mutate("esc-in-reference.json", setter(["loops", 0, "to"], "\x1b]52;c;aGk=\x07"))
mutate("esc-in-framework.json", setter(["framework", "id"], "\u202eaarrr"))
put("esc-raw-c1-utf8.json", base.replace(b"Corpus base journey", b"Corpus \xc2\x9b31m journey"))

# Other syntax errors.
put("syntax-trailing-comma.json", base.replace(b'"rung": 2', b'"rung": 2,'))
put("syntax-comment.json", base.replace(b'{\n', b'{\n  // a comment\n', 1))
put("syntax-single-quotes.json", base.replace(b'"title": "Corpus base journey"', b"'title': 'Corpus base journey'"))
put("syntax-unquoted-key.json", base.replace(b'"title":', b"title:"))
put("syntax-two-objects.json", base + base)
put("syntax-garbage-after.json", base + b"garbage")
put("syntax-missing-comma.json", base.replace(b'"owner": "Lifecycle team",', b'"owner": "Lifecycle team"'))
put("syntax-whitespace-only.json", b" \n\t\r\n ")
put("syntax-crlf-valid.json", base.replace(b"\n", b"\r\n"))
put("syntax-many-errors.json", canonical({**BASE, **{f"unknown{i}": i for i in range(150)}}))

os.makedirs(OUT, exist_ok=True)
for old in os.listdir(OUT):
    if old.endswith(".json") and old not in files:
        os.remove(os.path.join(OUT, old))
for name, data in sorted(files.items()):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
with open(os.path.join(OUT, "base.journey"), "wb") as f:
    f.write(base)
print(f"{len(files)} corpus files in {os.path.normpath(OUT)}")
