import type { Kysely } from "kysely";
import { afterEach, expect, it } from "vitest";
import { describeEngines, openTestDb, type TestDb } from "../../../../tests/engines";
import { up } from "./0008_calendar_sequences";
import { migrations } from "./index";

// The SEQUENCE the feeds served before this migration: seconds since 2024 of the latest change.
const oldSequence = (iso: string) => Math.floor((Date.parse(iso) - Date.UTC(2024, 0, 1)) / 1000);

describeEngines("migration 0008: calendar sequences", (engine) => {
  let handle: TestDb | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it("starts each counter at the SEQUENCE the feeds last served, so no subscriber sees it fall", async () => {
    handle = await openTestDb(engine);
    // biome-ignore lint/suspicious/noExplicitAny: the schema as it was before this migration
    const db = handle.db as unknown as Kysely<any>;
    for (const name of Object.keys(migrations).sort()) {
      if (name < "0008") await migrations[name]?.up(db);
    }
    const t = (day: string) => `2025-${day}T10:00:00.000Z`;
    await db
      .insertInto("events")
      .values({
        id: "e1",
        title: "Conf",
        start_at: t("03-01"),
        end_at: t("03-05"),
        time_zone: "Europe/Berlin",
        created_at: t("01-01"),
        updated_at: t("01-01"),
      })
      .execute();
    const colours = { text_color: "#000000", background_color: "#ffffff" };
    await db
      .insertInto("conference_sessions")
      .values({
        id: "s1",
        event_id: "e1",
        title: "S",
        default_contribution_minutes: 20,
        ...colours,
        created_at: t("01-01"),
        updated_at: t("01-01"),
      })
      .execute();
    const block = (id: string, updated: string) => ({
      id,
      session_id: "s1",
      start_at: t("03-02"),
      duration_minutes: 60,
      created_at: t("01-01"),
      updated_at: updated,
    });
    await db
      .insertInto("session_blocks")
      .values([block("b1", t("01-10")), block("b2", t("02-10")), block("b3", t("01-05"))])
      .execute();
    const contribution = (id: string, updated: string, blockId: string | null) => ({
      id,
      event_id: "e1",
      title: id,
      duration_minutes: 20,
      session_id: blockId ? "s1" : null,
      block_id: blockId,
      start_at: t("03-02"),
      created_at: t("01-01"),
      updated_at: updated,
    });
    await db
      .insertInto("contributions")
      .values([contribution("c1", t("06-01"), "b1"), contribution("top", t("04-01"), null)])
      .execute();
    await db
      .insertInto("breaks")
      .values({
        id: "r1",
        event_id: "e1",
        block_id: "b3",
        title: "Coffee",
        start_at: t("03-02"),
        duration_minutes: 15,
        ...colours,
        created_at: t("01-01"),
        updated_at: t("05-01"),
      })
      .execute();

    await up(db);

    const sequences = async (table: string) =>
      Object.fromEntries(
        (await db.selectFrom(table).select(["id", "ics_sequence"]).execute()).map((r) => [
          r.id,
          Number(r.ics_sequence),
        ]),
      );
    // A block: its own latest change or that of a contribution or break inside it.
    expect(await sequences("session_blocks")).toEqual({
      b1: oldSequence(t("06-01")),
      b2: oldSequence(t("02-10")),
      b3: oldSequence(t("05-01")),
    });
    expect(await sequences("contributions")).toEqual({ c1: oldSequence(t("06-01")), top: oldSequence(t("04-01")) });
    // New rows start at 0.
    await db
      .insertInto("session_blocks")
      .values(block("b4", t("07-01")))
      .execute();
    expect((await sequences("session_blocks")).b4).toBe(0);
  });
});
