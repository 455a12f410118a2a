import { daysFromNow, editorField } from "./admin-api";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// The seed, "Managing Sessions" › "Creating a Session", step by step.
test("the admin creates a session from Admin > Sessions with New Session, and it is a Draft with the seed's defaults", async ({
  page,
  server,
}) => {
  await signIn(page, server.admin!, "Administrator");

  // 1. Go to Admin > Sessions and click New Session.
  await page.getByRole("banner").getByRole("button", { name: "Admin" }).click();
  await page.getByRole("menuitem", { name: "Sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /sessions? match|^\d+ sessions?\.$/ })).toBeVisible();
  await expectNoA11yViolations(page, "Admin > Sessions");
  await page.getByRole("link", { name: "New Session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New Session" })).toBeVisible();

  // The seed's defaults, before anything is typed.
  const field = (label: string) => editorField(page, label);
  await expect(page.getByRole("combobox", { name: "Timezone" })).toHaveValue("America/New_York");
  await expect(field("Duration")).toHaveValue("45");
  await expect(field("Max Presenters")).toHaveValue("3");
  await expect(field("Max Guests")).toHaveValue("5");
  await expect(field("Talk Duration")).toHaveValue("10");
  await expect(field("Q&A Duration")).toHaveValue("5");
  await expect(page.getByRole("switch", { name: "Has Interviewer" })).toBeChecked();
  await expectNoA11yViolations(page, "New Session");

  // 2. Fill in the session details. The Title first: the first save creates the session, and typing goes on.
  const start = daysFromNow(30);
  await field("Title").fill("Rust in Production");
  await expect(page.getByRole("status").filter({ hasText: "Auto-saved" })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/sessions\/[0-9a-f-]{36}$/);
  await expect(field("Title")).toBeFocused();
  await field("Description").fill("Three short talks on **Rust** at work, then questions.");
  await field("Date & Time").fill(start);
  await field("Meeting URL").fill("https://meet.example.org/rust");
  await field("Meeting Password").fill("ferris");

  // 3. The session is created in Draft status.
  await expect(page.getByRole("status").filter({ hasText: "Saving..." })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Auto-saved" })).toBeVisible();
  await expect(page.getByTestId("session-status")).toHaveText("Draft");
  await expect(page.getByRole("heading", { level: 1, name: "Rust in Production" })).toBeVisible();
  // The agenda the defaults imply: 3 × (10 + 5) = 45 minutes, with times now that the start is set.
  await expect(page.getByRole("row", { name: /Presenter 3 \(open\)/ }).first()).toBeVisible();
  await expect(page.getByTestId("agenda-warning")).toHaveCount(0);
  await expectNoA11yViolations(page, "the new session's editor");

  // Everything was stored, the defaults too.
  await page.reload();
  await expect(field("Title")).toHaveValue("Rust in Production");
  await expect(field("Description")).toHaveValue("Three short talks on **Rust** at work, then questions.");
  await expect(field("Date & Time")).toHaveValue(start);
  await expect(page.getByRole("combobox", { name: "Timezone" })).toHaveValue("America/New_York");
  await expect(field("Duration")).toHaveValue("45");
  await expect(field("Meeting URL")).toHaveValue("https://meet.example.org/rust");
  await expect(field("Meeting Password")).toHaveValue("ferris");
  await expect(field("Max Presenters")).toHaveValue("3");
  await expect(field("Max Guests")).toHaveValue("5");
  await expect(field("Talk Duration")).toHaveValue("10");
  await expect(field("Q&A Duration")).toHaveValue("5");
  await expect(page.getByRole("switch", { name: "Has Interviewer" })).toBeChecked();
  await expect(page.getByTestId("session-status")).toHaveText("Draft");

  // Admin > Sessions lists it as a Draft with its free slots.
  await page.getByRole("link", { name: "← All sessions" }).click();
  const row = page.getByRole("row", { name: /Rust in Production/ });
  await expect(row).toContainText("Draft");
  await expect(row).toContainText("Presenters 0/3");
  await expect(row).toContainText("Guests 0/5");
  await expect(row).toContainText("America/New_York");
  await page.getByLabel("Status", { exact: true }).selectOption("open");
  await expect(page.getByRole("row", { name: /Rust in Production/ })).toHaveCount(0);
  await page.getByLabel("Status", { exact: true }).selectOption("draft");
  await page.getByLabel("Search by title").fill("rust in");
  await expect(page.getByText(/session(s)? matching “rust in”\./)).toBeVisible();
  await expect(page.getByRole("row", { name: /Rust in Production/ })).toHaveCount(1);
  await expect(page.getByRole("row", { name: /Lightning talks/ })).toHaveCount(0);
  await expectNoA11yViolations(page, "Admin > Sessions with a session");
});

test("New Session says what is missing and creates nothing until the Title is filled", async ({ page, server }) => {
  await signIn(page, server.admin!, "Administrator");
  await page.goto("/admin/sessions/new");
  const field = (label: string) => editorField(page, label);
  await field("Duration").fill("2");
  await expect(page.getByText("Title is required")).toBeVisible();
  await expect(page.getByText("Duration must be between 5 and 720")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/sessions\/new$/);
  await expectNoA11yViolations(page, "New Session with errors");

  await field("Title").fill("Lightning talks");
  await expect(page).toHaveURL(/\/admin\/sessions\/[0-9a-f-]{36}$/);
  // The invalid Duration was left out and stays on screen, with its message, until it is fixed.
  await expect(field("Duration")).toHaveValue("2");
  await expect(page.getByText("Duration must be between 5 and 720")).toBeVisible();
  await field("Duration").fill("60");
  await expect(page.getByText("Duration must be between 5 and 720")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Auto-saved" })).toBeVisible();
  await page.reload();
  await expect(field("Duration")).toHaveValue("60");
  await expect(field("Title")).toHaveValue("Lightning talks");
});
