#!/usr/bin/env python3
"""Writes mutated journeys for the schema differential test: each sample and the review
fixture, changed one way at a time. Prints a manifest line per file: NAME<TAB>CATEGORY.
Usage: schema-mutations.py OUT-DIR SAMPLE.json..."""
import copy, json, os, sys

out, samples = sys.argv[1], sys.argv[2:]

def touchpoints(j):
    return [(si, ti) for si, s in enumerate(j.get("stages", [])) for ti, _ in enumerate(s.get("touchpoints", []))]

def mutations(j):
    """(category, function) pairs; a function changes a copy in place, or returns False to skip."""
    tps = touchpoints(j)
    def tp(k):
        si, ti = tps[k % len(tps)]
        return j2["stages"][si]["touchpoints"][ti]
    m = []
    def add(cat, f): m.append((cat, f))
    for k in (0, 3):
        add("valid", lambda j, k=k: None)
        add("blank-name", lambda j, k=k: j["stages"][k % len(j["stages"])].__setitem__("name", ""))
        add("blank-name", lambda j, k=k: j["stages"][k % len(j["stages"])].__setitem__("name", "   "))
        add("blank-name", lambda j, k=k: tpk(j, k).__setitem__("name", "\t"))
        add("blank-name", lambda j, k=k: j["cohorts"][k % len(j["cohorts"])].__setitem__("name", " ") if j.get("cohorts") else False)
        add("duplicate-in-list", lambda j, k=k: tpk(j, k).__setitem__("layers", ["ai-augmented", "ai-augmented"]))
        add("duplicate-in-list", lambda j, k=k: tpk(j, k).__setitem__("cohorts", [j["cohorts"][0]["id"]] * 2) if j.get("cohorts") else False)
        add("loop-to-itself", lambda j, k=k: j.setdefault("loops", []).append({"id": "self-loop", "from": j["stages"][k % len(j["stages"])]["id"], "to": j["stages"][k % len(j["stages"])]["id"]}))
        add("bad-suppression-rule", lambda j, k=k: tpk(j, k).__setitem__("suppress", [{"rule": "jm3", "reason": "x"}]))
        add("unknown-suppression-rule", lambda j, k=k: tpk(j, k).__setitem__("suppress", [{"rule": "JM999", "reason": "x"}]))
        add("good-suppression", lambda j, k=k: tpk(j, k).__setitem__("suppress", [{"rule": "JM014", "reason": "x"}]))
        add("unknown-reference", lambda j, k=k: tpk(j, k).__setitem__("cohorts", ["no-such-cohort"]))
        add("unknown-reference", lambda j, k=k: tpk(j, k).__setitem__("model", "no-such-model"))
        add("unknown-reference", lambda j, k=k: j.setdefault("loops", []).append({"id": "dangling", "from": j["stages"][0]["id"], "to": "no-such-stage"}))
        add("duplicate-id", lambda j, k=k: tpk(j, k).__setitem__("id", j["stages"][k % len(j["stages"])]["id"]))
        add("bad-date", lambda j, k=k: j.__setitem__("lastReviewed", ["2026-02-30", "2025-02-29", "2026-13-01", "26-01-01", "2026-1-01", "yesterday"][k % 6]))
        add("bad-date", lambda j, k=k: j.__setitem__("lastReviewed", ["2100-02-29", "2026-04-31", "2026-00-10", "2026-06-00"][k % 4]))
        add("good-date", lambda j, k=k: j.__setitem__("lastReviewed", ["2024-02-29", "2000-02-29", "2026-12-31", "0000-02-29"][k % 4]))
        add("unknown-key", lambda j, k=k: tpk(j, k).__setitem__("chanel", "email"))
        add("wrong-type", lambda j, k=k: tpk(j, k).__setitem__("name", 7))
        add("wrong-type", lambda j, k=k: j.__setitem__("title", None))
        add("bad-enum", lambda j, k=k: tpk(j, k).__setitem__("channel", "telegram"))
        add("out-of-range", lambda j, k=k: j["stages"][k % len(j["stages"])].__setitem__("dropOff", 101))
        add("bad-id", lambda j, k=k: tpk(j, k).__setitem__("id", "Not A Slug"))
        add("missing-required", lambda j, k=k: j["stages"][k % len(j["stages"])].pop("name"))
        add("blank-title", lambda j, k=k: j.__setitem__("title", " \u00a0"))
        add("bad-maturity-check", lambda j, k=k: j.__setitem__("maturity", dict(j.get("maturity") or {"assessed": "2026-01-01", "rung": 1, "level": 1}, checks=["no-such-check"])))
        add("duplicate-in-list", lambda j, k=k: j.__setitem__("maturity", dict(j.get("maturity") or {"assessed": "2026-01-01", "rung": 1, "level": 1}, checks=[known_check, known_check])))
        # The gaps closed in the reader and the schema alike, each several ways; and near misses both accept.
        blank = ["", " ", "\u00a0", "\u3000", "\n", " \u2028", "\u2003\t", "\u0085"][k % 8:] + ["\u202f"]
        add("blank-name", lambda j, k=k: j["stages"][k % len(j["stages"])]["kpis"][0].__setitem__("name", blank[0]) if j["stages"][k % len(j["stages"])].get("kpis") else False)
        add("blank-name", lambda j, k=k: j["models"][0].__setitem__("name", blank[1]) if j.get("models") else False)
        add("blank-name", lambda j, k=k: j["scenarios"][0].__setitem__("name", blank[2]) if j.get("scenarios") else False)
        add("blank-name", lambda j, k=k: j["healthScore"]["components"][0].__setitem__("name", blank[3]) if (j.get("healthScore") or {}).get("components") else False)
        add("blank-name", lambda j, k=k: j.__setitem__("framework", {"id": "own-lifecycle", "custom": True, "name": blank[4]}))
        add("blank-name", lambda j, k=k: j["framework"].__setitem__("name", blank[5]) if isinstance(j["framework"], dict) else False)
        add("blank-name", lambda j, k=k: tpk(j, k + 1).__setitem__("name", blank[1] + blank[2]))
        add("blank-title", lambda j, k=k: j.__setitem__("title", blank[0]))
        add("blank-title", lambda j, k=k: j.__setitem__("title", "\r\n" + blank[3]))
        add("blank-reason", lambda j, k=k: tpk(j, k).__setitem__("suppress", [{"rule": "JM014", "reason": blank[k % 3]}]))
        add("named", lambda j, k=k: j["stages"][k % len(j["stages"])].__setitem__("name", "\u200b"))
        add("named", lambda j, k=k: j["cohorts"][0].__setitem__("name", " \u00a0x\t") if j.get("cohorts") else False)
        add("named", lambda j, k=k: j.__setitem__("title", "\u3000\u9577\u3000"))
        add("duplicate-in-list", lambda j, k=k: j["cohorts"][k % len(j["cohorts"])].__setitem__("layers", ["ai-augmented", "ai-augmented"]) if j.get("cohorts") else False)
        add("duplicate-in-list", lambda j, k=k: j.setdefault("scenarios", []).append({"id": "repeat-layers", "name": "Repeat", "cohorts": [{"cohort": j["cohorts"][0]["id"], "layers": ["ai-augmented", "ai-augmented"]}]}) if j.get("cohorts") else False)
        add("duplicate-in-list", lambda j, k=k: tpk(j, k + 2).__setitem__("cohorts", [c["id"] for c in j["cohorts"]] + [j["cohorts"][-1]["id"]]) if j.get("cohorts") else False)
        add("distinct-list", lambda j, k=k: tpk(j, k).__setitem__("cohorts", [c["id"] for c in j["cohorts"]]) if j.get("cohorts") else False)
        add("loop-to-itself", lambda j, k=k: j.setdefault("loops", []).append({"id": "stay", "from": j["stages"][-1]["id"], "to": j["stages"][-1]["id"], "label": "again", "share": 10}))
        add("bad-suppression-rule", lambda j, k=k: j.setdefault("suppress", []).append({"rule": ["JM1", "JM0001", "jm003", "JM-003", "", "JM 003", "JMabc", "JM003 "][k % 8], "reason": "x"}))
        add("bad-suppression-rule", lambda j, k=k: j["cohorts"][0].__setitem__("suppress", [{"rule": ["no-owner", "JM\uff10\uff10\uff13", "jm15", "X003"][k % 4], "reason": "x"}]) if j.get("cohorts") else False)
        add("good-suppression", lambda j, k=k: j["stages"][0].__setitem__("suppress", [{"rule": ["JM000", "JM999"][k % 2], "reason": "x"}]))
        add("bad-maturity-check", lambda j, k=k: j.__setitem__("maturity", dict(j.get("maturity") or {"assessed": "2026-01-01", "rung": 1, "level": 1}, checks=[known_check.upper()])))
        add("bad-maturity-check", lambda j, k=k: j.__setitem__("maturity", dict(j.get("maturity") or {"assessed": "2026-01-01", "rung": 1, "level": 1}, checks=[known_check, known_check + " "])))
        add("good-maturity-check", lambda j, k=k: j.__setitem__("maturity", dict(j.get("maturity") or {"assessed": "2026-01-01", "rung": 1, "level": 1}, checks=[known_check])))
    return m

def tpk(j, k):
    tps = touchpoints(j)
    si, ti = tps[k % len(tps)]
    return j["stages"][si]["touchpoints"][ti]

known_check = os.environ.get("KNOWN_CHECK", "")
os.makedirs(out, exist_ok=True)
for path in samples:
    base = json.load(open(path))
    name = os.path.splitext(os.path.basename(path))[0]
    for i, (cat, f) in enumerate(mutations(base)):
        j = copy.deepcopy(base)
        if f(j) is False:
            continue
        j.pop("$schema", None)
        file = f"{name}-{i:02d}-{cat}.json"
        with open(os.path.join(out, file), "w") as fh:
            json.dump(j, fh, indent=2, ensure_ascii=False)
        print(f"{file}\t{cat}")
