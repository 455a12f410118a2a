/** The people and title e2e/seeds/ended-session.ts writes, for the journey that reads them. */
export const ENDED_SESSION = {
  title: "Retrospective on reproducible builds",
  host: { name: "Hana Host", email: "wrap-host@example.com" },
  guests: [
    { name: "Gil Guest", email: "wrap-guest-1@example.com" },
    { name: "Gia Guest", email: "wrap-guest-2@example.com" },
    { name: "Noa Noshow", email: "wrap-guest-3@example.com" },
  ],
} as const;
