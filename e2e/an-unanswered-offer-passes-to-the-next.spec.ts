import type { ParsedMail } from "mailparser";
import { expect, expectNoA11yViolations, linkUnder, PASSWORD, type RunningServer, signIn, test } from "./fixtures";
import { OFFER_ABOUT_TO_EXPIRE as SEED } from "./seeds/offer-about-to-expire-data";

// Issue #15, waitlists per role: a place offered from the waitlist and not answered in time passes to the next in
// line. The server runs on the real clock, so the held offer (expiring seconds after seeding) is seeded before it
// starts, with the outbox row that expires it, as the app writes them.

test.use({ seedScript: "e2e/seeds/offer-about-to-expire.ts", timezoneId: "Europe/London" });

/** Waits, longer than waitForEmail does, for an email the offer's deadline sends. */
async function waitForLateEmail(server: RunningServer, address: string, subject: RegExp): Promise<ParsedMail> {
  const match = () => server.smtp.to(address).find((m) => subject.test(m.subject ?? ""));
  await server.smtp.waitFor(() => match() !== undefined, 60_000);
  return match()!;
}

test("an offer nobody answers expires and the place is offered to the next in line, who accepts it", async ({
  browser,
  page,
  server,
}) => {
  test.slow();
  // The first in line sees the place held for them, until when, in their zone and the session's.
  await signIn(page, { email: SEED.offered.email, password: PASSWORD }, SEED.offered.name);
  await page.goto("/my-sessions");
  const waiting = page.getByRole("region", { name: "Waiting" }).getByRole("article", { name: SEED.title });
  await expect(waiting.getByTestId("waiting-standing")).toContainText("Presenter place offered until");
  await expect(waiting.getByTestId("waiting-standing")).toContainText("(Europe/London)");
  await waiting.getByRole("link", { name: `Accept: ${SEED.title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: SEED.title })).toBeVisible();
  const standing = page.getByTestId("waitlist-standing");
  await expect(standing).toContainText("A Presenter place is held for you until");
  await expect(standing).toContainText("(Europe/London)");
  await expect(standing).toContainText("(Asia/Tokyo)");
  await expect(page.getByRole("button", { name: "Accept the place" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Decline" })).toBeVisible();

  // They do not answer. At the deadline the offer expires (they are told) and the next in line is offered it.
  await waitForLateEmail(server, SEED.offered.email, /^Offer expired:/);
  const offer = await waitForLateEmail(server, SEED.next.email, /^A place is yours if you want it:/);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: SEED.title })).toBeVisible();
  await expect(page.getByTestId("waitlist-standing")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Accept the place" })).toHaveCount(0);
  // Their old link says what happened.
  await page.goto(`/offers/${SEED.offerToken}`);
  await expect(page.getByRole("heading", { level: 1, name: "Offer expired" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept the place" })).toHaveCount(0);

  // The next in line opens the link in a browser where nobody is signed in, and accepts.
  const context = await browser.newContext({ baseURL: server.baseUrl, timezoneId: "Europe/London" });
  const next = await context.newPage();
  await next.goto(linkUnder(offer, "/offers/"));
  await expect(
    next.getByRole("heading", { level: 1, name: "A Presenter place is yours if you want it" }),
  ).toBeVisible();
  await next.getByRole("button", { name: "Accept the place" }).click();
  await expect(next.getByRole("heading", { level: 1, name: "You are registered" })).toBeVisible();
  await expect(next.getByTestId("offer-result")).toContainText(
    "We emailed you the meeting link; sign in to see it on the session page",
  );
  await expectNoA11yViolations(next, "the offer page, accepted signed out");
  await next.getByRole("link", { name: "Sign in to see the meeting link" }).click();
  await next.getByLabel("Email").fill(SEED.next.email);
  await next.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await next.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(next.getByRole("heading", { level: 1, name: SEED.title })).toBeVisible();
  await expect(next.getByTestId("my-role")).toHaveText("Presenter");
  await expect(next.getByTestId("meeting-url")).toHaveAttribute("href", SEED.meetingUrl);
  await context.close();
});
