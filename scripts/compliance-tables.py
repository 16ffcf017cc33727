#!/usr/bin/env python3
"""The catalogue tables of docs/compliance.md, made from the built-in catalogue.

Reads Sources/CongKhai/Obligations/tt09-2024.yaml, resolves each list as congkhai does (an item
named again changes only the fields it gives, `from: LIST` copies an item of an earlier list,
`remove: true` drops it; a new item has `verified: false`, `offset: 0` and the catalogue's
`deadline` unless it gives its own) and rewrites two blocks of docs/compliance.md: the round
table between `<!-- rounds:begin -->` and `<!-- rounds:end -->`, and one table per list between
`<!-- catalogue:begin -->` and `<!-- catalogue:end -->`. Run it after changing the YAML: `python3 scripts/compliance-tables.py`.
Needs PyYAML (Debian's python3-yaml).
"""
import os, re, sys
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOGUE = os.path.join(ROOT, "Sources", "CongKhai", "Obligations", "tt09-2024.yaml")
DOC = os.path.join(ROOT, "docs", "compliance.md")
NOTE = "<!-- Made by scripts/compliance-tables.py from Sources/CongKhai/Obligations/tt09-2024.yaml; do not edit by hand. -->"
FIELDS = ["name", "article", "verified", "group", "kind", "period", "offset", "deadline",
          "deadline_text", "reference", "form", "title", "asks", "columns"]
RECURRING = {"month", "week"}
# What round Y holds, by period kind and offset; a pair not named here gets a plain description.
HOLDS = {
    ("school-year", 0): "plans of school year Y–(Y+1)",
    ("school-year", -1): "results of school year (Y−1)–Y",
    ("fiscal-year", -1): "finance of fiscal year Y−1",
    ("calendar-year", -1): "the annual report as of 31/12/(Y−1)",
    ("standing", 0): "standing information, as it stood at the deadline",
    ("month", 0): "monthly items: shown with their latest document, not counted",
    ("week", 0): "weekly items: shown with their latest document, not counted",
}


def resolve(data):
    default_deadline = str(data.get("deadline", "06-30"))
    lists = []
    for entry in data.get("lists", []):
        target = next((l for l in lists if l["list"] == entry["list"]), None)
        if target is None:
            target = {"list": entry["list"], "name": entry["list"], "unit_kinds": [], "items": []}
            lists.append(target)
        target["name"] = entry.get("name", target["name"])
        if "unit_kinds" in entry:
            kinds = entry["unit_kinds"] if isinstance(entry["unit_kinds"], list) else [entry["unit_kinds"]]
            for other in lists:
                if other is not target:
                    other["unit_kinds"] = [k for k in other["unit_kinds"] if k not in kinds]
            target["unit_kinds"] = kinds
        for given in entry.get("items", []) or []:
            slug = given["slug"]
            if given.get("remove") is True:
                target["items"] = [i for i in target["items"] if i["slug"] != slug]
                continue
            current = next((i for i in target["items"] if i["slug"] == slug), None)
            if current is None and "from" in given:
                source = next(l for l in lists if l["list"] == given["from"])
                current = next(i for i in source["items"] if i["slug"] == slug)
            item = dict(current) if current else {"slug": slug, "verified": False, "offset": 0, "deadline": default_deadline}
            for key in FIELDS:
                if key in given:
                    item[key] = given[key]
            item["deadline"] = str(item["deadline"])
            position = next((n for n, i in enumerate(target["items"]) if i["slug"] == slug), None)
            if position is None:
                target["items"].append(item)
            else:
                target["items"][position] = item
    return lists


def day_month(text):
    month, day = (int(part) for part in text.split("-"))
    return f"{day}/{month}"


def cell(value):
    return "–" if value in (None, "") else str(value).replace("|", "\\|")


def list_table(lst):
    rows = [f"##### `{lst['list']}`: {lst['name']}", "",
            "Unit kinds: " + ", ".join(f"`{k}`" for k in lst["unit_kinds"]) + ".", "",
            "| slug | name | article | verified | group | document kind | period kind | offset | deadline | reference | form |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    for item in lst["items"]:
        periodic = item["period"] not in RECURRING and item["period"] != "standing"
        deadline = item.get("deadline_text") if item["period"] in RECURRING else day_month(item["deadline"])
        rows.append("| " + " | ".join([
            f"`{item['slug']}`", cell(item["name"]), cell(item["article"]), "yes" if item["verified"] else "**no**",
            f"`{item['group']}`", f"`{item['kind']}`", f"`{item['period']}`",
            f"{item['offset']:+d}".replace("+0", "0").replace("-", "−") if periodic else "–",
            cell(deadline), cell(item.get("reference")), cell(item.get("form"))]) + " |")
    return "\n".join(rows)


def round_table(lists):
    groups = {}
    for lst in lists:
        for item in lst["items"]:
            key = (item["period"], item["offset"] if item["period"] not in RECURRING | {"standing"} else 0)
            slugs = groups.setdefault(key, {})
            slugs.setdefault(item["slug"], []).append(lst["list"])
    order = ["school-year", "fiscal-year", "calendar-year", "standing", "month", "week"]
    rows = ["| round Y (deadline 30/6/Y) holds | period kind | offset | period held by round 2026 | counted | built-in items |",
            "|---|---|---|---|---|---|"]
    all_lists = [l["list"] for l in lists]
    for key in sorted(groups, key=lambda k: (order.index(k[0]) if k[0] in order else 99, -k[1])):
        period, offset = key
        if period == "school-year":
            held = f"{2026 + offset}-{2027 + offset}"
        elif period in ("fiscal-year", "calendar-year"):
            held = str(2026 + offset)
        else:
            held = "–"
        names = []
        for slug, where in groups[key].items():
            names.append(f"`{slug}`" + ("" if where == all_lists else " (" + ", ".join(where) + ")"))
        rows.append("| " + " | ".join([
            HOLDS.get(key, f"{period}, offset {offset}"), f"`{period}`",
            "–" if period in RECURRING | {"standing"} else (f"{offset:+d}".replace("+0", "0").replace("-", "−")),
            held, "no" if period in RECURRING else "yes", ", ".join(names)]) + " |")
    return "\n".join(rows)


def main():
    with open(CATALOGUE, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    lists = resolve(data)
    with open(DOC, encoding="utf-8") as handle:
        text = handle.read()
    blocks = {"rounds": round_table(lists), "catalogue": "\n\n".join(list_table(l) for l in lists)}
    for name, block in blocks.items():
        begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
        pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
        if not pattern.search(text):
            sys.exit(f"{DOC}: no {begin} … {end} block")
        text = pattern.sub(lambda _: f"{begin}\n{NOTE}\n\n{block}\n\n{end}", text)
    with open(DOC, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"{DOC}: {sum(len(l['items']) for l in lists)} items in {len(lists)} lists")


if __name__ == "__main__":
    main()
