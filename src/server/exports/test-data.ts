import type {
  BlockWithSession,
  ContributionRow,
  ConvenerRow,
  EventRow,
  RoomRow,
  SessionWithType,
  SpeakerRow,
} from "../conference-core/rows";
import type { TimetableData } from "../timetable/assemble";
import { local } from "../timetable/test-fixtures";

/**
 * A small conference as stored rows, for the export builders' unit tests: Berlin, 27–31 March 2026 (29 March is
 * the spring DST day); a session with a titled block in a room and a block on the DST day, a poster session, and a
 * top-level contribution. Speakers and conveners carry emails, which no export may show.
 */
const T0 = "2026-01-01T00:00:00.000Z";

export const EVENT_ID = "11111111-1111-4111-8111-111111111111";

export function exportData(over: { zone?: string; title?: string } = {}): TimetableData {
  const zone = over.zone ?? "Europe/Berlin";
  const at = (text: string) => local(text, zone);
  const event: EventRow = {
    id: EVENT_ID,
    title: over.title ?? "Open Source Days 2026",
    slug: "open-source-days-2026",
    description: "Talks, posters and a hallway track.",
    start_at: at("2026-03-27 09:00"),
    end_at: at("2026-03-31 18:00"),
    time_zone: zone,
    room_id: null,
    location_text: "Main hall",
    default_contribution_minutes: 20,
    timetable_published: 1,
    coordinators_manage_contributions: 0,
    coordinators_manage_blocks: 0,
    created_by: null,
    created_at: T0,
    updated_at: T0,
  };
  const session = (id: string, title: string, extra: Partial<SessionWithType> = {}): SessionWithType => ({
    id,
    event_id: EVENT_ID,
    title,
    code: "",
    description: `About ${title}, "quoted", with commas, and\na second line.`,
    type_id: null,
    default_contribution_minutes: 20,
    room_id: null,
    location_text: null,
    text_color: "#202020",
    background_color: "#e3f2d3",
    protection_mode: "inheriting",
    created_at: T0,
    updated_at: T0,
    type_name: null,
    type_code: null,
    type_is_poster: null,
    ...extra,
  });
  const block = (
    id: string,
    sessionId: string,
    start: string,
    minutes: number,
    extra: Partial<BlockWithSession> = {},
  ) =>
    ({
      id,
      session_id: sessionId,
      title: "",
      start_at: at(start),
      duration_minutes: minutes,
      room_id: null,
      location_text: null,
      display_order: 0,
      ics_sequence: 0,
      created_at: T0,
      updated_at: T0,
      event_id: EVENT_ID,
      is_poster: false,
      ...extra,
    }) satisfies BlockWithSession;
  const contribution = (
    id: string,
    title: string,
    sessionId: string | null,
    blockId: string | null,
    start: string,
    minutes: number,
  ): ContributionRow => ({
    id,
    event_id: EVENT_ID,
    title,
    description: "",
    duration_minutes: minutes,
    session_id: sessionId,
    block_id: blockId,
    start_at: at(start),
    board_number: "",
    ics_sequence: 0,
    created_at: T0,
    updated_at: T0,
  });
  const person = (id: string, owner: string, name: string, email: string) => ({
    id,
    name,
    affiliation: "CERN",
    email,
    display_order: 0,
    owner,
  });
  const room: RoomRow = { id: "r1", venue_name: "Venue", name: "Aula", capacity: 300, created_at: T0, updated_at: T0 };
  const speakers: SpeakerRow[] = [
    person("p1", "c1", "Ada Lovelace", "ada@example.test"),
    person("p2", "c3", "Grace Hopper", "grace@example.test"),
  ].map(({ owner, ...p }) => ({ ...p, contribution_id: owner }));
  const conveners: ConvenerRow[] = [person("v1", "b1", "Linus Chair", "chair@example.test")].map(({ owner, ...p }) => ({
    ...p,
    block_id: owner,
  }));
  return {
    event,
    rooms: new Map([[room.id, room]]),
    sessions: [
      session("s1", 'Compilers, "and" friends', { code: "A1", type_name: "Talks", type_id: "t1" }),
      session("s2", "Posters", { type_name: "Poster", type_id: "t2", type_is_poster: 1 }),
    ],
    blocks: [
      block("b1", "s1", "2026-03-27 10:00", 90, { title: "Morning", room_id: "r1" }),
      block("b2", "s1", "2026-03-29 10:00", 60),
      block("b3", "s2", "2026-03-30 14:00", 60, { is_poster: true }),
    ],
    conveners,
    contributions: [
      contribution("c1", "Parsing, fast", "s1", "b1", "2026-03-27 10:00", 30),
      contribution("c2", "Poster one", "s2", "b3", "2026-03-30 14:00", 60),
      contribution("c3", "Keynote", null, null, "2026-03-27 09:00", 45),
    ],
    speakers,
    breaks: [],
    materials: [],
  };
}
