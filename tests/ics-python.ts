import { spawnSync } from "node:child_process";

/**
 * A second, independent reader of our calendars: Python's icalendar, the Debian package python3-icalendar
 * (`.ci/services.sh` installs it). Debian's own python3 is tried first, since a python3 earlier on PATH (pyenv, a
 * virtualenv) does not see Debian's packages; ICS_PYTHON names another interpreter.
 */
const CANDIDATES = [process.env.ICS_PYTHON, "/usr/bin/python3", "python3"].filter((p): p is string => Boolean(p));

export const icalendarPython: string | null =
  CANDIDATES.find((p) => spawnSync(p, ["-c", "import icalendar"], { stdio: "ignore" }).status === 0) ?? null;

export const MISSING_ICALENDAR =
  "Python's icalendar is missing: apt-get install -y python3-icalendar (or set ICS_PYTHON to a python3 that has it)";

// Reads [[label, text], …] as JSON on stdin and prints the problems found as a JSON list.
const SCRIPT = `
import json, sys
import icalendar
out = []
for label, text in json.load(sys.stdin):
    def bad(msg):
        out.append(label + ": " + msg)
    try:
        cal = icalendar.Calendar.from_ical(text)
    except Exception as e:
        bad("cannot parse: %s: %s" % (type(e).__name__, e))
        continue
    for comp in cal.walk():
        for prop, err in comp.errors:
            bad("%s %s: %s" % (comp.name, prop, err))
    if not cal.subcomponents:
        bad("VCALENDAR without a component")
    zones = {}
    for tz in cal.walk("VTIMEZONE"):
        try:
            zones[str(tz["TZID"])] = tz.to_tz()
        except Exception as e:
            bad("VTIMEZONE %s: %s: %s" % (tz.get("TZID"), type(e).__name__, e))
    for ev in cal.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART"):
            if name not in ev:
                bad("VEVENT %s without %s" % (ev.get("UID"), name))
        if "DTSTART" not in ev:
            continue
        tzid = ev["DTSTART"].params.get("TZID")
        if tzid is not None and str(tzid) not in zones:
            bad("VEVENT %s: TZID %s without VTIMEZONE" % (ev.get("UID"), tzid))
        try:
            start = ev.decoded("DTSTART")
            if "DTEND" in ev and ev.decoded("DTEND") <= start:
                bad("VEVENT %s ends before it starts" % ev.get("UID"))
        except Exception as e:
            bad("VEVENT %s times: %s: %s" % (ev.get("UID"), type(e).__name__, e))
    try:
        again = icalendar.Calendar.from_ical(cal.to_ical())
        if len(again.walk("VEVENT")) != len(cal.walk("VEVENT")):
            bad("the events change on a round trip")
    except Exception as e:
        bad("round trip: %s: %s" % (type(e).__name__, e))
print(json.dumps(out))
`;

/** The problems Python's icalendar finds in each document (empty: all read). Needs `icalendarPython`. */
export function pythonIcsProblems(documents: readonly { label: string; text: string }[]): string[] {
  if (!icalendarPython) throw new Error(MISSING_ICALENDAR);
  const res = spawnSync(icalendarPython, ["-c", SCRIPT], {
    input: JSON.stringify(documents.map((d) => [d.label, d.text])),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`python3 failed (${res.status}): ${res.stderr}`);
  return JSON.parse(res.stdout) as string[];
}
