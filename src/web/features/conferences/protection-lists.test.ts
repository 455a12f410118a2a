import { describe, expect, it } from "vitest";
import { listErrors, namedIn, personLabel, refusalToAdd, removeEmail, resolveTyped } from "./protection-lists";

const ada = { email: "ada@example.org", name: "Ada Lovelace" };

describe("personLabel", () => {
  it("shows the name and the email, or the email alone", () => {
    expect(personLabel(ada)).toBe("Ada Lovelace (ada@example.org)");
    expect(personLabel({ email: "new@example.org", name: null })).toBe("new@example.org");
  });
});

describe("resolveTyped", () => {
  const found = [ada, { email: "adam@example.org", name: "Adam Smith" }];

  it("takes the person found with exactly the typed email, in any case", () => {
    expect(resolveTyped("  ADA@example.org ", found)).toEqual({ person: ada });
  });

  it("asks the server about a whole email it has not found yet, never adding it unchecked", () => {
    expect(resolveTyped("Grace@Example.ORG", found)).toEqual({ lookUp: "grace@example.org" });
  });

  it("refuses an empty field, and a name that is not a choice", () => {
    expect(resolveTyped("  ", found)).toEqual({ error: "Type a name or an email, then choose the person" });
    expect(resolveTyped("Ada", found)).toEqual({ error: "Choose one of the people found, or type their whole email" });
    expect(resolveTyped("Zed", [])).toEqual({
      error: "Nobody found: type their whole email, or ask them to sign up first",
    });
  });
});

describe("refusalToAdd", () => {
  it("refuses someone already in the list", () => {
    expect(refusalToAdd([ada], "ADA@example.org")).toBe("ADA@example.org is already in the list");
    expect(refusalToAdd([ada], "grace@example.org")).toBeNull();
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
