import type { Selectable } from "kysely";
import type {
  BlockConvenersTable,
  BreaksTable,
  ConferenceSessionsTable,
  ContributionSpeakersTable,
  ContributionsTable,
  EventsTable,
  MaterialsTable,
  RoomsTable,
  SessionBlocksTable,
  SessionTypesTable,
} from "../db/schema";

/** The row types of the conference tables, shared by every queries file of conference-core/ and timetable/. */

export type EventRow = Selectable<EventsTable>;
export type RoomRow = Selectable<RoomsTable>;
export type SessionTypeRow = Selectable<SessionTypesTable>;
export type ConferenceSessionRow = Selectable<ConferenceSessionsTable>;
export type BlockRow = Selectable<SessionBlocksTable>;
export type ConvenerRow = Selectable<BlockConvenersTable>;
export type ContributionRow = Selectable<ContributionsTable>;
export type SpeakerRow = Selectable<ContributionSpeakersTable>;
export type BreakRow = Selectable<BreaksTable>;
export type MaterialRow = Selectable<MaterialsTable>;

/** A session with what its type says: poster or not (indico.md §1.2: poster-ness comes only from the type). */
export type SessionWithType = ConferenceSessionRow & {
  type_name: string | null;
  type_code: string | null;
  type_is_poster: 0 | 1 | null;
};

/** A block with its session's event and poster flag. */
export type BlockWithSession = BlockRow & { event_id: string; is_poster: boolean };
