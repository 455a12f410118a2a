// After a community session (issue #15): the host or an organiser marks who attended, adds the recording and
// notes, and the attendees get one follow-up email; each member sees their attendance history. Emails read from
// the SMTP capture; the server's clock moved past the session's end.
import { expect, it } from "vitest";
import { buildOpenSession, futureLocal, mailsAbout, registeredMember, uniqueTitle } from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { AttendanceHistory, CommunitySession, ParticipantList } from "../../shared/schemas/community-sessions";

const BASE = "/api/v1/community/sessions";
type S = CommunitySession & ErrorBody;

describeEngines("community sessions: the organiser wraps up", (engine) => {
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  const server = useTestServer(engine, { clock });
  const admin = async () => (await signedInAgent(server(), { admin: true })).agent;
  const afterEnd = (s: CommunitySession) => {
    offset = Date.parse(s.endsAt ?? "") + 60_000 - Date.now();
  };

  it("the host marks who attended, adds the recording and notes; attendees get one follow-up with the next sessions, no-shows none", async () => {
    offset = 0;
    const a = await admin();
    const title = uniqueTitle("Wrapped");
    // Tomorrow: the clock moves past its end while everyone stays signed in.
    const session = await buildOpenSession(a, { title, startsLocal: futureLocal(1) });
    const next = await buildOpenSession(a, { title: uniqueTitle("Next one"), startsLocal: futureLocal(40) });
    const host = await registeredMember(server(), session.id, "host", { name: "Hal" });
    const came = await registeredMember(server(), session.id, "guest", { name: "Cleo" });
    const missed = await registeredMember(server(), session.id, "guest", { name: "Max" });
    const ids = async () =>
      Object.fromEntries(
        (await a.get<ParticipantList>(`${BASE}/${session.id}/participants`)).body.participants.map((p) => [
          p.userId,
          p.id,
        ]),
      );
    const pid = await ids();
    const body = {
      attendance: [
        { participantId: pid[host.id], attended: true },
        { participantId: pid[came.id], attended: true },
        { participantId: pid[missed.id], attended: false },
      ],
      recordingUrl: "https://video.example.org/wrapped",
      notes: "Slides are on the wiki.",
    };

    // Before the end: not yet, and the page does not offer it.
    expect((await host.agent.get<S>(`${BASE}/${session.id}`)).body.abilities.wrapUp).toBe(false);
    const early = await host.agent.post<S>(`${BASE}/${session.id}/wrap-up`, body);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("not_ended");

    afterEnd(session);
    expect((await host.agent.get<S>(`${BASE}/${session.id}`)).body.abilities.wrapUp).toBe(true);
    // A guest may not; the host may.
    expect((await came.agent.post(`${BASE}/${session.id}/wrap-up`, body)).status).toBe(403);
    // The host saves the recording before anyone is marked attended: the follow-up is not used up.
    const first = await host.agent.post<S>(`${BASE}/${session.id}/wrap-up`, { recordingUrl: body.recordingUrl });
    expect(first.status).toBe(200);
    expect(first.body.wrapUp).toMatchObject({ recordingUrl: body.recordingUrl, wrappedUpAt: null });
    await server().deliver();
    expect(mailsAbout(server(), came.email, title).some((m) => m.subject?.startsWith("Thank you"))).toBe(false);
    const done = await host.agent.post<S>(`${BASE}/${session.id}/wrap-up`, body);
    expect(done.status).toBe(200);
    expect(done.body.wrapUp).toMatchObject({ recordingUrl: body.recordingUrl, notes: body.notes });
    await server().deliver();

    for (const p of [host, came]) {
      const mails = mailsAbout(server(), p.email, title).filter((m) => m.subject?.startsWith("Thank you for joining"));
      expect(mails.map((m) => m.subject)).toEqual([`Thank you for joining: ${title}`]);
      expect(mails[0]?.text).toContain("https://video.example.org/wrapped");
      expect(mails[0]?.text).toContain("Slides are on the wiki.");
      expect(mails[0]?.text).toContain(next.title);
    }
    expect(mailsAbout(server(), missed.email, title).some((m) => m.subject?.startsWith("Thank you"))).toBe(false);

    // Wrapping up again (a corrected note) changes the page, not anyone's inbox.
    const again = await a.post<S>(`${BASE}/${session.id}/wrap-up`, { notes: "Slides and code are on the wiki." });
    expect(again.status).toBe(200);
    expect(again.body.wrapUp?.notes).toBe("Slides and code are on the wiki.");
    await server().deliver();
    expect(mailsAbout(server(), came.email, title).filter((m) => m.subject?.startsWith("Thank you"))).toHaveLength(1);

    // Each member sees their own attendance; admins see anyone's; nobody else's.
    const mine = await came.agent.get<AttendanceHistory>("/api/v1/me/community/attendance");
    expect(mine.body).toMatchObject({
      attended: 1,
      noShows: 0,
      sessions: [{ sessionId: session.id, status: "attended" }],
    });
    const theirs = await a.get<AttendanceHistory>(`/api/v1/admin/users/${missed.id}/attendance`);
    expect(theirs.body).toMatchObject({ attended: 0, noShows: 1 });
    expect((await came.agent.get(`/api/v1/admin/users/${missed.id}/attendance`)).status).toBe(403);
    // The recording is for participants, like the meeting link.
    const stranger = (await signedInAgent(server())).agent;
    expect((await stranger.get<S>(`${BASE}/${session.id}`)).body.wrapUp).toBeNull();
    expect((await came.agent.get<S>(`${BASE}/${session.id}`)).body.wrapUp?.recordingUrl).toBe(body.recordingUrl);
    offset = 0;
  });

  it("bad wrap-ups get a 400 naming the field and change nothing; cancelled sessions were not held", async () => {
    offset = 0;
    const a = await admin();
    const session = await buildOpenSession(a, { title: uniqueTitle("Bad wrap"), startsLocal: futureLocal(1) });
    const guest = await registeredMember(server(), session.id, "guest");
    const gone = await registeredMember(server(), session.id, "guest");
    expect((await gone.agent.delete(`${BASE}/${session.id}/registrations/me`)).status).toBeLessThan(300);
    const pid = Object.fromEntries(
      (await a.get<ParticipantList>(`${BASE}/${session.id}/participants`)).body.participants.map((p) => [
        p.userId,
        p.id,
      ]),
    );
    afterEnd(session);
    const cases: [Record<string, unknown>, string][] = [
      [{ recordingUrl: "ftp://files.example.org/x" }, "recordingUrl"],
      [{ attendance: [{ participantId: pid[gone.id], attended: true }] }, "attendance.0.participantId"],
      [{ attendance: [{ participantId: session.id, attended: true }] }, "attendance.0.participantId"],
      [{ attendance: [{ participantId: pid[guest.id], attended: "yes" }] }, "attendance.0.attended"],
      [{ notes: "x".repeat(5001) }, "notes"],
    ];
    for (const [body, field] of cases) {
      const res = await a.post<S>(`${BASE}/${session.id}/wrap-up`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields, JSON.stringify(body)).toHaveProperty(field);
    }
    const page = (await a.get<S>(`${BASE}/${session.id}`)).body;
    expect(page.wrapUp).toEqual({ recordingUrl: null, notes: null, wrappedUpAt: null });

    offset = 0;
    const off = await buildOpenSession(a, { title: uniqueTitle("Never held"), startsLocal: futureLocal(1) });
    expect((await a.post(`${BASE}/${off.id}/status`, { action: "cancel" })).status).toBe(200);
    afterEnd(off);
    const res = await a.post<S>(`${BASE}/${off.id}/wrap-up`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("not_held");
    offset = 0;
  });
});
