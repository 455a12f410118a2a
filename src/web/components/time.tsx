import { Text } from "@mantine/core";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import {
  DISPLAY_LOCALE,
  describeInstant,
  formatInZone,
  formatRangeInZone,
  isKnownTimeZone,
  runtimeTimeZone,
  viewerTimeZone,
} from "../../shared/time";
import { USER_HOUR_CYCLE } from "../lib/clock";

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
   * (Europe/Paris)" (a timetable entry under its day), with the end's day when it is a later one ("19:00 – Sat
   * 28 Mar, 01:25 EDT (America/New_York)").
   */
  until?: string;
}

/**
 * The one way the app shows a time (style.md 3.2, rule 12): in the viewer's zone, always naming it, e.g.
 * "Tue 3 Mar 2026, 14:00 CET (Europe/Paris)", and the session's own zone beside when it differs.
 */
export function Time({ at, zone, format = "date-time", until }: TimeProps) {
  const viewerZone = useViewerTimeZone();
  const shown = useMemo(() => {
    try {
      if (format === "date-time")
        return describeInstant(at, { viewerZone, sourceZone: zone }, DISPLAY_LOCALE, USER_HOUR_CYCLE);
      const opts = { withDate: false, withSeconds: format === "time-seconds", hourCycle: USER_HOUR_CYCLE };
      const other = zone && zone !== viewerZone && isKnownTimeZone(zone) ? zone : null;
      // A range names its zone once, and the day it ends on when that is a later day in the zone.
      const show = (z: string) =>
        until && format === "time" ? formatRangeInZone(at, until, z, opts) : formatInZone(at, z, opts);
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
