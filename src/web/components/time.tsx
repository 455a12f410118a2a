import { Text } from "@mantine/core";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { describeInstant, formatInZone, isKnownTimeZone, runtimeTimeZone, viewerTimeZone } from "../../shared/time";

const ProfileZoneContext = createContext<string | null>(null);

/**
 * Supplies the zone set in the viewer's profile (null: follow the browser). The app puts it at the root from
 * /api/v1/auth/me, so every Time below shows the viewer's zone without asking for it.
 */
export function ViewerTimeZoneProvider({ profileZone, children }: { profileZone: string | null; children: ReactNode }) {
  return <ProfileZoneContext.Provider value={profileZone}>{children}</ProfileZoneContext.Provider>;
}

/** The zone times are shown in for this viewer: their profile's, else the browser's. */
export function useViewerTimeZone(): string {
  const profileZone = useContext(ProfileZoneContext);
  return useMemo(() => viewerTimeZone(profileZone, runtimeTimeZone()), [profileZone]);
}

interface TimeProps {
  /** A UTC instant, ISO-8601. */
  at: string;
  /** The IANA zone of the session or event the time belongs to, shown beside when it is another zone. */
  zone?: string | null;
  /**
   * "date-time" (default): "Tue 3 Mar 2026, 14:00 CET (Europe/Paris)"; "time": "14:00 CET (Europe/Paris)", for
   * times under a date already shown (an agenda); "time-seconds": "14:00:05 CET (Europe/Paris)", for a moment
   * just past ("Auto-saved at").
   */
  format?: "date-time" | "time" | "time-seconds";
  /**
   * The end of a range, shown with `format="time"` as one range naming the zone once: "09:00–10:30 CET
   * (Europe/Paris)" (a timetable entry under its day).
   */
  until?: string;
}

/** "09:00 CET (Europe/Paris)" and "10:30 CET (Europe/Paris)" → "09:00–10:30 CET (Europe/Paris)". */
function joinRange(start: string, end: string): string {
  const [startClock, ...startZone] = start.split(" ");
  const [endClock, ...endZone] = end.split(" ");
  const zone = startZone.join(" ");
  // A range across a DST change names both zone abbreviations.
  return zone === endZone.join(" ") ? `${startClock}–${endClock} ${zone}` : `${start} – ${end}`;
}

/**
 * The one way the app shows a time (style.md 3.2, rule 12): in the viewer's zone, always naming it, e.g.
 * "Tue 3 Mar 2026, 14:00 CET (Europe/Paris)", and the session's own zone beside when it differs.
 */
export function Time({ at, zone, format = "date-time", until }: TimeProps) {
  const viewerZone = useViewerTimeZone();
  const shown = useMemo(() => {
    try {
      if (format === "date-time") return describeInstant(at, { viewerZone, sourceZone: zone });
      const opts = { withDate: false, withSeconds: format === "time-seconds" };
      const other = zone && zone !== viewerZone && isKnownTimeZone(zone) ? zone : null;
      const show = (z: string) =>
        until && format === "time"
          ? joinRange(formatInZone(at, z, opts), formatInZone(until, z, opts))
          : formatInZone(at, z, opts);
      return { viewer: show(viewerZone), source: other ? show(other) : null };
    } catch {
      return null;
    }
  }, [at, zone, viewerZone, format, until]);
  if (!shown) return <span>{at}</span>;
  return (
    <span>
      <time dateTime={at}>{shown.viewer}</time>
      {shown.source && (
        <Text span c="dimmed" inherit>
          {" · "}
          {shown.source}
        </Text>
      )}
    </span>
  );
}
