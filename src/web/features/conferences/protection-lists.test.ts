import { describe, expect, it } from "vitest";
import { addEmail, listErrors, namedIn, personLabel, removeEmail } from "./protection-lists";

const ada = { email: "ada@example.org", name: "Ada Lovelace" };

describe("personLabel", () => {
  it("shows the name and the email, or the email alone", () => {
    expect(personLabel(ada)).toBe("Ada Lovelace (ada@example.org)");
    expect(personLabel({ email: "new@example.org", name: null })).toBe("new@example.org");
  });
});

describe("addEmail", () => {
  it("adds the email trimmed and in lower case, without a name until saved", () => {
    expect(addEmail([ada], "  Grace@Example.ORG ")).toEqual({
      list: [ada, { email: "grace@example.org", name: null }],
    });
  });

  it("refuses an empty field, a non-email and someone already listed", () => {
    expect(addEmail([], "  ")).toEqual({ error: "Email is required" });
    expect(addEmail([], "not-an-email")).toEqual({ error: "Email must be a valid email address" });
    expect(addEmail([ada], "ADA@example.org")).toEqual({ error: "ada@example.org is already in the list" });
  });

  it("does not change the list it was given", () => {
    const list = [ada];
    addEmail(list, "grace@example.org");
    expect(list).toEqual([ada]);
  });
});

describe("removeEmail", () => {
  it("removes only that person", () => {
    const grace = { email: "grace@example.org", name: null };
    expect(removeEmail([ada, grace], "ada@example.org")).toEqual([grace]);
    expect(removeEmail([ada], "nobody@example.org")).toEqual([ada]);
  });
});

describe("listErrors", () => {
  it("places the server's fields at the lists, entries included, and leaves the rest", () => {
    expect(
      listErrors({
        coordinators: "no active account uses x@example.org",
        "accessList.1": "must be a valid email address",
        visibility: "is invalid",
      }),
    ).toEqual({ coordinators: "no active account uses x@example.org", accessList: "must be a valid email address" });
    expect(listErrors({})).toEqual({});
  });
});

describe("namedIn", () => {
  it("finds an email among those a message lists", () => {
    const message = "no active account uses x@example.org, y@example.org";
    expect(namedIn(message, "x@example.org")).toBe(true);
    expect(namedIn(message, "Y@example.org")).toBe(true);
    expect(namedIn(message, "z@example.org")).toBe(false);
    expect(namedIn(message, "example.org")).toBe(false);
    expect(namedIn(undefined, "x@example.org")).toBe(false);
  });
});
