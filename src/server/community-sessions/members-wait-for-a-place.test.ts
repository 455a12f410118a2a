// Role-aware waitlists (issue #15), as members and organisers live them: join a full role's line, a place frees
// and is offered to the first in line with a deadline, accepted from the email's link (or declined, or left to
// expire, when it passes to the next), promotion without offers, the organisers' line, the no-show rule. Read
// from the API and the SMTP capture, with the server's clock moved where a deadline must pass.
import { expect, it } from "vitest";
import { inviteIn } from "../../../tests/calendar-parts";
import { buildOpenSession, futureLocal, mailsAbout, registeredMember, uniqueTitle } from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { type Agent, signedInAgent, type TestServer, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type {
  CommunitySession,
  MyRegistrationList,
  OfferAnswer,
  ParticipantList,
  PlaceOffer,
  WaitlistList,
  WaitlistSettings,
} from "../../shared/schemas/community-sessions";

const BASE = "/api/v1/community/sessions";
const SETTINGS = "/api/v1/admin/settings/waitlists";
const HOUR = 3_600_000;

/** The token in the offer email's "Accept the place" link. */
function offerToken(server: TestServer, email: string, title: string): string {
  const mail = mailsAbout(server, email, title)
    .filter((m) => (m.subject ?? "").startsWith("A place is yours"))
    .at(-1);
  const match = /\/offers\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "");
  if (!match?.[1]) throw new Error(`no offer link for ${email}`);
  return match[1];
}

const subjects = (server: TestServer, email: string, title: string) =>
  mailsAbout(server, email, title).map((m) => (m.subject ?? "").replace(`: ${title}`, ""));

describeEngines("community sessions: members wait for a place", (engine) => {
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  const server = useTestServer(engine, { clock });
  const admin = async () => (await signedInAgent(server(), { admin: true })).agent;
  const waiter = async (sessionId: string, role: string, name: string, fields: Record<string, unknown> = {}) => {
    const m = await signedInAgent(server(), { name });
    const res = await m.agent.post<CommunitySession>(`${BASE}/${sessionId}/waitlist`, { role, ...fields });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { ...m, joined: res.body };
  };
  const sessionAs = async (agent: Agent, id: string) => (await agent.get<CommunitySession>(`${BASE}/${id}`)).body;
  const setWaitlists = async (a: Agent, patch: Partial<WaitlistSettings>) =>
    expect((await a.put(SETTINGS, patch)).status).toBe(200);

  it("a member joins a full Presenter waitlist, a presenter cancels, the first in line accepts from the email's link and sees the meeting link", async () => {
    offset = 0;
    const a = await admin();
    await setWaitlists(a, { mode: "offer", holdMinutes: 720, noShowLimit: 0 });
    const title = uniqueTitle("Waitlisted");
    const session = await buildOpenSession(a, { title, maxPresenters: 1, timeZone: "America/New_York" });
    const presenter = await registeredMember(server(), session.id, "presenter", { fields: { talkTitle: "First" } });

    // A free role is registered for, not waited for.
    const early = await signedInAgent(server());
    const notFull = await early.agent.post<ErrorBody>(`${BASE}/${session.id}/waitlist`, { role: "guest" });
    expect(notFull.status).toBe(409);
    expect(notFull.body.error.code).toBe("role_has_places");

    const ada = await waiter(session.id, "presenter", "Ada", { talkTitle: "Queues, kindly" });
    expect(ada.joined.myWaitlist).toMatchObject({ role: "presenter", status: "waiting", position: 1 });
    expect(ada.joined.myRegistration).toBeNull();
    expect(ada.joined.meetingUrl).toBeNull();
    const bob = await waiter(session.id, "presenter", "Bob");
    expect(bob.joined.myWaitlist?.position).toBe(2);
    expect(bob.joined.slots.presenter).toEqual({ capacity: 1, taken: 1, offered: 0, free: 0, waiting: 2 });
    await server().deliver();
    const joined = mailsAbout(server(), ada.email, title).at(-1);
    expect(joined?.subject).toBe(`On the waitlist: ${title}`);
    expect(joined?.text).toContain("1st in line for Presenter");
    expect(joined?.text).toContain("held for you for 12 hours");

    // Never both registered and waiting, and in one line at a time.
    const again = await ada.agent.post<ErrorBody>(`${BASE}/${session.id}/waitlist`, { role: "guest" });
    expect(again.body.error.code).toBe("already_waiting");
    const register = await ada.agent.post<ErrorBody>(`${BASE}/${session.id}/registrations`, { role: "guest" });
    expect(register.status).toBe(409);
    expect(register.body.error.code).toBe("already_waiting");
    const registered = await presenter.agent.post<ErrorBody>(`${BASE}/${session.id}/waitlist`, { role: "guest" });
    expect(registered.body.error.code).toBe("already_registered");

    // My sessions shows where she stands.
    const mine = (await ada.agent.get<MyRegistrationList>("/api/v1/me/community/registrations")).body;
    expect(mine.waiting.map((w) => [w.session.title, w.waitlist.position])).toEqual([[title, 1]]);

    // The presenter cancels: the place is offered to Ada and held for her, not free to anyone else.
    expect((await presenter.agent.delete(`${BASE}/${session.id}/registrations/me`)).status).toBe(200);
    const held = await sessionAs(ada.agent, session.id);
    expect(held.myWaitlist).toMatchObject({ status: "offered", position: null });
    expect(Date.parse(held.myWaitlist?.offerExpiresAt ?? "")).toBe(Date.parse(held.myWaitlist?.offerExpiresAt ?? ""));
    expect(held.slots.presenter).toEqual({ capacity: 1, taken: 0, offered: 1, free: 0, waiting: 1 });
    const stranger = await signedInAgent(server());
    const sneak = await stranger.agent.post<ErrorBody>(`${BASE}/${session.id}/registrations`, { role: "presenter" });
    expect(sneak.status).toBe(409);
    expect(sneak.body.error.code).toBe("role_full");
    expect((await sessionAs(bob.agent, session.id)).myWaitlist?.position).toBe(1);

    await server().deliver();
    const offer = mailsAbout(server(), ada.email, title).at(-1);
    expect(offer?.subject).toBe(`A place is yours if you want it: ${title}`);
    expect(offer?.text).toContain("Accept the place");
    // The deadline in her zone (the session's, as she has none) and the place pencilled into her calendar.
    expect(offer?.text).toMatch(/held for you until .*\(America\/New_York\)/);
    expect(offer?.text).not.toContain("https://meet.example.org/peer-talks");
    const pencilled = inviteIn(offer);
    expect(pencilled.method).toBe("PUBLISH");
    expect(pencilled.status).toBe("TENTATIVE");
    expect(pencilled.text).not.toContain("meet.example.org");

    // The link works signed out: it shows the offer, and one click registers her with her talk.
    const token = offerToken(server(), ada.email, title);
    // It accepts for her, so Admin > Mail shows it masked, as it does reset links.
    const outbox = await a.get<{ items: { id: string; summary: string }[] }>(
      `/api/v1/admin/outbox?kind=email&limit=200`,
    );
    const row = outbox.body.items.find((i) => i.summary.includes(ada.email) && i.summary.includes("A place is yours"));
    const detail = await a.get<{ email: { text: string } }>(`/api/v1/admin/outbox/${row?.id}`);
    expect(detail.body.email.text).toContain("/offers/");
    expect(detail.body.email.text).not.toContain(token);
    const anonymous = server().agent();
    const seen = await anonymous.get<PlaceOffer>(`/api/v1/community/offers/${token}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      sessionId: session.id,
      sessionTitle: title,
      role: "presenter",
      status: "offered",
    });
    expect(seen.body.forYou).toBeNull();
    // Signed in, the page can tell whether the link is for this account (accepting registers Ada either way).
    expect((await ada.agent.get<PlaceOffer>(`/api/v1/community/offers/${token}`)).body.forYou).toBe(true);
    expect((await stranger.agent.get<PlaceOffer>(`/api/v1/community/offers/${token}`)).body.forYou).toBe(false);
    const accepted = await anonymous.post<OfferAnswer>(`/api/v1/community/offers/${token}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ sessionId: session.id, status: "accepted" });
    const after = await sessionAs(ada.agent, session.id);
    expect(after.myWaitlist).toBeNull();
    expect(after.myRegistration).toMatchObject({ role: "presenter", talkTitle: "Queues, kindly" });
    expect(after.meetingUrl).toBe("https://meet.example.org/peer-talks");
    expect(after.status).toBe("open");
    const twice = await anonymous.post<ErrorBody>(`/api/v1/community/offers/${token}/accept`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("offer_accepted");
    await server().deliver();
    const confirmed = mailsAbout(server(), ada.email, title).at(-1);
    expect(confirmed?.subject).toBe(`Registration confirmed: ${title}`);
    expect(confirmed?.text).toContain("https://meet.example.org/peer-talks");
    expect(inviteIn(confirmed)).toMatchObject({ method: "REQUEST", uid: pencilled.uid });
    // A bad token is a clear 400 or 404, never a 500.
    expect((await anonymous.get(`/api/v1/community/offers/not-a-token`)).status).toBe(400);
    expect((await anonymous.get(`/api/v1/community/offers/${"x".repeat(43)}`)).status).toBe(404);
  });

  it("an offer left unanswered expires at its deadline and passes to the next in line; a declined one passes at once", async () => {
    offset = 0;
    const a = await admin();
    await setWaitlists(a, { mode: "offer", holdMinutes: 120, noShowLimit: 0 });
    const title = uniqueTitle("Expiring");
    const session = await buildOpenSession(a, { title, maxPresenters: 1 });
    const presenter = await registeredMember(server(), session.id, "presenter");
    const cy = await waiter(session.id, "presenter", "Cy");
    const di = await waiter(session.id, "presenter", "Di");
    const ed = await waiter(session.id, "presenter", "Ed");
    await presenter.agent.delete(`${BASE}/${session.id}/registrations/me`);
    await server().deliver();
    const cyToken = offerToken(server(), cy.email, title);
    const deadline = (await sessionAs(cy.agent, session.id)).myWaitlist?.offerExpiresAt ?? "";
    expect(Date.parse(deadline) - Date.now()).toBeGreaterThan(2 * HOUR - 60_000);
    expect(Date.parse(deadline) - Date.now()).toBeLessThanOrEqual(2 * HOUR);

    // A minute before the deadline nothing moves; at it, the outbox expires Cy's offer and offers Di the place.
    offset = Date.parse(deadline) - Date.now() - 60_000;
    await server().deliver();
    expect((await sessionAs(cy.agent, session.id)).myWaitlist?.status).toBe("offered");
    offset = Date.parse(deadline) - Date.now() + 1_000;
    await server().deliver();
    expect((await sessionAs(cy.agent, session.id)).myWaitlist).toBeNull();
    expect((await sessionAs(di.agent, session.id)).myWaitlist?.status).toBe("offered");
    expect((await sessionAs(ed.agent, session.id)).myWaitlist?.position).toBe(1);
    const expired = mailsAbout(server(), cy.email, title).at(-1);
    expect(expired?.subject).toBe(`Offer expired: ${title}`);
    expect(inviteIn(expired)).toMatchObject({ method: "CANCEL" });
    const late = await server().agent().post<ErrorBody>(`/api/v1/community/offers/${cyToken}/accept`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("offer_expired");
    expect((await server().agent().get<PlaceOffer>(`/api/v1/community/offers/${cyToken}`)).body.status).toBe("expired");

    // Di declines from the page: Ed is offered the place at once.
    const diToken = offerToken(server(), di.email, title);
    const declined = await server().agent().post<OfferAnswer>(`/api/v1/community/offers/${diToken}/decline`, {});
    expect(declined.body.status).toBe("declined");
    expect((await sessionAs(ed.agent, session.id)).myWaitlist?.status).toBe("offered");
    await server().deliver();
    expect(subjects(server(), di.email, title)).toEqual([
      "On the waitlist",
      "A place is yours if you want it",
      "Place declined",
    ]);
    // Ed accepts while signed in, from the session page.
    const accepted = await ed.agent.post<CommunitySession>(`${BASE}/${session.id}/waitlist/me/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.myRegistration?.role).toBe("presenter");
    expect(accepted.body.slots.presenter).toEqual({ capacity: 1, taken: 1, offered: 0, free: 0, waiting: 0 });
    offset = 0;
  });

  it("the hold ends before the session starts, and at the start everyone still in a line is told it closed", async () => {
    offset = 0;
    const a = await admin();
    await setWaitlists(a, { mode: "offer", holdMinutes: 720, noShowLimit: 0 });
    const title = uniqueTitle("Soon");
    // Two days ahead: the clock moves to its start, within the sign-in sessions' life.
    const session = await buildOpenSession(a, { title, maxGuests: 1, startsLocal: futureLocal(2) });
    const start = Date.parse(session.startsAt ?? "");
    offset = start - 3 * HOUR - Date.now(); // three hours before the start
    const guest = await registeredMember(server(), session.id, "guest");
    const fay = await waiter(session.id, "guest", "Fay");
    const gilEmail = (await waiter(session.id, "guest", "Gil")).email;
    await guest.agent.delete(`${BASE}/${session.id}/registrations/me`);
    expect(Date.parse((await sessionAs(fay.agent, session.id)).myWaitlist?.offerExpiresAt ?? "")).toBe(start);
    // At the start Fay's offer lapses and Gil, still waiting, is let go: both are told.
    offset = start - Date.now() + 60_000;
    await server().deliver();
    expect((await a.get<WaitlistList>(`${BASE}/${session.id}/waitlist`)).body.entries).toEqual([]);
    const gil = mailsAbout(server(), gilEmail, title).find((m) => m.subject === `Waitlist: ${title}`);
    expect(gil?.text).toContain("has started and no Guest place freed for you");
    const fayMail = mailsAbout(server(), fay.email, title).find((m) => m.subject === `Waitlist: ${title}`);
    expect(inviteIn(fayMail).method).toBe("CANCEL");
    offset = 0;
  });

  it("with promotion instead of offers, the first in line is registered at once and told", async () => {
    offset = 0;
    const a = await admin();
    await setWaitlists(a, { mode: "promote", noShowLimit: 0 });
    const title = uniqueTitle("Promoted");
    const session = await buildOpenSession(a, { title, maxGuests: 1 });
    const guest = await registeredMember(server(), session.id, "guest");
    const hal = await waiter(session.id, "guest", "Hal", { topics: "Compilers" });
    await guest.agent.delete(`${BASE}/${session.id}/registrations/me`);
    const now = await sessionAs(hal.agent, session.id);
    expect(now.myRegistration?.role).toBe("guest");
    expect(now.meetingUrl).toBe("https://meet.example.org/peer-talks");
    await server().deliver();
    const mail = mailsAbout(server(), hal.email, title).find((m) => m.subject === `You have a place: ${title}`);
    expect(mail?.text).toContain("you are registered");
    expect(inviteIn(mail).method).toBe("REQUEST");
    const roster = (await a.get<ParticipantList>(`${BASE}/${session.id}/participants`)).body.participants;
    expect(roster.find((p) => p.name === "Hal")).toMatchObject({ status: "registered", topics: "Compilers" });
    await setWaitlists(a, { mode: "offer" });
  });

  it("organisers reorder the line, offer or register someone from it, remove people, and a raised cap or a cancelled session moves it", async () => {
    offset = 0;
    const a = await admin();
    await setWaitlists(a, { mode: "offer", holdMinutes: 720, noShowLimit: 0 });
    const title = uniqueTitle("Organised");
    const session = await buildOpenSession(a, { title, maxPresenters: 1 });
    await registeredMember(server(), session.id, "presenter");
    const [ivy, jo, kai, lu] = [
      await waiter(session.id, "presenter", "Ivy"),
      await waiter(session.id, "presenter", "Jo"),
      await waiter(session.id, "presenter", "Kai"),
      await waiter(session.id, "presenter", "Lu"),
    ];
    const line = async () =>
      (await a.get<WaitlistList>(`${BASE}/${session.id}/waitlist`)).body.entries.map((e) => [
        e.name,
        e.status === "offered" ? "offered" : e.position,
      ]);
    const id = async (name: string) =>
      (await a.get<WaitlistList>(`${BASE}/${session.id}/waitlist`)).body.entries.find((e) => e.name === name)?.id;
    // Members do not see the line's names and emails.
    expect((await ivy.agent.get(`${BASE}/${session.id}/waitlist`)).status).toBe(403);

    const moved = await a.post<WaitlistList>(`${BASE}/${session.id}/waitlist/${await id("Kai")}/move`, {
      direction: "up",
    });
    expect(moved.status).toBe(200);
    expect(await line()).toEqual([
      ["Ivy", 1],
      ["Kai", 2],
      ["Jo", 3],
      ["Lu", 4],
    ]);
    const bad = await a.post<ErrorBody>(`${BASE}/${session.id}/waitlist/${await id("Kai")}/move`, {
      direction: "sideways",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("direction");

    // "Offer a place" while none is free: first in line for the next one. Register: refused, the role is full.
    const offered = await a.post<{ status: string }>(`${BASE}/${session.id}/waitlist/${await id("Lu")}/offer`, {});
    expect(offered.body.status).toBe("first_in_line");
    const full = await a.post<ErrorBody>(`${BASE}/${session.id}/waitlist/${await id("Jo")}/register`, {});
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe("role_full");

    // Remove: Ivy is told.
    expect((await a.delete(`${BASE}/${session.id}/waitlist/${await id("Ivy")}`)).status).toBe(200);
    expect(await line()).toEqual([
      ["Lu", 1],
      ["Kai", 2],
      ["Jo", 3],
    ]);

    // Raising Max Presenters to 2 offers the new place to Lu.
    const current = await sessionAs(a, session.id);
    const raised = await a.patch<CommunitySession>(`${BASE}/${session.id}`, {
      maxPresenters: 2,
      version: current.version,
    });
    expect(raised.status).toBe(200);
    expect(await line()).toEqual([
      ["Lu", "offered"],
      ["Kai", 1],
      ["Jo", 2],
    ]);
    // Lowering it below those registered and offered is refused at the field.
    const lower = await a.patch<ErrorBody>(`${BASE}/${session.id}`, { maxPresenters: 1, version: raised.body.version });
    expect(lower.status).toBe(409);
    expect(lower.body.error.fields).toHaveProperty("maxPresenters");

    // Cancelling the session closes its waitlists: everyone in them is told.
    expect((await a.post(`${BASE}/${session.id}/status`, { action: "cancel" })).status).toBe(200);
    expect(await line()).toEqual([]);
    await server().deliver();
    // (The SMTP capture receives in any order: each person's emails are looked up by subject.)
    const ended = (email: string) =>
      mailsAbout(server(), email, title).filter((m) => m.subject === `Waitlist: ${title}`);
    expect(ended(ivy.email).map((m) => m.text)).toEqual([expect.stringContaining("took you off")]);
    for (const m of [jo, kai, lu])
      expect(ended(m.email).map((x) => x.text)).toEqual([expect.stringContaining("has been cancelled")]);
    expect(inviteIn(ended(lu.email)[0]).method).toBe("CANCEL");
  });

  it("the no-show rule sends a member's registration to the waitlist, behind members without missed sessions, and says why", async () => {
    offset = 0;
    const a = await admin();
    await setWaitlists(a, { mode: "offer", noShowLimit: 1, noShowDays: 90 });
    // Mo missed a session last week.
    const missed = await buildOpenSession(a, { title: uniqueTitle("Missed"), startsLocal: futureLocal(2) });
    const mo = await registeredMember(server(), missed.id, "guest", { name: "Mo" });
    offset = 3 * 24 * HOUR;
    const mine = (await a.get<ParticipantList>(`${BASE}/${missed.id}/participants`)).body.participants;
    const moRow = mine.find((p) => p.name === "Mo");
    expect((await a.patch(`${BASE}/${missed.id}/participants/${moRow?.id}`, { status: "no_show" })).status).toBe(200);

    const title = uniqueTitle("Ruled");
    const session = await buildOpenSession(a, { title, maxPresenters: 1 });
    const pia = await registeredMember(server(), session.id, "presenter", { name: "Pia" });
    // Places are free for guests, yet Mo's registration goes to the waitlist (202) with the reason; as nobody
    // else waits for a guest place, it is offered to him to accept.
    const res = await mo.agent.post<CommunitySession>(`${BASE}/${session.id}/registrations`, { role: "guest" });
    expect(res.status).toBe(202);
    expect(res.body.myRegistration).toBeNull();
    expect(res.body.myWaitlist?.reason).toMatch(/no-show/);
    expect(res.body.myWaitlist?.status).toBe("offered");
    await server().deliver();
    const told = mailsAbout(server(), mo.email, title).find((m) => m.subject === `On the waitlist: ${title}`);
    expect(told?.text).toContain("You missed sessions you registered for once in the last 90 days");

    // For the full Presenter role, Mo waits behind Noor, who joined after him.
    const other = uniqueTitle("Ruled presenters");
    const s2 = await buildOpenSession(a, { title: other, maxPresenters: 1 });
    const p2 = await registeredMember(server(), s2.id, "presenter");
    const moWaits = await mo.agent.post<CommunitySession>(`${BASE}/${s2.id}/registrations`, { role: "presenter" });
    expect(moWaits.status).toBe(202);
    const noor = await waiter(s2.id, "presenter", "Noor");
    expect(noor.joined.myWaitlist?.position).toBe(1);
    await p2.agent.delete(`${BASE}/${s2.id}/registrations/me`);
    expect((await sessionAs(noor.agent, s2.id)).myWaitlist?.status).toBe("offered");
    expect((await sessionAs(mo.agent, s2.id)).myWaitlist).toMatchObject({ status: "waiting", position: 1 });
    expect(pia.email).toBeTruthy();
    await setWaitlists(a, { noShowLimit: 0 });
    offset = 0;
  });

  it("settings refuse bad values at their field, and only admins change them", async () => {
    const a = await admin();
    const bad = await a.put<ErrorBody>(SETTINGS, { holdMinutes: 1, mode: "lottery" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({
      holdMinutes: "must be at least 5 minutes",
      mode: "must be offer or promote",
    });
    const member = await signedInAgent(server());
    expect((await member.agent.put(SETTINGS, { holdMinutes: 60 })).status).toBe(403);
    expect((await member.agent.get(SETTINGS)).status).toBe(403);
    expect((await a.get<WaitlistSettings>(SETTINGS)).body.holdMinutes).not.toBe(1);
  });
});
