#!/usr/bin/env python3
"""Check a writer's set: python3 validate.py out/sealedNN.jsonl PREFIX

Prints every problem and a summary; 'OK' only when there is none."""
import hashlib
import json
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
CLAUSES = {"2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6",
           "4.7", "4.8", "4.9", "4.10", "5.1"}
ENTITIES = {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "LOCATION", "ADDRESS", "UK_POSTCODE",
            "UK_NINO", "UK_NHS", "UK_PASSPORT", "UK_DRIVING_LICENCE", "UK_VEHICLE_REGISTRATION",
            "DATE_OF_BIRTH", "ORGANIZATION", "ROLE"}
REQUIRED = {"id", "text", "mode", "at", "clauses", "spans", "note"}
MINIMUM = {"2.1": 10, "2.2": 10, "2.3": 10, "2.4": 10, "3.1": 15, "3.2": 17, "4.1": 28,
           "4.2": 28, "4.3": 12, "4.4": 12, "4.5": 40, "4.6": 80, "4.7": 44, "4.8": 12,
           "4.9": 20, "4.10": 17, "5.1": 12}
SPOKESPERSON = "Margaret Ellison"
SEEN = {line.strip() for line in open(Path(__file__).with_name("seen_hashes.txt")) if line.strip()}


def inside_hours(at):
    local = datetime.fromisoformat(at).astimezone(LONDON)
    return local.weekday() < 5 and 9 * 60 <= local.hour * 60 + local.minute < 17 * 60


def sentences(text):
    return len([s for s in re.split(r"(?<=[.!?])\s+|\n+", text.strip()) if len(s.split()) >= 2])


def main(path, prefix):
    problems = []
    posts = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            post = json.loads(line)
        except ValueError as exc:
            problems.append(f"line {n}: not JSON: {exc}")
            continue
        posts.append((n, post))
    ids = Counter(p.get("id") for _, p in posts)
    texts = Counter(p.get("text", "").strip().lower() for _, p in posts)
    for n, p in posts:
        where = f"line {n} ({p.get('id')})"
        missing = REQUIRED - p.keys()
        if missing:
            problems.append(f"{where}: missing {sorted(missing)}")
            continue
        if not re.fullmatch(re.escape(prefix) + r"\d{3}", p["id"]):
            problems.append(f"{where}: id must be {prefix}001..{prefix}300")
        if ids[p["id"]] > 1:
            problems.append(f"{where}: id repeated")
        if not isinstance(p["text"], str) or not p["text"].strip():
            problems.append(f"{where}: empty text")
            continue
        if texts[p["text"].strip().lower()] > 1:
            problems.append(f"{where}: text repeated in this set")
        if hashlib.sha1(p["text"].strip().lower().encode()).hexdigest() in SEEN:
            problems.append(f"{where}: this exact text is already in an earlier corpus; change it")
        if p["mode"] not in ("personal", "council"):
            problems.append(f"{where}: mode must be personal or council")
        try:
            at = datetime.fromisoformat(p["at"])
            if at.tzinfo is None:
                problems.append(f"{where}: 'at' needs a UTC offset")
                continue
        except (TypeError, ValueError):
            problems.append(f"{where}: 'at' is not ISO 8601")
            continue
        cl = p["clauses"]
        if not isinstance(cl, list) or len(cl) != len(set(cl)) or not set(cl) <= CLAUSES:
            problems.append(f"{where}: clauses must be distinct ids from {sorted(CLAUSES)}")
            continue
        if p["mode"] == "council":
            if not p.get("author"):
                problems.append(f"{where}: council-account post needs an author")
            if "3.1" in cl or {"4.1", "4.2", "4.4"} & set(cl):
                problems.append(f"{where}: 3.1, 4.1, 4.2, 4.4 do not apply on the council account")
            if ("2.2" in cl) == (p.get("author") == SPOKESPERSON):
                problems.append(f"{where}: 2.2 exactly when the author is not {SPOKESPERSON}")
        else:
            if p.get("author"):
                problems.append(f"{where}: personal posts carry no author")
            if {"2.1", "2.2", "2.3", "2.4"} & set(cl):
                problems.append(f"{where}: 2.1-2.4 are for council-account posts only")
            if ("3.1" in cl) != inside_hours(p["at"]):
                problems.append(f"{where}: 3.1 must be labelled exactly when the time is Mon-Fri "
                                f"09:00-17:00 London time (this is {at.astimezone(LONDON):%a %H:%M} London)")
        if not isinstance(p["note"], str) or not p["note"].strip():
            problems.append(f"{where}: note must say why the labels are what they are")
        for s in p["spans"]:
            try:
                if p["text"][s["start"]:s["end"]] != s["text"] or not 0 <= s["start"] < s["end"]:
                    problems.append(f"{where}: span {s['text']!r} is not text[{s['start']}:{s['end']}] "
                                    f"(which is {p['text'][s['start']:s['end']]!r}); compute offsets with text.find")
                if s["clause"] not in ("4.6", "5.1") or s["clause"] not in cl:
                    problems.append(f"{where}: span clause must be 4.6 or 5.1 and labelled")
                if s["entity"] not in ENTITIES:
                    problems.append(f"{where}: span entity {s['entity']!r} unknown")
            except (KeyError, TypeError):
                problems.append(f"{where}: span needs start, end, text, clause, entity")
        for c in ("4.6", "5.1"):
            if c in cl and not any(s.get("clause") == c for s in p["spans"]):
                problems.append(f"{where}: a {c} post needs at least one {c} span")
    allp = [p for _, p in posts if isinstance(p.get("clauses"), list)]
    counts = Counter(c for p in allp for c in p["clauses"])
    modes = Counter(p.get("mode") for p in allp)
    clean = sum(1 for p in allp if not p["clauses"])
    council = [p for p in allp if p.get("mode") == "council"]
    others = [p for p in council if p.get("author") != SPOKESPERSON]
    long_ = sum(1 for p in allp if sentences(p.get("text", "")) >= 4)
    if len(allp) != 300:
        problems.append(f"set: {len(allp)} posts, want 300")
    if modes["personal"] != 250 or modes["council"] != 50:
        problems.append(f"set: {modes['personal']} personal / {modes['council']} council, want 250 / 50")
    if clean < 108:
        problems.append(f"set: {clean} clean posts, want at least 108 (36%)")
    if len(others) < 10:
        problems.append(f"set: {len(others)} council posts by authors other than {SPOKESPERSON}, want 10-14")
    if long_ < 70:
        problems.append(f"set: {long_} posts of four sentences or more, want at least 70")
    for c, m in MINIMUM.items():
        if counts[c] < m:
            problems.append(f"set: clause {c} labels {counts[c]} posts, want at least {m}")
    for pr in problems:
        print(pr)
    print(f"summary: {len(allp)} posts, {modes['personal']} personal, {modes['council']} council "
          f"({len(others)} by other authors), {clean} clean, {long_} long; per clause "
          + ", ".join(f"{c} {counts[c]}" for c in sorted(CLAUSES, key=lambda x: tuple(map(int, x.split('.'))))))
    print("OK" if not problems else f"{len(problems)} problems")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
