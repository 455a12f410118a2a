import type { Db } from "../platform/db";
import { readSetting } from "./queries";

/** Admin > Settings > Google Calendar. The key is a secret: never sent back to the browser. */
export interface GoogleSettings {
  calendarId: string;
  serviceAccountJson: string;
}

export async function readGoogle(db: Db): Promise<GoogleSettings | null> {
  const g = await readSetting<Partial<GoogleSettings>>(db, "google");
  return g?.calendarId && g.serviceAccountJson
    ? { calendarId: g.calendarId, serviceAccountJson: g.serviceAccountJson }
    : null;
}
