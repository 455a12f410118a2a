/** What e2e/seeds/offer-about-to-expire.ts writes, for the journey that reads it. */
export const OFFER_ABOUT_TO_EXPIRE = {
  title: "Small languages, big ideas",
  meetingUrl: "https://meet.example.org/small-languages",
  /** How long after seeding the held place's offer expires. */
  holdSeconds: 25,
  /** Registered as the one presenter, then cancelled: the place freed went to the first in line. */
  presenter: { name: "Pat Presenter", email: "offer-presenter@example.com" },
  /** Holds the offer, and lets it expire. */
  offered: { name: "Cai Offered", email: "offer-first@example.com" },
  /** Waits behind, and is offered the place next. */
  next: { name: "Dee Next", email: "offer-second@example.com" },
  /** The token of the first offer's email link (the database keeps only its sha256). */
  offerToken: "seeded-offer-token-0123456789abcdefghijklmn",
} as const;
