import type { Kysely } from "kysely";
import { afterEach, expect, it } from "vitest";
import { describeEngines, openTestDb, type TestDb } from "../../../../tests/engines";
import { up } from "./0010_event_slugs";
import { migrations } from "./index";

describeEngines("migration 0010: event slugs", (engine) => {
  let handle: TestDb | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it("gives existing events readable, unique addresses in creation order", async () => {
    handle = await openTestDb(engine);
    // biome-ignore lint/suspicious/noExplicitAny: the schema as it was before this migration
    const db = handle.db as unknown as Kysely<any>;
    for (const name of Object.keys(migrations).sort()) {
      if (name < "0010") await migrations[name]?.up(db);
    }
    const event = (id: string, title: string, created: string) => ({
      id,
      title,
      start_at: "2025-03-01T09:00:00.000Z",
      end_at: "2025-03-02T18:00:00.000Z",
      time_zone: "Europe/Berlin",
      created_at: created,
      updated_at: created,
    });
    await db
      .insertInto("events")
      .values([
        event("e2", "PyCon Berlin", "2025-01-02T00:00:00.000Z"),
        event("e1", "PyCon Berlin", "2025-01-01T00:00:00.000Z"),
        event("e3", "東京会議", "2025-01-03T00:00:00.000Z"),
      ])
      .execute();
    await up(db);
    const rows = await db.selectFrom("events").select(["id", "slug"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: "e1", slug: "pycon-berlin" },
      { id: "e2", slug: "pycon-berlin-2" },
      { id: "e3", slug: "event" },
    ]);
    await expect(db.updateTable("events").set({ slug: "event" }).where("id", "=", "e1").execute()).rejects.toThrow();
  });
});
