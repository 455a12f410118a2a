import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes); @node-rs/argon2 defaults to argon2id.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Verify against a throwaway hash when there is none, so "no such account" takes as long as "wrong password".
  const target = passwordHash ?? (await dummyHash);
  try {
    return (await verify(target, password)) && passwordHash !== null;
  } catch {
    return false;
  }
}

const dummyHash = hash("not a real password, only for timing", OPTIONS);

// The most common passwords of 10+ characters in public breach lists; the length rule excludes the rest.
const COMMON = new Set([
  "1234567890",
  "12345678910",
  "0123456789",
  "0987654321",
  "1111111111",
  "1q2w3e4r5t",
  "qwertyuiop",
  "asdfghjkl;",
  "1qaz2wsx3edc",
  "password12",
  "password123",
  "password1234",
  "passw0rd123",
  "iloveyou12",
  "qwerty1234",
  "qwerty12345",
  "abcdefghij",
  "abc1234567",
  "1234qwerty",
  "football12",
  "baseball12",
  "princess12",
  "sunshine12",
  "welcome123",
  "letmein123",
  "administrator",
  "changeme123",
  "trustno1234",
  "superman123",
  "michael123",
  "computer12",
  "basketball",
  "starwars12",
  "whatever12",
  "1234554321",
  "9876543210",
  "aaaaaaaaaa",
  "zaq12wsxcde",
  "q1w2e3r4t5",
  "1q2w3e4r5t6y",
  "qazwsxedc123",
  "password!1",
  "p@ssw0rd12",
  "p@ssword123",
  "welcome1234",
  "iloveyou123",
  "monkey12345",
  "dragon12345",
  "master12345",
  "conveneconvene",
]);

/** Why a new password is refused, beyond its length (platform.md, Accounts), or null when it is fine. */
export function passwordWeakness(password: string, email: string): string | null {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "is too common: choose one that is not on lists of leaked passwords";
  if (new Set(lower).size <= 2) return "is too easy to guess: use more different characters";
  // Refuse a password that is essentially the email ("jane.doe2024"), not a passphrase that happens to
  // contain a common word like "admin".
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (lower.includes(email.toLowerCase())) return "must not contain your email address";
  if (local.length >= 3 && lower.includes(local) && lower.length - local.length <= 4) {
    return "is too close to your email address";
  }
  return null;
}
