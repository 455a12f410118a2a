// User text rendered safely: Markdown descriptions become HTML the web app inserts as is (dangerouslySetInnerHTML),
// titles and names reach HTML emails, and titles reach email headers.
import { expect, it } from "vitest";
import type { CommunitySession } from "../../src/shared/schemas/community-sessions";
import type { ConferenceEvent } from "../../src/shared/schemas/conference-events";
import type { ConferenceSession } from "../../src/shared/schemas/timetable";
import { signUpByEmail } from "../accounts";
import { buildOpenSession, uniqueTitle } from "../community";
import { buildEvent, buildSession } from "../conferences";
import { describeEngines } from "../engines";
import { PASSWORD, signedInAgent, uniqueEmail, useTestServer } from "../harness";

const HOSTILE_MARKDOWN = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(2)">',
  '<a href="javascript:alert(3)">raw link</a>',
  "[md link](javascript:alert(4))",
  "[upper](JAVASCRIPT:alert(5))",
  "[spaced](  javascript:alert(6))",
  "[entity](&#106;avascript:alert(7))",
  "[vb](vbscript:msgbox(8))",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==)",
  "![img](javascript:alert(10))",
  "<javascript:alert(11)>",
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload="alert(12)">',
  '[title](https://ok.example "x\\" onmouseover=\\"alert(13)")',
].join("\n\n");

/**
 * Problems of an HTML fragment meant for innerHTML: any element outside plain Markdown output, any attribute
 * outside the few Markdown writes, any URL whose scheme can run script.
 */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const allowedTags = new Set([
    "p",
    "br",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "s",
  ]);
  const allowedAttrs = new Set(["href", "src", "alt", "title", "rel", "target", "start", "style"]);
  for (const tag of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const name = (tag[1] ?? "").toLowerCase();
    if (!allowedTags.has(name)) problems.push(`element <${name}>`);
    for (const attr of (tag[2] ?? "").matchAll(/([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const attrName = (attr[1] ?? "").toLowerCase();
      if (!allowedAttrs.has(attrName)) problems.push(`attribute ${attrName} on <${name}>`);
      const value = (attr[2] ?? "").replace(/^["']|["']$/g, "").replace(/&#?\w+;/g, "");
      if ((attrName === "href" || attrName === "src") && /^\s*(javascript|vbscript|data):/i.test(value)) {
        problems.push(`${attrName}=${value}`);
      }
      if (attrName === "style" && name !== "th" && name !== "td") problems.push(`style on <${name}>`);
    }
  }
  return problems;
}

describeEngines("security: user text", (engine) => {
  const server = useTestServer(engine);

  it("renders hostile Markdown in community session, event and conference session descriptions without script", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const s = await buildOpenSession(admin, { description: HOSTILE_MARKDOWN });
    const anon = server().agent();
    const seen = await anon.get<CommunitySession>(`/api/v1/community/sessions/${s.id}`);
    expect(seen.status).toBe(200);
    // The words are still there, shown as text.
    expect(seen.body.descriptionHtml).toContain("&lt;script&gt;");
    expect(unsafeParts(seen.body.descriptionHtml)).toEqual([]);

    const event = await buildEvent(admin, { description: HOSTILE_MARKDOWN, timetablePublished: true });
    const ev = await anon.get<ConferenceEvent>(`/api/v1/events/${event.id}`);
    expect(ev.status).toBe(200);
    expect(unsafeParts(ev.body.descriptionHtml)).toEqual([]);

    const session = await buildSession(admin, event.id, { description: HOSTILE_MARKDOWN });
    const cs = await anon.get<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${session.id}`);
    expect(cs.status).toBe(200);
    expect(unsafeParts(cs.body.descriptionHtml)).toEqual([]);
  });

  it("escapes session titles and people's names in HTML emails", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const title = `<img src=x onerror=alert(1)> ${uniqueTitle("Escaped")}`;
    const s = await buildOpenSession(admin, { title });
    const email = uniqueEmail();
    const name = '<b onmouseover="alert(2)">Mallory</b>';
    const member = await signUpByEmail(server(), { name, email, password: PASSWORD });
    expect((await member.post(`/api/v1/community/sessions/${s.id}/registrations`, { role: "guest" })).status).toBe(201);
    await server().deliver();
    const mail = server()
      .smtp.to(email)
      .find((m) => m.subject?.includes("Registration confirmed"));
    expect(mail).toBeDefined();
    const html = typeof mail?.html === "string" ? mail.html : "";
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;b onmouseover=&quot;alert(2)&quot;&gt;Mallory&lt;/b&gt;");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b ");
  });

  it("keeps a title with line breaks inside the Subject: no extra headers or recipients", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const mark = uniqueTitle("Header");
    const title = `${mark}\r\nBcc: injected@evil.example\r\nX-Injected: yes`;
    const s = await buildOpenSession(admin, { title });
    const { agent, email } = await signedInAgent(server());
    expect((await agent.post(`/api/v1/community/sessions/${s.id}/registrations`, { role: "guest" })).status).toBe(201);
    await server().deliver();
    const mail = server()
      .smtp.to(email)
      .find((m) => (m.subject ?? "").includes(mark));
    expect(mail).toBeDefined();
    expect(mail?.headers.has("x-injected")).toBe(false);
    expect(mail?.bcc).toBeUndefined();
    expect(server().smtp.messages.some((m) => m.headers.has("x-injected"))).toBe(false);
  });
});
