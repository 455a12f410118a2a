import { Text } from "@mantine/core";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { describeInstant, runtimeTimeZone, viewerTimeZone } from "../../shared/time";

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

export interface TimeProps {
  /** A UTC instant, ISO-8601. */
  at: string;
  /** The IANA zone of the session or event the time belongs to, shown beside when it is another zone. */
  zone?: string | null;
}

/**
 * The one way the app shows a time (style.md 3.2, rule 12): in the viewer's zone, always naming it, e.g.
 * "Tue 3 Mar 2026, 14:00 CET (Europe/Paris)", and the session's own zone beside when it differs.
 */
export function Time({ at, zone }: TimeProps) {
  const viewerZone = useViewerTimeZone();
  const shown = useMemo(() => {
    try {
      return describeInstant(at, { viewerZone, sourceZone: zone });
    } catch {
      return null;
    }
  }, [at, zone, viewerZone]);
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
