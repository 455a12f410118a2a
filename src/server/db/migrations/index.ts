import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_community_sessions";
import * as m0003 from "./0003_calendars";
import * as m0004 from "./0004_conferences";
import * as m0005 from "./0005_session_start_index";
import * as m0006 from "./0006_session_protection";
import * as m0007 from "./0007_email_verification";
import * as m0008 from "./0008_calendar_sequences";
import * as m0009 from "./0009_sign_up_time_zone";
import * as m0010 from "./0010_event_slugs";
import * as m0011 from "./0011_reminders";
import * as m0012 from "./0012_wrap_up";
import * as m0013 from "./0013_waitlists";

/** Every migration, in order. An explicit list survives bundling, unlike a folder scan. */
export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_community_sessions": m0002,
  "0003_calendars": m0003,
  "0004_conferences": m0004,
  "0005_session_start_index": m0005,
  "0006_session_protection": m0006,
  "0007_email_verification": m0007,
  "0008_calendar_sequences": m0008,
  "0009_sign_up_time_zone": m0009,
  "0010_event_slugs": m0010,
  "0011_reminders": m0011,
  "0012_wrap_up": m0012,
  "0013_waitlists": m0013,
};
